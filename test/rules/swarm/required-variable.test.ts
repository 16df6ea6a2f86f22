import rule from '../../../src/rules/swarm/required-variable.js';
import { ruleTester } from '../../support/rule-tester.js';

const file = 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      - URL=https://${DOMAIN:?set DOMAIN}\n    labels:\n      - host=${DOMAIN?missing}\n';
ruleTester(rule, {
  valid: [
    { name: 'set with --env', files: { 'compose.yaml': file }, env: { DOMAIN: 'example.com' } },
    { name: 'defaults are not required', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:${TAG:-1.27}\n' } },
    { name: '${X?} is satisfied by an empty value, ${X:?} is not: empty X for ?', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    labels:\n      - a=${X?x}\n' }, env: { X: '' } },
  ],
  invalid: [
    {
      name: 'one finding per variable, on the first use',
      files: { 'compose.yaml': file },
      errors: [{ file: 'compose.yaml', line: 5, column: 9, message: /^Set DOMAIN before deploying \(required in 2 places\): invalid interpolation format for services\.web\.environment\.\[\]: "required variable DOMAIN is missing a value: set DOMAIN"/ }],
    },
    { name: '${X:?} with an empty value', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    labels:\n      - a=${X:?x}\n' }, env: { X: '' }, errors: [{ file: 'compose.yaml', line: 5 }] },
  ],
});
