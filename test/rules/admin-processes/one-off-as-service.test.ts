import rule from '../../../src/rules/admin-processes/one-off-as-service.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'replicated-job', files: { 'docker-stack.yml': 'services:\n  migrate:\n    image: app:1\n    command: npx prisma migrate deploy\n    deploy:\n      mode: replicated-job\n' } },
    { name: 'restart_policy on-failure', files: { 'docker-stack.yml': 'services:\n  migrate:\n    image: app:1\n    command: python manage.py migrate\n    deploy:\n      restart_policy:\n        condition: on-failure\n' } },
    { name: 'restart on-failure without restart_policy', files: { 'docker-stack.yml': 'services:\n  migrate:\n    image: app:1\n    command: alembic upgrade head\n    restart: on-failure\n' } },
    { name: 'plain compose file (docker compose runs it once)', files: { 'compose.yaml': 'services:\n  migrate:\n    image: app:1\n    command: npx prisma migrate deploy\n    restart: "no"\n' } },
    { name: 'migration followed by the server', files: { 'docker-stack.yml': 'services:\n  web:\n    image: app:1\n    command: sh -c "npx prisma migrate deploy && node server.js"\n' } },
    { name: 'a long-running service', files: { 'docker-stack.yml': 'services:\n  web:\n    image: app:1\n    command: gunicorn app:app\n' } },
    { name: 'collectstatic only (no migration)', files: { 'docker-stack.yml': 'services:\n  static:\n    image: app:1\n    command: python manage.py collectstatic --noinput\n' } },
  ],
  invalid: [
    {
      name: 'migration service in a stack file',
      files: { 'docker-stack.yml': 'services:\n  migrate:\n    image: registry.example.com/app:1.4.2\n    command: npx prisma migrate deploy\n  web:\n    image: registry.example.com/app:1.4.2\n' },
      errors: [{ file: 'docker-stack.yml', line: 4, column: 14, messageId: 'oneOff', message: /Service "migrate" only runs a one-off task \("npx prisma migrate deploy"\)/ }],
    },
    {
      name: 'restart "no" in a file with deploy sections',
      files: { 'compose.yaml': 'services:\n  seed:\n    image: app:1\n    restart: "no"\n    command: ["sh", "-c", "cd /app && npm run seed"]\n  web:\n    image: app:1\n    deploy:\n      replicas: 2\n' },
      errors: [{ file: 'compose.yaml', line: 5, column: 14, messageId: 'restartNo', message: /`restart: "no"` does not stop Swarm/ }],
    },
    {
      name: 'restart_policy condition any, migration from the Dockerfile CMD',
      files: {
        'migrations/Dockerfile': 'FROM python:3.12\nCOPY . .\nCMD ["alembic", "upgrade", "head"]\n',
        'docker-stack.yml': 'services:\n  migrations:\n    build: ./migrations\n    image: migrations:1\n    deploy:\n      restart_policy:\n        condition: any\n',
      },
      errors: [{ file: 'docker-stack.yml', line: 2, column: 3, messageId: 'oneOff', message: /alembic upgrade head/ }],
    },
  ],
});
