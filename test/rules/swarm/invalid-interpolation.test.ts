import rule from '../../../src/rules/swarm/invalid-interpolation.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: '$$ escapes and supported forms', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:${TAG:-1.27}\n    command: ["sh", "-c", "echo $$HOME $${PATH}"]\n    environment:\n      - A=${A-x}\n      - B=$B\n' } },
    { name: 'nested default is accepted by Swarm (the real oracle deploys it)', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    labels:\n      - note=${A:-${B}}\n' } },
    { name: 'top-level x- fields are not interpolated', files: { 'compose.yaml': 'x-note: ${A:+b}\nservices:\n  web:\n    image: nginx:1.27\n' } },
    { name: 'replicas from a variable with a numeric default', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      replicas: ${REPLICAS:-2}\n' } },
  ],
  invalid: [
    {
      name: '${VAR:+x} is not supported',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      - FLAG=${DEBUG:+verbose}\n' },
      errors: [{ file: 'compose.yaml', line: 5, column: 9, messageId: 'invalid', message: 'invalid interpolation format for services.web.environment.[]: "FLAG=${DEBUG:+verbose}"; you may need to escape any $ with another $' }],
    },
    { name: 'a lone $', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    command: echo costs 5$\n' }, errors: [{ file: 'compose.yaml', line: 4, message: /services\.web\.command/ }] },
    {
      name: 'a numeric field that interpolates to text',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      replicas: ${REPLICAS:-two}\n' },
      errors: [{ file: 'compose.yaml', line: 5, messageId: 'cast', message: /error while interpolating services.web.deploy.replicas: failed to cast/ }],
    },
  ],
});
