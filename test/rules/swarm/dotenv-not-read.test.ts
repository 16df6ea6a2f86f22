import rule from '../../../src/rules/swarm/dotenv-not-read.js';
import { ruleTester } from '../../support/rule-tester.js';

const stack = 'services:\n  web:\n    image: app:${TAG}\n    environment:\n      - DOMAIN=${DOMAIN:?set it}\n';
ruleTester(rule, {
  valid: [
    { name: 'no .env', files: { 'docker-stack.yml': stack } },
    { name: 'variables given to the deploy', files: { 'docker-stack.yml': stack, '.env': 'TAG=1\nDOMAIN=x\n' }, env: { TAG: '1', DOMAIN: 'x' } },
    { name: 'the .env sets none of the variables (they come from the deployer)', files: { 'docker-stack.yml': stack, '.env': 'OTHER=1\n' } },
    { name: 'no variables used', files: { 'docker-stack.yml': 'services:\n  web:\n    image: app:1\n', '.env': 'A=1\n' } },
  ],
  invalid: [
    {
      name: 'a deploy script beside the file exports the .env first (teable deploy.sh): info naming the script',
      files: { 'docker-stack.yml': stack, '.env': 'TAG=1\nDOMAIN=x\n', 'deploy.sh': "#!/bin/sh\nexport $(grep -v '^#' .env | xargs)\ndocker stack deploy -c docker-stack.yml app\n" },
      errors: [{ file: 'docker-stack.yml', line: 3, messageId: 'exported', severity: 'info', message: /set by \.env, which deploy\.sh exports before it runs docker stack deploy/ }],
    },
    { name: '.env beside the stack file', files: { 'docker-stack.yml': stack, '.env': 'TAG=1.4.2\nDOMAIN=example.com\n' }, errors: [{ file: 'docker-stack.yml', line: 3, message: /^TAG, DOMAIN are not set in the deploy environment; \.env may set them for docker compose, but docker stack deploy does not read \.env files$/ }] },
    { name: 'only the variables the .env sets are named', files: { 'docker-stack.yml': stack, '.env': 'DOMAIN=example.com\n' }, errors: [{ file: 'docker-stack.yml', line: 5, message: /^DOMAIN is not set in the deploy environment; \.env may set it/ }] },
    { name: 'gitignored .env still exists on disk', files: { 'docker-stack.yml': stack, '.env': 'TAG=1\n', '.gitignore': '.env\n' }, errors: [{ file: 'docker-stack.yml', line: 3 }] },
  ],
});
