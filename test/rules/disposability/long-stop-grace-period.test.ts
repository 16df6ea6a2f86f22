import rule from '../../../src/rules/disposability/long-stop-grace-period.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'default grace period', files: { 'compose.yaml': 'services:\n  web:\n    image: app:1\n' } },
    { name: 'thirty seconds', files: { 'compose.yaml': 'services:\n  web:\n    image: app:1\n    stop_grace_period: 30s\n' } },
    { name: 'exactly one minute', files: { 'docker-stack.yml': 'services:\n  worker:\n    image: app:1\n    stop_grace_period: 1m\n' } },
    { name: 'milliseconds', files: { 'compose.yaml': 'services:\n  web:\n    image: app:1\n    stop_grace_period: 59000ms\n' } },
    { name: 'not a duration (schema problem, not ours)', files: { 'compose.yaml': 'services:\n  web:\n    image: app:1\n    stop_grace_period: soon\n' } },
  ],
  invalid: [
    {
      name: 'ten minutes',
      files: { 'docker-stack.yml': 'services:\n  worker:\n    image: registry.example.com/worker:1.4.2\n    stop_grace_period: 10m\n' },
      errors: [{ file: 'docker-stack.yml', line: 4, column: 24, messageId: 'long', message: /Service "worker" sets stop_grace_period 10m \(600 s\)/ }],
    },
    {
      name: 'compound duration from a variable default',
      files: { 'compose.yaml': 'services:\n  api:\n    image: api:1\n    stop_grace_period: ${GRACE:-1m30s}\n' },
      errors: [{ file: 'compose.yaml', line: 4, message: /1m30s \(90 s\)/ }],
    },
  ],
});
