import rule from '../../../src/rules/config/committed-env-file.js';
import { ruleTester } from '../../support/rule-tester.js';

const env = 'NODE_ENV=production\nPORT=3000\nSTRIPE_SECRET_KEY=sk_live_51HxAbCdEfGhIjKlMn\nDATABASE_URL=postgres://app:hunter2hunter2@db:5432/app\n';

ruleTester(rule, {
  valid: [
    { name: 'a rate limit is not a key (plane API_KEY_RATE_LIMIT=60/minute)', git: true, files: { 'deploy/variables.env': 'API_KEY_RATE_LIMIT=60/minute\n' } },
    { name: 'env file not tracked', git: true, files: { 'README.md': 'x\n' }, untracked: { '.env': env } },
    { name: 'the dummy credentials of a file someone fills in (password, changeme, postgres)', git: true, files: { 'docker/.env': 'HD_DATABASE_PASSWORD=password\nADMIN_PASSWORD=changeme\nDATABASE_URL=postgres://app:postgres@db:5432/app\n' } },
    { name: 'template', git: true, files: { '.env.example': env, '.env.sample': env } },
    { name: 'placeholders', git: true, files: { '.env': 'SECRET_KEY=changethis\nPOSTGRES_PASSWORD=changethis\nAPI_TOKEN=\nJWT_SECRET=${JWT_SECRET}\nNODE_ENV=production\n' } },
    { name: 'env files in development and test folders (saleor .devcontainer/backend.env)', git: true, files: { '.devcontainer/backend.env': env, 'e2e/app.env': env } },
    { name: 'local defaults: passwords that repeat a name of the file, default* placeholders (teable)', git: true, files: { 'dockers/.env': 'POSTGRES_DB=teable\nPOSTGRES_USER=teable\nPOSTGRES_PASSWORD=teable\nMINIO_ACCESS_KEY=teable\nMINIO_SECRET_KEY=teable123\nPLUGIN_CHART_SECRET=defaultSecretKey\nDATABASE_URL=postgresql://teable:teable@127.0.0.1:5432/teable\nDATABASE_CREDENTIALS=dispatch:dispatch\n' } },
    { name: 'test and development env files', git: true, files: { '.env.test': env, '.env.development': env, 'ci.env': env } },
    { name: 'not a git repository', files: { '.env': env } },
    { name: 'fixtures', git: true, files: { 'test/fixtures/.env': env } },
  ],
  invalid: [
    {
      name: 'a user:password pair with a real password',
      git: true,
      files: { 'app.env': 'DATABASE_CREDENTIALS=dispatch:Xk29vLq8Tw\n' },
      errors: [{ file: 'app.env', line: 1, messageId: 'secret', message: /DATABASE_CREDENTIALS/ }],
    },
    {
      name: 'committed .env with a key and a URL password',
      git: true,
      files: { '.env': env },
      errors: [
        { file: '.env', line: 3, column: 1, messageId: 'secret', message: /\.env is committed to git and sets STRIPE_SECRET_KEY to a real-looking secret \(sk\*{8} \(26 chars\)\); untrack the file \(git rm --cached \.env\)/ },
        { file: '.env', line: 4, column: 1, messageId: 'urlPassword', message: /DATABASE_URL/ },
      ],
    },
    {
      name: 'production env file and a compose env_file',
      git: true,
      files: { '.env.production': 'export API_TOKEN="tok_9f8e7d6c5b4a"\n', 'db.env': 'POSTGRES_PASSWORD=postgres-prod-pw\n' },
      errors: [
        { file: '.env.production', line: 1, column: 8, messageId: 'secret', message: /API_TOKEN/ },
        { file: 'db.env', line: 1, messageId: 'secret', message: /POSTGRES_PASSWORD/ },
      ],
    },
  ],
});
