import rule from '../../../src/rules/disposability/shell-form-command.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a chain that ends by exec-ing the server: it replaces the shell as PID 1', files: { Dockerfile: 'FROM debian:12\nCMD ([ -z "$CRON_MIN" ] || cron) && . /etc/apache2/envvars && exec apache2 -D FOREGROUND\n' } },
    { name: 'shell-form CMD under dumb-init or tini -g: the init signals the whole process group (langfuse)', files: { Dockerfile: 'FROM node:20\nENTRYPOINT ["dumb-init", "--", "./entrypoint.sh"]\nCMD if [ -n "$REGION" ]; then node a.js; else node b.js; fi\n', 'worker/Dockerfile': 'FROM node:20\nENTRYPOINT ["/sbin/tini", "-g", "--"]\nCMD node worker.js\n' } },
    { name: 'exec form CMD', files: { Dockerfile: 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "server.js"]\n' } },
    { name: 'exec form ENTRYPOINT and CMD', files: { Dockerfile: 'FROM python:3.12\nENTRYPOINT ["gunicorn"]\nCMD ["-b", "0.0.0.0:8000", "app:app"]\n' } },
    { name: 'shell form that execs the process', files: { Dockerfile: 'FROM node:20\nCMD exec node server.js --port "$PORT"\n' } },
    { name: 'shell form only in a build stage', files: { Dockerfile: 'FROM node:20 AS build\nCMD npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n' } },
    { name: 'RUN in shell form is fine', files: { Dockerfile: 'FROM python:3.12\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n' } },
    { name: 'no CMD at all', files: { Dockerfile: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n' } },
    {
      name: 'Windows container with a PowerShell SHELL',
      files: { Dockerfile: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD .\\start.ps1 -Verbose\n' },
    },
  ],
  invalid: [
    {
      name: 'tini without -g signals only its child, the shell',
      files: { Dockerfile: 'FROM node:20\nENTRYPOINT ["/sbin/tini", "--"]\nCMD node worker.js\n' },
      errors: [{ file: 'Dockerfile', line: 3, messageId: 'shellForm' }],
    },
    {
      name: 'simple shell-form CMD gets a fix',
      files: { Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD node server.js\n' },
      errors: [{ file: 'Dockerfile', line: 4, column: 1, messageId: 'shellForm', message: /CMD uses shell form, so \/bin\/sh is PID 1 and SIGTERM does not reach "node server.js"; use the exec form \["node", "server.js"\]/ }],
    },
    {
      name: 'shell-form ENTRYPOINT with shell features',
      files: { Dockerfile: 'FROM python:3.12\nCOPY . .\nENTRYPOINT python manage.py migrate && gunicorn -b 0.0.0.0:$PORT app.wsgi\n' },
      errors: [{ file: 'Dockerfile', line: 3, messageId: 'shellForm', message: /ENTRYPOINT uses shell form.*\(JSON array\)/ }],
    },
    {
      name: 'shell form under a bash SHELL names bash',
      files: { Dockerfile: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD ./run.sh | tee /proc/1/fd/1\n' },
      errors: [{ file: 'Dockerfile', line: 3, message: /so \/bin\/bash is PID 1/ }],
    },
    {
      name: 'CMD inherited by the final stage from its parent stage',
      files: { Dockerfile: 'FROM node:20 AS base\nCMD npm start\nFROM base AS prod\nCOPY . .\n' },
      errors: [{ file: 'Dockerfile', line: 2, messageId: 'shellForm' }],
    },
  ],
});
