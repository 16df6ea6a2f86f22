import rule from '../../../src/rules/swarm/env-file-at-deploy.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [{ name: 'environment and secrets', files: { 'docker-stack.yml': 'services:\n  api:\n    image: api:1\n    environment:\n      LOG_LEVEL: info\n' } }],
  invalid: [{ name: 'env_file', files: { 'docker-stack.yml': 'services:\n  api:\n    image: api:1\n    env_file: .env.production\n', '.env.production': 'A=1\n' }, errors: [{ file: 'docker-stack.yml', line: 4, column: 5 }] }],
});
