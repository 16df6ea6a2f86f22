import rule from '../../../src/rules/backing-services/container-name-reference.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'an override file is for development: not judged',
      files: {
        'compose.yaml': 'services:\n  kafka:\n    image: bitnami/kafka:3.7\n    container_name: kafka-broker\n  app:\n    image: acme/app:1\n',
        'compose.override.yaml': 'services:\n  app:\n    environment:\n      - KAFKA_BROKERS=kafka-broker:9092\n',
      },
    },
    {
      name: 'service name used, container_name also set',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    container_name: myapp-postgres\n  api:\n    image: acme/api:1\n    environment:\n      DB_HOST: db\n      DATABASE_URL: postgres://app@db:5432/app\n' },
    },
    { name: 'container_name equal to the service name', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    container_name: db\n  api:\n    image: acme/api:1\n    environment:\n      DB_HOST: db\n' } },
    {
      name: 'container name also declared as a network alias',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    container_name: pg\n    networks:\n      default:\n        aliases: [pg]\n  api:\n    image: acme/api:1\n    environment:\n      DB_HOST: pg\n' },
    },
    { name: 'same word in a value that is not a host', files: { 'compose.yaml': 'services:\n  wp:\n    image: wordpress:6\n    container_name: wordpress\n  db:\n    image: mysql:8.4\n    environment:\n      MYSQL_DATABASE: wordpress\n      MYSQL_USER: wordpress\n' } },
    { name: 'compose file in another directory', files: { 'a/compose.yaml': 'services:\n  db:\n    image: postgres:16\n    container_name: shared-db\n', 'b/compose.yaml': 'services:\n  api:\n    image: acme/api:1\n    environment:\n      DB_HOST: shared-db\n' } },
  ],
  invalid: [
    {
      name: 'host key and URL naming container names',
      files: {
        'docker-compose.yml':
          'services:\n  db:\n    image: postgres:16\n    container_name: myapp-postgres\n  cache:\n    image: redis:7\n    container_name: myapp_redis\n  api:\n    image: acme/api:1\n    environment:\n      DB_HOST: myapp-postgres\n      REDIS_URL: redis://myapp_redis:6379/0\n',
      },
      errors: [
        { file: 'docker-compose.yml', line: 11, column: 7, messageId: 'containerName', message: /Service "api" reaches "myapp-postgres" through DB_HOST, but that is the container_name of service "db".*use "db"/ },
        { file: 'docker-compose.yml', line: 12, column: 7, messageId: 'containerName', message: /"myapp_redis" through REDIS_URL.*service "cache"/ },
      ],
    },
    {
      name: 'host:port list in a production overlay of the same project',
      files: {
        'compose.yaml': 'services:\n  kafka:\n    image: bitnami/kafka:3.7\n    container_name: kafka-broker\n  app:\n    image: acme/app:1\n',
        'compose.prod.yaml': 'services:\n  app:\n    environment:\n      - KAFKA_BROKERS=kafka-broker:9092\n',
      },
      errors: [{ file: 'compose.prod.yaml', line: 4, column: 9, messageId: 'containerName', message: /service "kafka"/ }],
    },
  ],
});
