import rule from '../../../src/rules/config/unset-env-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'an optional setting documented as a comment in .env.example',
      files: { 'compose.yaml': 'services:\n  app:\n    build: .\n    image: a:1\n', Dockerfile: 'FROM node:22\nCOPY . .\nCMD ["node", "server.js"]\n', '.env.example': '# Turn on the demo mode\n# DEMO_MODE=true\n', 'server.js': "const env = { DEMO_MODE: process.env.DEMO_MODE };\nmodule.exports = env;\nrequire('http').createServer().listen(3000);\n" },
    },
    { name: 'X_FILE is the optional secret-file form of X (docker/getting-started)', files: { 'compose.yaml': 'services:\n  app:\n    image: app:1\n    environment:\n      MYSQL_PASSWORD: secret\n', 'src/mysql.js': 'const password = process.env.MYSQL_PASSWORD_FILE ? fs.readFileSync(process.env.MYSQL_PASSWORD_FILE) : process.env.MYSQL_PASSWORD;\nconst p2 = fs.readFileSync(process.env.MYSQL_PASSWORD_FILE);\n' } },
    { name: 'set by compose', files: { 'compose.yaml': 'services:\n  web:\n    image: web:1\n    environment:\n      STRIPE_KEY: ${STRIPE_KEY}\n', 'src/pay.js': 'const key = process.env.STRIPE_KEY;\n' } },
    { name: 'listed in .env.example', files: { '.env.example': 'STRIPE_KEY=sk_test_replace_me\n', 'src/pay.js': "const { STRIPE_KEY } = process.env;\n" } },
    { name: 'mentioned in the README', files: { 'README.md': '# App\n\nSet `STRIPE_KEY` to your Stripe key.\n', 'src/pay.ts': "const key = process.env['STRIPE_KEY'];\n" } },
    { name: 'Dockerfile ENV and ARG', files: { Dockerfile: 'FROM node:20\nARG BUILD_SHA\nENV LOG_LEVEL=info\n', 'src/a.js': 'console.log(process.env.BUILD_SHA, process.env.LOG_LEVEL);\n' } },
    { name: 'platform variables', files: { 'src/a.js': 'if (process.env.NODE_ENV === "production" && process.env.CI) console.log(process.env.HOME, process.env.npm_package_version, process.env.PORT);\n' } },
    { name: 'optional: read with a default everywhere', files: { 'src/a.js': "const level = process.env.LOG_LEVEL || 'info';\n" } },
    { name: 'set by a package script', files: { 'package.json': JSON.stringify({ scripts: { start: 'FEATURE_X=1 node src/a.js' } }), 'src/a.js': 'if (process.env.FEATURE_X) {}\n' } },
    { name: 'flags and alternative names are optional', files: { 'src/a.js': "if (process.env.ENABLE_BETA) beta();\nconst hosted = process.env.DEPLOYMENT === 'hosted';\nconst domains = process.env.ALLOWED_DOMAINS ?? process.env.LEGACY_ALLOWED_DOMAINS ?? '';\n" } },
    { name: 'checked before use', files: { 'src/v.ts': 'const v = () => { if (process.env.APP_VERSION) { return process.env.APP_VERSION; } return "dev"; };\n' } },
    { name: 'Number(process.env.X) || default', files: { 'src/a.js': 'const pool = Number(process.env.DB_POOL_SIZE) || 10;\nconst t = parseInt(process.env.TIMEOUT_MS ?? "500", 10);\n' } },
    { name: 'an env template that .gitignore hides is still documentation', files: { '.gitignore': '.env*\n', '.env.example': 'SESSION_SECRET=replace-me\n', 'src/a.js': 'app.use(session({ secret: process.env.SESSION_SECRET }));\n' } },
    // Reads whose absence the code handles are optional config (each shape seen on real code).
    { name: 'flag: !!process.env.X and !process.env.X', files: { 'src/config.ts': 'export const privateMode = !!process.env.PRIVATE_MODE;\nconst telemetry = !process.env.DISABLE_TELEMETRY;\n' } },
    { name: 'guard on two variables: Boolean(A && B)', files: { 'src/kafka.ts': 'const enabled = Boolean(process.env.KAFKA_URL && process.env.KAFKA_BROKER);\n' } },
    { name: 'typeof process !== "undefined" && process.env.X', files: { 'src/util.js': 'if (typeof process !== "undefined" && process.env.HIDE_LOG) { hide(process.env.HIDE_LOG.split(",")); }\n' } },
    { name: 'a || process.env.X || default chains', files: { 'src/port.js': 'const port = parseInt(args.port || process.env.APP_PORT || process.env.PORT || 3001);\n' } },
    { name: '[arg, process.env.X, 3001].find(…)', files: { 'src/port.js': 'const port = [args.port, process.env.APP_PORT, 3001].find((p) => p !== undefined);\n' } },
    { name: 'an alternative after another env source (args.host || process.env.A || hostEnv)', files: { 'src/config.js': 'let hostEnv = isFreeBSD ? null : process.env.HOST;\nconst hostname = args.host || process.env.APP_HOST || hostEnv;\nconst port = [args.port, process.env.APP_PORT, process.env.PORT, 3001].map((p) => parseInt(p)).find((p) => !isNaN(p));\n' } },
    { name: 'assigned to a local, checked in the next statement', files: { 'src/host.js': 'let hostname = process.env.APP_HOST;\nif (!hostname) hostname = process.env.HOST;\nconst ip = process.env.CLIENT_IP_HEADER;\nconst header = ip ? req.headers[ip] : undefined;\n' } },
    { name: 'stored in a property the code tests', files: { 'src/db.js': 'cfg.socketPath = process.env.DB_SOCKET;\nif (cfg.socketPath) connectSocket(cfg);\n' } },
    { name: 'handed on in a response payload, not used by this code', files: { 'src/app/api/config/route.ts': 'export async function GET() {\n  return json({ faviconUrl: process.env.FAVICON_URL, linksUrl: process.env.LINKS_URL });\n}\n' } },
    { name: 'optional chaining on the read', files: { 'src/db.js': 'const socket = process.env.DB_SOCKET?.trim();\n' } },
    { name: 'Next.js env: entries are build inputs', files: { 'package.json': JSON.stringify({ scripts: { start: 'next start' }, dependencies: { next: '14' } }), 'next.config.js': "module.exports = { env: { currentVersion: pkg.version, cloudMode: process.env.CLOUD_MODE ? 'true' : '' } };\n", 'src/app/page.tsx': 'export const v = process.env.currentVersion;\nconst c = process.env.cloudMode;\n' } },
    { name: 'copied from Swarm secrets into the environment', files: { 'docker-stack.yml': 'services:\n  api:\n    image: acme/api:1.2.3\n    secrets: [mongo_uri]\nsecrets:\n  mongo_uri:\n    external: true\n', 'src/config.js': 'module.exports = { mongo: process.env.MONGO_URI };\n' } },
    {
      name: 'declared optional by the env schema (t3-env createEnv), even where read directly elsewhere',
      files: {
        'src/env.ts': "export const env = createEnv({\n  server: {\n    OIDC_ISSUER_URL: z.string().optional(),\n    EMAIL_PROVIDER: z.enum(['smtp', 'ses']).default('smtp'),\n  },\n  client: { NEXT_PUBLIC_KEY: z.string().url().nullish() },\n  runtimeEnv: {\n    OIDC_ISSUER_URL: process.env.OIDC_ISSUER_URL,\n    EMAIL_PROVIDER: process.env.EMAIL_PROVIDER,\n    NEXT_PUBLIC_KEY: process.env.NEXT_PUBLIC_KEY,\n  },\n});\n",
        'src/mail.ts': 'const provider = process.env.EMAIL_PROVIDER;\nsend(provider);\n',
      },
    },
    { name: 'no entry resolved: a maintainer script under scripts/ is not the app (vikunja deploy-preview-netlify.mjs)', files: { 'Dockerfile': 'FROM node:22 AS frontend\nCOPY frontend /build\nRUN pnpm run build\nFROM scratch\nCOPY --from=frontend /build/dist /app\nCOPY vikunja /vikunja\nENTRYPOINT ["/vikunja"]\n', 'frontend/scripts/deploy-preview.mjs': 'const token = process.env.GITEA_TOKEN;\nfetch(url, { headers: { token } });\n' } },
    {
      name: 'Python: defaults, feature switches, django-environ declared defaults, documented in .env.example, set by compose',
      files: {
        Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n',
        'compose.yaml': 'services:\n  web:\n    image: acme/web:1.2\n    environment:\n      DATABASE_URL: ${DATABASE_URL}\n',
        '.env.example': 'STRIPE_API_KEY=sk_test_replace_me\n',
        'mysite/settings.py': "import os\nimport environ\nenv = environ.Env(CACHE_TTL=(int, 60))\nLEVEL = os.getenv('LOG_LEVEL', 'info')\nif os.getenv('USE_S3'):\n    BUCKET = os.environ['AWS_BUCKET']\nTTL = env('CACHE_TTL')\nSTRIPE = os.environ['STRIPE_API_KEY']\nDB = env.db('DATABASE_URL')\n",
      },
    },
    { name: 'no JS entry: browser code and a cli-tool folder are not the server (mediacms)', files: { Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "cms.wsgi"]\n', 'frontend/config/pages.js': 'module.exports = { video: process.env.MEDIACMS_VIDEO_ID };\n', 'cli-tool/cli.py': "import os\nKEY = os.environ['AUTH_KEY']\n" } },
    { name: 'a Playwright script in Python inside a PHP image (Wallos screenshots/): the image runs no Python', files: { Dockerfile: 'FROM php:8.3-fpm-alpine\nCOPY . /var/www/html\nCMD ["php-fpm"]\n', 'screenshots/capture_screenshots.py': "import os\nUSER = os.environ['WALLOS_USERNAME']\n" } },
    { name: 'Ruby: ENV.fetch only inside a check that the variable is set (docuseal config/initializers/sidekiq.rb)', files: { Dockerfile: 'FROM ruby:3.4\nCOPY . /app\nCMD ["bundle", "exec", "puma"]\n', 'config/initializers/sidekiq.rb': "if !ENV['SIDEKIQ_BASIC_AUTH_PASSWORD'].to_s.empty?\n  Sidekiq::Web.use(Rack::Auth::Basic) do |_, password|\n    password == ENV.fetch('SIDEKIQ_BASIC_AUTH_PASSWORD')\n  end\nend\n" } },
    { name: 'Ruby: ENV.key? in one file decides whether another fetches (manyfold application.rb and devise.rb; PUBLIC_PORT)', files: { Dockerfile: 'FROM ruby:3.4\nCOPY . /app\nCMD ["bundle", "exec", "puma"]\n', 'config/application.rb': "FEATURES = { oidc: ENV.key?('OIDC_ISSUER') }\n", 'config/initializers/devise.rb': "if FEATURES[:oidc]\n  issuer = ENV.fetch('OIDC_ISSUER')\nend\n", 'app/lib/public_url.rb': "def port\n  return ENV.fetch('PUBLIC_PORT') if ENV.key?('PUBLIC_PORT')\n  80\nend\n" } },
    { name: 'helpers that read a flag or take a default (grist isAffirmative/optIntegerParam, paperless-ai parseEnvBoolean)', files: { 'src/server.ts': "const a = isAffirmative(process.env.GRIST_EXPERIMENTAL_WORKER_ASSIGNMENT);\nconst b = optIntegerParam(process.env.GRIST_TEST_UPDATE_REQUEST_TIMEOUT, 'timeout') ?? 10000;\nconst c = parseEnvBoolean(process.env.ACTIVATE_TAGGING, 'yes');\n" } },
    { name: 'tests and tool configs are not the app', files: { 'src/a.test.js': 'process.env.SECRET_FOR_TEST;\n', 'vite.config.ts': 'export default { base: process.env.ASSET_BASE };\n' } },
  ],
  invalid: [
    {
      name: "Ruby: ENV.fetch without a default raises when unset; ENV[] and PHP's getenv/env go on without it",
      files: { Dockerfile: 'FROM ruby:3.3\nCOPY . /app\nCMD ["bundle", "exec", "puma"]\n', 'config/initializers/keys.rb': "KEY = ENV.fetch('PAYMENT_SECRET')\nURL = ENV['OPTIONAL_URL']\n", 'public/index.php': "<?php\n$h = getenv('OPTIONAL_HOST');\n$d = env('APP_DEBUG', false);\n" },
      errors: [{ file: 'config/initializers/keys.rb', line: 1, messageId: 'unset', message: /^PAYMENT_SECRET is required by the code/ }],
    },
    {
      name: 'Go: a variable a struct tag requires; os.Getenv (Go goes on with ""), LookupEnv and vendored code are left alone',
      files: {
        Dockerfile: 'FROM golang:1.23 AS build\nCOPY . .\nRUN go build -o /app ./cmd/server\nFROM gcr.io/distroless/base\nCOPY --from=build /app /app\nCMD ["/app"]\n',
        'go.mod': 'module example.com/app\n',
        'internal/config/config.go': 'package config\n\ntype Config struct {\n\tDSN string `env:"DATABASE_DSN,required"`\n}\n',
        'cmd/server/main.go': 'package main\n\nimport "os"\n\nfunc main() {\n\tdsn := os.Getenv("OPTIONAL_DSN")\n\tport := os.Getenv("APP_PORT")\n\tif port == "" {\n\t\tport = "8080"\n\t}\n\t_, ok := os.LookupEnv("FEATURE_X")\n\trun(dsn, port, ok)\n}\n',
        'vendor/github.com/x/y/y.go': 'package y\n\nimport "os"\n\nvar v = os.Getenv("VENDORED_THING")\n',
      },
      errors: [{ file: 'internal/config/config.go', line: 4, messageId: 'unset', message: /^DATABASE_DSN is required by the code/ }],
    },
    {
      name: 'Python: a required read nothing mentions (os.environ[...], django-environ and decouple without a default); .get() goes on without it',
      files: { Dockerfile: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "mysite.wsgi"]\n', 'mysite/settings.py': "import os\nfrom decouple import config\nHOSTS = os.environ['ALLOWED_HOSTS'].split(',')\nKEY = config('STRIPE_API_KEY')\nSENTRY = os.environ.get('SENTRY_DSN')\n" },
      errors: [
        { file: 'mysite/settings.py', line: 3, messageId: 'unset', message: /^ALLOWED_HOSTS is required by the code/ },
        { file: 'mysite/settings.py', line: 4, messageId: 'unset', message: /^STRIPE_API_KEY is required by the code/ },
      ],
    },
    {
      name: 'required by the env schema and mentioned nowhere',
      files: { 'src/env.ts': "export const env = createEnv({\n  server: { SECRET_PASSWORD: z.string().min(32), OIDC_ISSUER_URL: z.string().optional() },\n  runtimeEnv: { SECRET_PASSWORD: process.env.SECRET_PASSWORD, OIDC_ISSUER_URL: process.env.OIDC_ISSUER_URL },\n});\n" },
      errors: [{ file: 'src/env.ts', line: 3, messageId: 'unset', message: /^SECRET_PASSWORD is required by the code/ }],
    },
    {
      // A plain JS read says nothing of whether the app needs the variable: info, worded as what is known.
      name: 'an option object given to a client is used, not handed on (info: a plain read is not a requirement)',
      files: { 'src/pay.js': 'const stripe = new Stripe({ apiKey: process.env.STRIPE_KEY });\n' },
      errors: [{ file: 'src/pay.js', line: 1, messageId: 'unmentioned', message: /^STRIPE_KEY is read in code \(src\/pay\.js:1\) and no deploy file, env file or doc mentions it; if the app needs it/ }],
    },
    {
      name: 'assigned to a local that is used without a check',
      files: { 'src/pay.js': 'const key = process.env.STRIPE_KEY;\nconst stripe = new Stripe(key);\n' },
      errors: [{ file: 'src/pay.js', line: 1, column: 13, messageId: 'unmentioned', message: /^STRIPE_KEY is read in code/ }],
    },
    {
      name: 'TypeScript asserts it is set (process.env.X!): required',
      files: { 'src/pay.ts': 'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\n' },
      errors: [{ file: 'src/pay.ts', line: 1, messageId: 'unset', message: /^STRIPE_SECRET_KEY is required by the code/ }],
    },
    {
      name: 'one finding per variable, every site listed',
      files: {
        'src/pay.js': 'const stripe = require("stripe")(process.env.STRIPE_KEY);\n',
        'src/billing/webhook.ts': "const { STRIPE_KEY, STRIPE_WEBHOOK_SECRET } = process.env;\nexport const url = import.meta.env.VITE_API_URL;\n",
        '.env.example': 'OTHER=1\n',
      },
      errors: [
        { file: 'src/billing/webhook.ts', line: 1, column: 9, messageId: 'unmentioned', message: /^STRIPE_KEY is read in code \(src\/billing\/webhook\.ts:1, src\/pay\.js:1\)/ },
        { file: 'src/billing/webhook.ts', line: 1, column: 21, message: /^STRIPE_WEBHOOK_SECRET/ },
        { file: 'src/billing/webhook.ts', line: 2, column: 20, message: /^VITE_API_URL/ },
      ],
    },
  ],
});
