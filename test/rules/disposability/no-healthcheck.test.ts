import rule from '../../../src/rules/disposability/no-healthcheck.js';
import { ruleTester } from '../../support/rule-tester.js';

const app = 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "server.js"]\n';

ruleTester(rule, {
  valid: [
    { name: 'HEALTHCHECK in the Dockerfile', files: { Dockerfile: 'FROM node:20-alpine\nCOPY . .\nHEALTHCHECK CMD wget -qO- http://localhost:3000/healthz || exit 1\nCMD ["node", "server.js"]\n', 'compose.yaml': 'services:\n  web:\n    build: .\n' } },
    { name: 'healthcheck in compose', files: { Dockerfile: app, 'compose.yaml': 'services:\n  web:\n    build: .\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:3000/healthz"]\n' } },
    { name: 'healthcheck disabled on purpose', files: { Dockerfile: app, 'compose.yaml': 'services:\n  web:\n    build: .\n    healthcheck:\n      disable: true\n' } },
    { name: 'healthcheck in compose.override.yaml', files: { Dockerfile: app, 'compose.yaml': 'services:\n  web:\n    build: .\n', 'compose.override.yaml': 'services:\n  web:\n    healthcheck:\n      test: ["CMD", "true"]\n' } },
    { name: 'third-party image, not built here', files: { 'compose.yaml': 'services:\n  cache:\n    image: redis:7\n' } },
    { name: 'dev compose file', files: { Dockerfile: app, 'docker-compose.dev.yml': 'services:\n  web:\n    build: .\n' } },
    { name: 'a migration job', files: { Dockerfile: app, 'docker-stack.yml': 'services:\n  migrate:\n    build: .\n    image: app:1\n    command: npx prisma migrate deploy\n    deploy:\n      mode: replicated-job\n' } },
    { name: 'restart "no" one-off', files: { Dockerfile: app, 'compose.yaml': 'services:\n  seed:\n    build: .\n    restart: "no"\n    command: node seed.js\n' } },
    {
      name: 'CLI wrappers run on demand (composer, php artisan) and profiled services',
      files: {
        'php.dockerfile': 'FROM php:8.3-fpm-alpine\nWORKDIR /var/www/html\n',
        'compose.yaml': "services:\n  composer:\n    build:\n      context: .\n      dockerfile: php.dockerfile\n    entrypoint: ['composer', '--ignore-platform-reqs']\n  artisan:\n    build:\n      context: .\n      dockerfile: php.dockerfile\n    entrypoint: ['php', '/var/www/html/artisan']\n  tools:\n    build:\n      context: .\n      dockerfile: php.dockerfile\n    profiles: [tools]\n",
      },
    },
    { name: 'custom base image may carry a HEALTHCHECK', files: { Dockerfile: 'FROM registry.example.com/base:3\nCOPY . .\n', 'compose.yaml': 'services:\n  web:\n    build: .\n' } },
    { name: 'HEALTHCHECK in the parent stage', files: { Dockerfile: 'FROM python:3.12 AS base\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\nFROM base\nCOPY . .\n', 'compose.yaml': 'services:\n  api:\n    build: .\n' } },
  ],
  invalid: [
    {
      name: 'built service without any healthcheck',
      files: { 'api/Dockerfile': app, 'compose.yaml': 'services:\n  api:\n    build: ./api\n    image: registry.example.com/api:1.0.0\n  db:\n    image: postgres:16\n' },
      errors: [{ file: 'compose.yaml', line: 2, column: 3, messageId: 'noHealthcheck', message: /Service "api" is built from api\/Dockerfile, which has no HEALTHCHECK/ }],
    },
    {
      name: 'stack file, two services from the same Dockerfile',
      files: { Dockerfile: 'FROM python:3.12-slim\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n', 'docker-stack.yml': 'services:\n  web:\n    build: .\n    image: app:2\n  worker:\n    build: .\n    image: app:2\n    command: celery -A app worker\n' },
      errors: [
        { file: 'docker-stack.yml', line: 2, message: /"web"/ },
        { file: 'docker-stack.yml', line: 5, message: /"worker"/ },
      ],
    },
  ],
});
