import rule from '../../../src/rules/backing-services/published-backing-port.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'database without ports', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    expose: ["5432"]\n  api:\n    image: acme/api:1\n    ports: ["8080:8080"]\n' } },
    { name: 'admin UI port of RabbitMQ', files: { 'compose.yaml': 'services:\n  mq:\n    image: rabbitmq:3.13-management\n    ports:\n      - "15672:15672"\n' } },
    { name: 'app image that is not a backing service on a db-like port', files: { 'compose.yaml': 'services:\n  api:\n    image: acme/postgres-api:1\n    ports: ["5432:5432"]\n' } },
    { name: 'ports only in the development override', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n', 'compose.override.yaml': 'services:\n  db:\n    ports: ["5432:5432"]\n' } },
    { name: 'development compose file', files: { 'docker-compose.dev.yml': 'services:\n  redis:\n    image: redis:7-alpine\n    ports: ["6379:6379"]\n' } },
  ],
  invalid: [
    {
      name: 'postgres and redis publish their ports',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n  cache:\n    image: redis:7-alpine\n    ports:\n      - 6379\n' },
      errors: [
        { file: 'compose.yaml', line: 5, column: 9, messageId: 'published', message: /Service "db" publishes its PostgreSQL port \(5432:5432\).*reach it as db:5432/ },
        { file: 'compose.yaml', line: 9, column: 9, messageId: 'published', message: /Redis/ },
      ],
    },
    {
      name: 'loopback binding and long syntax',
      files: { 'docker-stack.yml': 'services:\n  mysql:\n    image: mariadb:11\n    ports:\n      - "127.0.0.1:3306:3306"\n  mongo:\n    image: mongo:7\n    ports:\n      - target: 27017\n        published: 27017\n        mode: host\n' },
      errors: [
        { file: 'docker-stack.yml', line: 5, column: 9, messageId: 'hostIp', message: /on 127\.0\.0\.1 .*ignores the host IP/ },
        { file: 'docker-stack.yml', line: 9, column: 9, messageId: 'published', message: /MongoDB port \(target 27017\)/ },
      ],
    },
  ],
});
