import rule from '../../../src/rules/disposability/healthcheck-cannot-fail.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'curl -f, wget, exit 1 on failure', files: { Dockerfile: 'FROM node:20.11-slim\nHEALTHCHECK CMD curl -fsS http://localhost:3000/health || exit 1\n', 'compose.yaml': 'services:\n  web:\n    image: acme/web:1.2.3\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:3000/health"]\n  api:\n    image: acme/api:1.2.3\n    healthcheck:\n      test: ["CMD-SHELL", "curl --fail http://localhost:8000/ || exit 1"]\n' } },
    { name: 'a check that is a program of its own', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16.3\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres"]\n' } },
    { name: 'curl piped to a test', files: { Dockerfile: 'FROM node:20.11-slim\nHEALTHCHECK CMD curl -s http://localhost:3000/health | grep -q ok\n' } },
    { name: 'NONE disables', files: { Dockerfile: 'FROM node:20.11-slim\nHEALTHCHECK NONE\n' } },
  ],
  invalid: [
    {
      name: '|| exit 0 and || true',
      files: { Dockerfile: 'FROM node:20.11-slim\nHEALTHCHECK --interval=30s CMD curl -f http://localhost:3000/ || exit 0\n', 'compose.yaml': 'services:\n  web:\n    image: acme/web:1.2.3\n    healthcheck:\n      test: curl -f http://localhost:3000/ || true\n' },
      errors: [
        { file: 'Dockerfile', line: 2, messageId: 'alwaysZero', message: /^HEALTHCHECK always succeeds \("exit 0"/ },
        { file: 'compose.yaml', line: 5, messageId: 'alwaysZero', message: /service "web" always succeeds/ },
      ],
    },
    {
      name: 'curl without --fail, and || echo',
      files: { 'docker-stack.yml': 'services:\n  api:\n    image: acme/api:1.2.3\n    healthcheck:\n      test: ["CMD", "curl", "-s", "http://localhost:8000/health"]\n  worker:\n    image: acme/worker:1.2.3\n    healthcheck:\n      test: ["CMD-SHELL", "python check.py || echo unhealthy"]\n' },
      errors: [
        { file: 'docker-stack.yml', line: 5, messageId: 'curlNoFail', message: /curl -s http:\/\/localhost:8000\/health" without --fail/ },
        { file: 'docker-stack.yml', line: 9, messageId: 'alwaysZero' },
      ],
    },
  ],
});
