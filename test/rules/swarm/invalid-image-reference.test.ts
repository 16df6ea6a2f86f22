import rule from '../../../src/rules/swarm/invalid-image-reference.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'registry with port, digest, default tag', files: { 'compose.yaml': 'services:\n  a:\n    image: registry.example.com:5000/team/app:1.4.2\n  b:\n    image: nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n  c:\n    image: nginx:${TAG:-1.27}\n  d:\n    build: .\n' } },
    { name: 'tag from the deploy env', files: { 'compose.yaml': 'services:\n  a:\n    image: app:${TAG}\n' }, env: { TAG: '2.0.1' } },
  ],
  invalid: [
    { name: 'unset tag variable', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:${NGINX_TAG}\n' }, errors: [{ file: 'compose.yaml', line: 3, column: 12, messageId: 'invalid', message: /"nginx:" \(after interpolation of NGINX_TAG\).*invalid reference format/ }] },
    { name: 'no image and no build', files: { 'compose.yaml': 'services:\n  web:\n    environment:\n      - A=1\n' }, errors: [{ file: 'compose.yaml', line: 2, column: 3, messageId: 'noImage' }] },
    { name: 'uppercase repository', files: { 'compose.yaml': 'services:\n  web:\n    image: MyApp:1.0\n' }, errors: [{ file: 'compose.yaml', line: 3, message: /must be lowercase/ }] },
  ],
});
