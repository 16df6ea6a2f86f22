import rule from '../../../src/rules/admin-processes/migration-in-start-command.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a script named prestart.sh from the base image is not a migration by its name (pi-hole start.sh)', files: { Dockerfile: 'FROM debian:12\nCOPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n', 'start.sh': '#!/bin/sh\nsh /opt/pihole/pihole-FTL-prestart.sh\nexec pihole-FTL no-daemon\n' } },
    { name: 'server only', files: { Dockerfile: 'FROM node:20\nCMD ["node", "dist/server.js"]\n' } },
    { name: 'migration job alone', files: { 'docker-stack.yml': 'services:\n  migrate:\n    image: app:1\n    command: npx prisma migrate deploy\n    deploy:\n      mode: replicated-job\n' } },
    { name: 'one-off job of two admin steps', files: { 'compose.yaml': 'services:\n  setup:\n    image: app:1\n    command: sh -c "python manage.py migrate && python manage.py collectstatic --noinput"\n' } },
    { name: 'apt-get update is not a migration', files: { Dockerfile: 'FROM debian:12\nCMD apt-get update && exec nginx -g "daemon off;"\n' } },
    {
      name: 'npm start whose script only serves',
      files: { Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["npm", "start"]\n', 'package.json': JSON.stringify({ name: 'x', scripts: { start: 'node server.js', migrate: 'prisma migrate deploy' } }) },
    },
    {
      name: 'an entrypoint script that only waits for the database',
      files: {
        Dockerfile: 'FROM python:3.12\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["gunicorn", "app.wsgi"]\n',
        'entrypoint.sh': '#!/bin/sh\nuntil nc -z db 5432; do sleep 1; done\nexec "$@"\n',
      },
    },
    { name: 'migration only in RUN', files: { Dockerfile: 'FROM python:3.12\nRUN python manage.py collectstatic --noinput\nCMD ["gunicorn", "app.wsgi"]\n' } },
  ],
  invalid: [
    {
      name: 'a prestart.sh in the project that runs alembic is read and caught (full-stack-fastapi-template)',
      files: { 'backend/Dockerfile': 'FROM python:3.12\nWORKDIR /app\nCOPY . /app\nCMD ["bash", "scripts/prestart.sh"]\n', 'backend/scripts/prestart.sh': '#!/bin/bash\nset -e\nalembic upgrade head\nexec fastapi run app/main.py\n' },
      errors: [{ file: 'backend/Dockerfile', line: 4, messageId: 'migration' }],
    },
    {
      name: 'uWSGI hook-pre-app in its .ini file migrates before the app',
      files: {
        Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["uwsgi", "--ini", "uwsgi.ini"]\n',
        'uwsgi.ini': '[uwsgi]\nmodule = app.wsgi\nhttp = 0.0.0.0:8000\nhook-pre-app = exec:python manage.py migrate --noinput\n',
      },
      errors: [{ file: 'Dockerfile', line: 4, message: /uwsgi hook-pre-app → python manage\.py migrate/ }],
    },
    {
      name: "the app's own CLI migrates before it serves (./fider migrate && ./fider)",
      files: { Dockerfile: 'FROM alpine:3.20\nCOPY fider /app/fider\nCMD ["sh", "-c", "./fider migrate && ./fider"]\n' },
      errors: [{ file: 'Dockerfile', line: 3, message: /\.\/fider migrate/ }],
    },
    {
      name: 'prisma migrate before the server in CMD',
      files: { Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["sh", "-c", "npx prisma migrate deploy && node dist/server.js"]\n' },
      errors: [{ file: 'Dockerfile', line: 3, column: 1, messageId: 'migration', message: /runs a migration \("npx prisma migrate deploy"\) before the server/ }],
    },
    {
      name: 'an npm script chain runs the migration (start-docker → prisma migrate deploy)',
      files: {
        Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["npm", "run", "start-docker"]\n',
        'package.json': JSON.stringify({ name: 'x', scripts: { 'start-docker': 'npm run migrate && node dist/server.js', migrate: 'prisma migrate deploy' } }),
      },
      errors: [{ file: 'Dockerfile', line: 4, message: /npm script "start-docker" → npm script "migrate" → prisma migrate deploy/ }],
    },
    {
      name: 'the entrypoint script migrates, then execs the CMD',
      files: {
        Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app.wsgi"]\n',
        'docker-entrypoint.sh': '#!/bin/sh\nset -e\npython manage.py migrate --noinput\nexec "$@"\n',
      },
      errors: [{ file: 'Dockerfile', line: 5, message: /docker-entrypoint\.sh → python manage\.py migrate/ }],
    },
    {
      name: 'a RUN heredoc is not the start command, but CMD after it is read',
      files: { Dockerfile: 'FROM node:20\nRUN <<EOF\nnpx prisma generate\nEOF\nCMD ["sh", "-c", "npx prisma migrate deploy && node server.js"]\n' },
      errors: [{ file: 'Dockerfile', line: 5, message: /prisma migrate deploy/ }],
    },
    {
      name: 'Django migrate and runserver in compose',
      files: { 'docker-compose.yml': 'services:\n  web:\n    image: app:1\n    command: bash -c "python manage.py migrate && gunicorn -b 0.0.0.0:8000 app.wsgi"\n' },
      errors: [{ file: 'docker-compose.yml', line: 4, column: 14, messageId: 'migration', message: /python manage.py migrate/ }],
    },
    {
      name: 'rails db:migrate chained in shell-form CMD',
      files: { Dockerfile: 'FROM ruby:3.3\nCOPY . .\nCMD bundle exec rails db:migrate; bundle exec puma -C config/puma.rb\n' },
      errors: [{ file: 'Dockerfile', line: 3, message: /rails db:migrate/ }],
    },
  ],
});
