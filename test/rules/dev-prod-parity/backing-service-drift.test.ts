import rule from '../../../src/rules/dev-prod-parity/backing-service-drift.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'same major version, different variant',
      files: { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16-alpine\n', 'docker-compose.prod.yml': 'services:\n  db:\n    image: postgres:16.4\n' },
    },
    {
      name: 'sibling folders of a monorepo are different apps',
      files: { 'shop/compose.yaml': 'services:\n  db:\n    image: mariadb:10.11\n', 'blog/compose.yaml': 'services:\n  db:\n    image: postgres:16\n' },
    },
    {
      name: 'different service names',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n', 'compose.prod.yaml': 'services:\n  database:\n    image: postgres:13\n' },
    },
    {
      name: 'latest tag has no version to compare',
      files: { 'compose.yaml': 'services:\n  cache:\n    image: redis:latest\n', 'docker-stack.yml': 'services:\n  cache:\n    image: redis:7.2\n' },
    },
    { name: 'one file only', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n  old:\n    image: postgres:12\n' } },
  ],
  invalid: [
    {
      name: 'postgres 13 in dev, 16 in prod',
      files: { 'docker-compose.dev.yml': 'services:\n  db:\n    image: postgres:13\n', 'docker-compose.prod.yml': 'services:\n  db:\n    image: postgres:16-alpine\n' },
      errors: [{ file: 'docker-compose.prod.yml', line: 3, column: 12, messageId: 'version', message: /Service "db" runs postgres:16-alpine here but postgres:13 in docker-compose.dev.yml/ }],
    },
    {
      name: 'mysql in compose.yaml, postgres in deploy/stack.yml',
      files: { 'compose.yaml': 'services:\n  db:\n    image: mysql:8.4\n', 'deploy/stack.yml': 'services:\n  db:\n    image: postgres:16\n    deploy:\n      replicas: 1\n' },
      errors: [{ file: 'deploy/stack.yml', line: 3, messageId: 'family', message: /runs postgres \(postgres:16\) here but mysql \(mysql:8.4\) in compose.yaml/ }],
    },
  ],
});
