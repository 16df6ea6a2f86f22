import rule from '../../../src/rules/dev-prod-parity/dev-settings-in-production.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'production values in the stack file', files: { 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n    environment:\n      NODE_ENV: production\n      DEBUG: "false"\n' } },
    { name: 'development values in the dev file', files: { 'docker-compose.dev.yml': 'services:\n  web:\n    image: web:1\n    environment:\n      NODE_ENV: development\n      DEBUG: "1"\n' } },
    { name: 'DEBUG namespaces of the debug package', files: { 'compose.prod.yaml': 'services:\n  web:\n    image: web:1\n    environment:\n      - DEBUG=express:router\n' } },
    {
      name: 'a compose.yaml that is not deployed (a stack file beside it)',
      files: { 'compose.yaml': 'services:\n  web:\n    image: web:1\n    environment:\n      FLASK_DEBUG: "1"\n', 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n' },
    },
    { name: 'template env file', files: { '.env.production.example': 'NODE_ENV=development\n' } },
    { name: 'required variable', files: { 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n    environment:\n      NODE_ENV: ${NODE_ENV:?set NODE_ENV}\n' }, env: { NODE_ENV: 'production' } },
    { name: 'development Dockerfile', files: { 'Dockerfile.dev': 'FROM node:20\nENV NODE_ENV=development\n' } },
  ],
  invalid: [
    {
      name: 'the deployed compose.yaml turns debug mode on',
      files: { 'compose.yaml': 'services:\n  web:\n    image: web:1\n    environment:\n      FLASK_DEBUG: "1"\n' },
      errors: [{ file: 'compose.yaml', line: 5, messageId: 'compose' }],
    },
    {
      name: 'NODE_ENV=development and DEBUG=true in a stack file',
      files: { 'docker-stack.yml': 'services:\n  web:\n    image: registry.example.com/web:1.4.2\n    environment:\n      NODE_ENV: development\n      DEBUG: "true"\n' },
      errors: [
        { file: 'docker-stack.yml', line: 5, column: 7, messageId: 'compose', message: /Service "web" sets NODE_ENV=development in docker-stack.yml, a production file/ },
        { file: 'docker-stack.yml', line: 6, column: 7, messageId: 'compose', message: /DEBUG=true/ },
      ],
    },
    {
      name: 'list syntax in compose.prod.yml, Django and Flask',
      files: { 'compose.prod.yml': 'services:\n  api:\n    image: api:2\n    environment:\n      - DJANGO_DEBUG=True\n      - FLASK_ENV=development\n' },
      errors: [
        { file: 'compose.prod.yml', line: 5, column: 9, message: /DJANGO_DEBUG=True/ },
        { file: 'compose.prod.yml', line: 6, column: 9, message: /FLASK_ENV=development/ },
      ],
    },
    {
      name: 'development from a variable default',
      files: { 'deploy/docker-compose.yml': 'services:\n  web:\n    image: web:1\n    environment:\n      RAILS_ENV: ${RAILS_ENV:-development}\n' },
      errors: [{ file: 'deploy/docker-compose.yml', line: 5, messageId: 'composeDefault', message: /RAILS_ENV=development .* from the default of \$\{RAILS_ENV\}/ }],
    },
    {
      name: '.env.production and Dockerfile.prod',
      files: { '.env.production': 'APP_ENV=local\nAPP_DEBUG=true\nAPP_URL=https://example.com\n', 'Dockerfile.prod': 'FROM node:20\nENV NODE_ENV=development PORT=3000\nCMD ["node", "server.js"]\n' },
      errors: [
        { file: '.env.production', line: 1, column: 1, messageId: 'env', message: /APP_ENV=local/ },
        { file: '.env.production', line: 2, messageId: 'env', message: /APP_DEBUG=true/ },
        { file: 'Dockerfile.prod', line: 2, messageId: 'dockerfile', message: /ENV NODE_ENV=development/ },
      ],
    },
  ],
});
