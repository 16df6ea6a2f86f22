import rule from '../../../src/rules/swarm/unset-variable.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'default given', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:${TAG:-1.27}\n' } },
    { name: 'set in the deploy env', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:${TAG}\n' }, env: { TAG: '1.27' } },
    { name: 'PWD is set by the shell that runs docker stack deploy', files: { 'compose.yaml': 'services:\n  web:\n    image: caddy:2.8\n    volumes:\n      - $PWD/Caddyfile:/etc/caddy/Caddyfile\n' } },
    { name: 'a .env beside the file: swarm/dotenv-not-read names the unset variables together', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:${TAG}\n', '.env': 'TAG=1.27\n' } },
    { name: '$$ escape is not a variable', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    command: echo $$HOME\n' } },
  ],
  invalid: [
    {
      name: 'an htpasswd hash: one finding for the value, advising $$',
      files: { 'docker-stack.yml': 'services:\n  proxy:\n    image: traefik:v2.11\n    labels:\n      - "traefik.http.middlewares.auth.basicauth.users=admin:$apr1$r31.x$ymeak2FN1yJW9YQdyLCT21"\n' },
      errors: [{ file: 'docker-stack.yml', line: 5, messageId: 'literalDollar', message: /\$apr1, \$r31, \$ym\*+ \(22 chars\).*write \$\$/ }],
    },
    {
      name: 'a URL built from two braced variables is variables, not literal dollars (woodpecker gitpod file)',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      ROOT_URL: https://${WS_ID}.${CLUSTER_HOST}/\n' },
      errors: [
        { file: 'compose.yaml', line: 5, messageId: 'unset', message: /^WS_ID is not set/ },
        { file: 'compose.yaml', line: 5, messageId: 'unset', message: /^CLUSTER_HOST is not set/ },
      ],
    },
    {
      name: 'unset twice, reported once',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      SMTP_HOST: ${SMTP_HOST}\n      MAIL: smtp://$SMTP_HOST\n' },
      errors: [{ file: 'compose.yaml', line: 5, column: 18, message: /SMTP_HOST is not set in the deploy environment.*and in 1 more place; set it, or write \$\{SMTP_HOST:-default\}/ }],
    },
    {
      name: 'optional settings handed on as they are: one info finding per file naming them; a variable required elsewhere is set',
      files: {
        'docker-stack.yml':
          'services:\n  db:\n    image: postgres:16.3\n    environment:\n      - POSTGRES_USER=${POSTGRES_USER:?err}\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U ${POSTGRES_USER}"]\n  app:\n    image: acme/app:1.2\n    environment:\n      - SMTP_HOST=${SMTP_HOST}\n      - SMTP_PORT=${SMTP_PORT}\n',
      },
      errors: [{ file: 'docker-stack.yml', line: 11, messageId: 'passThrough', severity: 'info', message: /^2 optional settings are handed on from the deploy environment \(SMTP_HOST, SMTP_PORT\)/ }],
    },
    {
      name: 'a variable the image refuses to start without is reported on its own (POSTGRES_PASSWORD empty stops postgres); the other hand-on is listed',
      files: { 'docker-stack.yml': 'services:\n  db:\n    image: postgres:16.3\n    environment:\n      POSTGRES_USER: ${POSTGRES_USER}\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n' },
      errors: [
        { file: 'docker-stack.yml', line: 5, messageId: 'passThrough', severity: 'info', message: /^1 optional settings are handed on from the deploy environment \(POSTGRES_USER\)/ },
        { file: 'docker-stack.yml', line: 6, messageId: 'unset', message: /^POSTGRES_PASSWORD is not set/ },
      ],
    },
    {
      name: 'settings handed on under their own name: one finding for the file, not one per variable (FlowiseAI/Flowise hands on 118)',
      files: { 'docker/docker-compose.yml': 'services:\n  app:\n    image: acme/app:1.2\n    environment:\n      - PORT=${PORT}\n      - DATABASE_PATH=${DATABASE_PATH}\n      - LOG_LEVEL=${LOG_LEVEL}\n' },
      errors: [{ file: 'docker/docker-compose.yml', line: 5, messageId: 'passThrough', severity: 'info', message: /^3 optional settings .*\(PORT, DATABASE_PATH, LOG_LEVEL\)/ }],
    },
    {
      name: 'hand-ons an env template beside the file gives values for are meant to be set: a warning naming them',
      files: {
        'docker/docker-compose.yml': 'services:\n  app:\n    image: acme/app:1.2\n    environment:\n      - PORT=${PORT}\n      - DATABASE_PATH=${DATABASE_PATH}\n      - JWT_ISSUER=${JWT_ISSUER}\n',
        'docker/.env.example': 'PORT=3000\n# DATABASE_PATH=/root/.flowise\nJWT_ISSUER=Acme\n',
      },
      errors: [{ file: 'docker/docker-compose.yml', line: 5, messageId: 'passThroughTemplate', severity: 'warning', message: /^3 settings are handed on .*docker\/\.env\.example gives values for PORT, JWT_ISSUER/ }],
    },
    {
      name: 'one variable used twice in a value is one unset variable, not literal dollars (${PORT}:${PORT})',
      files: { 'compose.yaml': 'services:\n  app:\n    image: acme/app:1.2\n    ports:\n      - "${PORT}:${PORT}"\n' },
      errors: [{ file: 'compose.yaml', line: 5, messageId: 'unset', message: /^PORT is not set/ }],
    },
    {
      name: 'a map-form value that only contains the variable is not a hand-on',
      files: { 'docker-stack.yml': 'services:\n  app:\n    image: acme/app:1.2\n    environment:\n      OPTS: mode=${MODE}\n' },
      errors: [{ file: 'docker-stack.yml', line: 5, messageId: 'unset' }],
    },
  ],
});
