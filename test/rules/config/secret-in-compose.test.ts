import rule from '../../../src/rules/config/secret-in-compose.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a path to a credentials file (robotoff GOOGLE_APPLICATION_CREDENTIALS)', files: { 'docker-stack.yml': 'services:\n  api:\n    image: acme/api:1\n    environment:\n      GOOGLE_APPLICATION_CREDENTIALS: /opt/robotoff/credentials/google/credentials.json\n      SSL_KEY_PASSWORD_PATH: ./certs/key-pass.txt\n' } },
    {
      name: 'values from the deploy environment',
      files: {
        'compose.yaml':
          'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}\n      POSTGRES_USER: app\n  api:\n    image: acme/api:1.2.0\n    environment:\n      - SECRET_KEY=$SECRET_KEY\n      - DATABASE_URL=postgres://app:${POSTGRES_PASSWORD}@db:5432/app\n      - API_TOKEN\n',
      },
    },
    {
      name: '_FILE pointers and Swarm secrets',
      files: { 'docker-stack.yml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    external: true\n' },
    },
    { name: 'placeholders and flags', files: { 'compose.yaml': 'services:\n  db:\n    image: mysql:8.4\n    environment:\n      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\n      MYSQL_RANDOM_ROOT_PASSWORD: "1"\n      MYSQL_PASSWORD: changeme\n      JWT_SECRET: <your-jwt-secret>\n' } },
    { name: 'settings with secret-like names', files: { 'compose.yaml': 'services:\n  api:\n    image: acme/api:1\n    environment:\n      TOKEN_TTL: "3600"\n      PASSWORD_MIN_LENGTH: "12"\n      POSTGRES_USER: admin\n' } },
    { name: 'URL without a password', files: { 'compose.yaml': 'services:\n  api:\n    image: acme/api:1\n    environment:\n      DATABASE_URL: postgres://app@db:5432/app\n      REDIS_URL: redis://cache:6379/0\n' } },
    { name: 'development-only compose files', files: { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n', 'docker-compose.override.yml': 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: localdevpass\n', 'docker-compose.dev.yml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: localdevpass\n' } },
  ],
  invalid: [
    {
      name: 'one literal used through YAML aliases is one finding, at the anchor',
      files: {
        'docker-compose.yml':
          'x-db: &db\n  POSTGRES_PASSWORD: &db-password listmonk-db-pass-123\nservices:\n  app:\n    image: acme/app:1.2.3\n    environment:\n      APP_DB_PASSWORD: *db-password\n  db:\n    image: postgres:16.3\n    environment:\n      <<: *db\n',
      },
      errors: [{ file: 'docker-compose.yml', line: 2, messageId: 'literal', message: /APP_DB_PASSWORD/ }],
    },
    {
      name: 'map form literal password',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: s3cr3t-passw0rd\n' },
      errors: [{ file: 'compose.yaml', line: 6, column: 7, messageId: 'literal', message: /Service "db" sets POSTGRES_PASSWORD in environment to a literal secret \(s3\*{8} \(15 chars\)\); take it from the deploy environment \(\$\{POSTGRES_PASSWORD\}\)/ }],
    },
    {
      name: 'list form and URL password',
      files: { 'docker-compose.yml': 'services:\n  api:\n    image: acme/api:1\n    environment:\n      - SESSION_SECRET=kq93jf93jf0a9sdf\n      - DATABASE_URL=postgres://app:hunter2hunter2@db:5432/app\n' },
      errors: [
        { file: 'docker-compose.yml', line: 5, column: 9, messageId: 'literal', message: /SESSION_SECRET/ },
        { file: 'docker-compose.yml', line: 6, column: 9, messageId: 'urlPassword', message: /DATABASE_URL in environment to a URL with a literal password \(hu\*{8} \(14 chars\)\)/ },
      ],
    },
    {
      name: 'build argument',
      files: { 'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: npm_abcdefghijklmnop\n    image: acme/web:1\n' },
      errors: [{ file: 'compose.yaml', line: 6, messageId: 'literal', message: /NPM_TOKEN in build\.args/ }],
    },
  ],
});
