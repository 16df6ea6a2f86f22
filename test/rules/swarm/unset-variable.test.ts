import rule from '../../../src/rules/swarm/unset-variable.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'default given', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:${TAG:-1.27}\n' } },
    { name: 'set in the deploy env', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:${TAG}\n' }, env: { TAG: '1.27' } },
    { name: '$$ escape is not a variable', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    command: echo $$HOME\n' } },
  ],
  invalid: [
    {
      name: 'unset twice, reported once',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      SMTP_HOST: ${SMTP_HOST}\n      MAIL: smtp://$SMTP_HOST\n' },
      errors: [{ file: 'compose.yaml', line: 5, column: 18, message: /SMTP_HOST is not set in the deploy environment.*and in 1 more place; set it, or write \$\{SMTP_HOST:-default\}/ }],
    },
  ],
});
