import rule from '../../../src/rules/concurrency/container-name.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'no container_name', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      replicas: 2\n' } },
    { name: 'container_name only as a label value', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    labels:\n      container_name: web\n' } },
    { name: 'hostname is fine', files: { 'docker-stack.yml': 'services:\n  db:\n    image: postgres:16\n    hostname: db\n' } },
  ],
  invalid: [
    {
      name: 'fixed container name',
      files: { 'docker-compose.yml': 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n    container_name: my-web\n' },
      errors: [{ file: 'docker-compose.yml', line: 5, column: 5, messageId: 'containerName', message: /Service "web" sets container_name "my-web"/ }],
    },
    {
      name: 'two services, names from a variable default',
      files: { 'compose.yaml': 'services:\n  api:\n    image: api:1\n    container_name: api\n  db:\n    image: postgres:16\n    container_name: ${PROJECT:-shop}-db\n' },
      errors: [
        { file: 'compose.yaml', line: 4, column: 5, message: /"api"/ },
        { file: 'compose.yaml', line: 7, column: 5, message: /Service "db" sets container_name/ },
      ],
    },
  ],
});
