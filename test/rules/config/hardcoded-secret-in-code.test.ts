import rule from '../../../src/rules/config/hardcoded-secret-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'message catalogs and natural language (BookStack lang/ja/passwords.php)', files: { 'lang/nb/settings.php': "<?php\nreturn ['users_api_tokens' => 'API-Tokens', 'password' => 'Passord1234'];\n", 'app/Labels.php': "<?php\nreturn ['password_hint' => 'パスワードは8文字以上'];\n" } },
    { name: 'timestamps under key-like names in test data, and a unittests folder (DefectDojo)', files: { 'dojo/report.js': 'const k = { access_key_1_last_rotated: "2018-06-21T13:22:04+00:00", password_last_used: "2019-01-02T03:04:05Z" };\n', 'unittests/scans/new2.js': 'const x = { apiToken: "a8F3kL9qZ2xW7vB4nM6c" };\n' } },
    { name: 'a token prefix constant in UPPER_SNAKE', files: { 'src/validate.ts': "const GITHUB_SCOPED_TOKEN_PREFIX = 'github_pat_';\nexport const ok = (t: string) => t.startsWith(GITHUB_SCOPED_TOKEN_PREFIX);\n" } },
    { name: 'a marker for a hidden credential, and a masked display value in a .clienttest file (Flowise, langfuse)', files: { 'src/utils.ts': "export const REDACTED_CREDENTIAL_VALUE = '_FLOWISE_BLANK_07167752-1a71-43b1-bf8f-4f32252165db';\n", 'src/ApiKeyList.clienttest.tsx': 'const row = { displaySecretKey: "sk-lf-...5678" };\n', 'src/keys.ts': 'export const shown = { secretKey: "sk-lf-…a8Kq2" };\n' } },
    { name: 'Go: a slash-separated context name, a format string, a dotted config key (kratos, woodpecker, vikunja)', files: { 'pagination/token.go': 'package pagination\n\nconst pageTokenContext = "ory/keysetpagination_v2/page_token"\nconst pathGlobalSecrets = "%s/api/secrets"\nconst FilesS3SecretKey = "files.s3.secretkey"\n' } },
    { name: 'a local default whose password is the user name (saleor dj_database_url default)', files: { 'saleor/settings.py': "DATABASES = {'default': dj_database_url.config(default='postgres://saleor:saleor@localhost:5432/saleor')}\n", 'src/db.js': "const url = process.env.DATABASE_URL || 'postgres://app:app@localhost/app';\n" } },
    { name: 'Python: env fallbacks that are placeholders, a dev settings module, reads from the environment', files: { 'mysite/settings.py': "import os\nSECRET_KEY = os.environ['SECRET_KEY']\nAPI_TOKEN = os.getenv('API_TOKEN', 'changeme')\n", 'mysite/settings/dev.py': "SECRET_KEY = 'django-insecure-8#kx!2p@vq$7mz^4w1rt6yb3nc5ld0fhj9s'\n" } },
    { name: 'a PostHog project key (public by design)', files: { 'src/analytics.ts': "export const POSTHOG_API_KEY = 'phc_u5C7zZ6cXCp1Lx8qVh3Qm9yTgRf2WkJsBnDe4aHo0Pi';\n" } },
    { name: 'an Algolia DocSearch key (search-only, public)', files: { 'docusaurus.config.js': "module.exports = { themeConfig: { algolia: { appId: '8J2KQ7LC3X', apiKey: 'd2f4a8e1c9b7365f0a2e4c6b8d1f3a5e', indexName: 'docs' } } };\n" } },
    { name: 'read from the environment', files: { 'src/stripe.ts': "export const stripe = new Stripe(process.env.STRIPE_KEY!);\nconst jwtSecret = process.env.JWT_SECRET;\n" } },
    {
      name: 'names that describe secrets, and words',
      files: {
        'src/auth.js':
          "const TOKEN_HEADER = 'x-auth-token';\nconst passwordField = 'user_password';\nconst token = 'access_token';\nconst secretKey = 'SECRET_KEY';\nconst messages = { password: 'Password is required' };\nconst tokenRegex = '^[A-Za-z0-9]{32}$';\nconst tokenExpiresIn = '7d';\n",
      },
    },
    { name: 'placeholders and documentation examples', files: { 'src/x.js': "const apiKey = 'your-api-key-here';\nconst aws = 'AKIAIOSFODNN7EXAMPLE';\nconst password = 'changeme';\nconst url = 'postgres://user:password@localhost:5432/db';\n" } },
    { name: 'public-by-design keys', files: { 'src/firebase.ts': "export const firebaseConfig = { apiKey: 'AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q', authDomain: 'x.firebaseapp.com' };\nconst stripeKey = 'pk_live_51H8xYzAbCdEfGhIjKlMn';\n" } },
    { name: 'Go: a key name made of its constant name\'s words (casdoor idp/web3onboard.go)', files: { 'idp/web3onboard.go': 'package idp\n\nconst Web3AuthTokenKey = "web3AuthToken"\n' } },
    { name: 'CSS selectors of settings form fields (wekan attachments.js), a PHP column name in snake_case (snipe-it google2fa.php)', files: { 'client/settings.js': "const FIELDS = { s3: { secretAccessKey: '#s3-secret-key' }, gcs: { credentials: '#gcs-credentials' } };\n", 'config/google2fa.php': "<?php\nreturn ['otp_secret_column' => 'google2fa_secret'];\n" } },
    { name: 'Ruby: a Rails route whose path has a :secret segment (huginn config/routes.rb), and routes named for passwords (openstreetmap)', files: { 'config/routes.rb': 'Rails.application.routes.draw do\n  get "forgot-password" => "passwords#new"\n  post "reset-password" => "admin/passwords#update"\n  match "/users/:user_id/web_requests/:agent_id/:secret" => "web_requests#handle_request", as: :web_requests, via: [:get, :post]\n  post "/users/:user_id/webhooks/:agent_id/:secret" => "web_requests#handle_request"\nend\n' } },
    { name: 'test files are not checked', files: { 'src/auth.test.ts': "const secret = 'f3a9c1d27b8e4b0a9d2c';\n" } },
    { name: 'templated URL credentials', files: { 'src/db.js': 'const url = `postgres://${user}:${pass}@db:5432/app`;\n' } },
  ],
  invalid: [
    {
      name: 'PHP, Ruby and Java: a literal password in a config array, a token constant, a key field',
      files: { 'config/database.php': "<?php\nreturn ['mysql' => ['password' => 'Zq8v2LmX9pRt4sWn']];\n", 'config/initializers/api.rb': "API_TOKEN = 'a8F3kL9qZ2xW7vB4nM6c'\n", 'src/main/java/app/Keys.java': 'package app;\nclass Keys { static final String API_KEY = "Q7wE9rT2yU4iO6pA8sD0"; }\n' },
      errors: [
        { file: 'config/database.php', line: 2, message: /password/ },
        { file: 'config/initializers/api.rb', line: 1, message: /API_TOKEN/ },
        { file: 'src/main/java/app/Keys.java', line: 2, message: /API_KEY/ },
      ],
    },
    {
      name: 'Go: a secret in a const and in a struct literal',
      files: { 'internal/auth/keys.go': 'package auth\n\nconst jwtSecret = "a8F3kL9qZ2xW7vB4nM6c"\n\nvar cfg = Config{Password: "Zq8v2LmX9pRt4sWn"}\n' },
      errors: [
        { file: 'internal/auth/keys.go', line: 3, message: /jwtSecret/ },
        { file: 'internal/auth/keys.go', line: 5, message: /Password/ },
      ],
    },
    {
      name: 'Python: the startproject key in production settings, a literal database password, a secret env fallback',
      files: { 'mysite/settings.py': "import os\nSECRET_KEY = 'django-insecure-8#kx!2p@vq$7mz^4w1rt6yb3nc5ld0fhj9s'\nDATABASES = {'default': {'PASSWORD': 'Zq8v2LmX9pRt4sWn'}}\nTOKEN = os.getenv('API_TOKEN', 'a8F3kL9qZ2xW7vB4nM6c')\n" },
      errors: [
        { file: 'mysite/settings.py', line: 2, message: /a Django secret key/ },
        { file: 'mysite/settings.py', line: 3, message: /PASSWORD/ },
        { file: 'mysite/settings.py', line: 4, message: /API_TOKEN/ },
      ],
    },
    {
      name: 'known key formats',
      files: { 'src/clients.js': "const aws = { accessKeyId: 'AKIA2E0A8F3B244C9986' };\nconst gh = 'ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';\n" },
      errors: [
        { file: 'src/clients.js', line: 1, column: 28, messageId: 'format', message: /AWS access key id \(AK\*{8} \(20 chars\)\)/ },
        { file: 'src/clients.js', line: 2, column: 12, messageId: 'format', message: /GitHub token/ },
      ],
    },
    {
      name: 'secret-named high-entropy literal and an env fallback',
      files: { 'src/config.ts': "export const jwtSecret = 'f3a9c1d27b8e4b0a9d2c';\nexport const session = process.env.SESSION_SECRET || 'x7Kq2mZp9Lw4Rt8Vn3Bc';\n" },
      errors: [
        { file: 'src/config.ts', line: 1, column: 26, messageId: 'named', message: /in jwtSecret \(f3\*{8} \(20 chars\)\)/ },
        { file: 'src/config.ts', line: 2, column: 54, messageId: 'fallback', message: /process\.env\.SESSION_SECRET falls back/ },
      ],
    },
    {
      name: 'password in a connection URL',
      files: { 'src/db.js': "const pool = new Pool({ connectionString: 'postgres://app:Zx81mQ02kd@db.internal:5432/app' });\n" },
      errors: [{ file: 'src/db.js', line: 1, messageId: 'url', message: /Zx\*{8} \(10 chars\)/ }],
    },
    {
      name: 'private key block',
      files: { 'src/sign.js': 'const key = `-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1c7\n-----END RSA PRIVATE KEY-----`;\n' },
      errors: [{ file: 'src/sign.js', line: 1, messageId: 'format', message: /private key/ }],
    },
  ],
});
