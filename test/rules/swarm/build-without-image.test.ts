import rule from '../../../src/rules/swarm/build-without-image.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'image and build', files: { 'compose.yaml': 'services:\n  web:\n    build: .\n    image: registry.example.com/web:1.2.0\n' } },
    { name: 'image only', files: { 'docker-stack.yml': 'services:\n  web:\n    image: nginx:1.27\n' } },
    {
      name: 'image supplied by compose.override.yaml',
      files: { 'compose.yaml': 'services:\n  web:\n    build: .\n', 'compose.override.yaml': 'services:\n  web:\n    image: web:dev\n' },
    },
  ],
  invalid: [
    {
      name: 'build string without image',
      files: { 'compose.yaml': 'services:\n  web:\n    build: .\n    restart: always\n' },
      errors: [{ file: 'compose.yaml', line: 3, column: 5, messageId: 'noImage', message: /service web: no image specified/ }],
    },
    {
      name: 'build map without image, next to a good service',
      files: { 'docker-compose.yml': 'version: "3.8"\nservices:\n  db:\n    image: postgres:16\n  api:\n    build:\n      context: ./api\n' },
      errors: [{ file: 'docker-compose.yml', line: 6, column: 5 }],
    },
  ],
});
