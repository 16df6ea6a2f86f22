import rule from '../../../src/rules/logs/log-file-in-image.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'gunicorn logging to stdout', files: { Dockerfile: 'FROM python:3.12\nCMD ["gunicorn", "--access-logfile", "-", "--error-logfile", "-", "app:app"]\n' } },
    { name: 'log file flag pointing at /dev/stdout', files: { Dockerfile: 'FROM python:3.12\nCMD ["celery", "-A", "proj", "worker", "--logfile=/dev/stdout"]\n' } },
    { name: 'nginx pattern: symlink the log files to stdout', files: { Dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install -y nginx && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log\nCMD ["nginx", "-g", "daemon off;"]\n' } },
    { name: 'chown of /var/log/nginx on the official image (files are links to stdout)', files: { Dockerfile: 'FROM nginx:1.27-alpine\nRUN chown -R nginx:nginx /var/cache/nginx /var/log/nginx\nUSER nginx\n' } },
    { name: 'cleaning apt logs', files: { Dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/* /var/log/apt/*\n' } },
    { name: 'LOG_LEVEL is not a log file', files: { Dockerfile: 'FROM node:20\nENV LOG_LEVEL=debug LOG_FORMAT=json\nCMD ["node", "server.js"]\n' } },
    { name: 'LOG_FILE set to stdout', files: { Dockerfile: 'FROM node:20\nENV LOG_FILE=/dev/stdout\n' } },
    { name: 'log directory only in a build stage', files: { Dockerfile: 'FROM node:20 AS build\nRUN mkdir -p /var/log/build && npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\nCMD ["node", "/app/server.js"]\n' } },
    { name: 'a --log-file flag in RUN (a build tool)', files: { Dockerfile: 'FROM python:3.12\nRUN pip install --log-file /tmp/pip.log -r requirements.txt\n' } },
  ],
  invalid: [
    { name: 'a log directory made, then chowned: one finding where it is made', files: { Dockerfile: 'FROM python:3.12\nRUN mkdir -p /var/log/app && touch /var/log/app/app.log\nRUN chown -R app:app /var/log/app\nCMD ["gunicorn", "app:app"]\n' }, errors: [{ file: 'Dockerfile', line: 2 }] },
    {
      name: 'gunicorn writing its log to a file',
      files: { Dockerfile: 'FROM python:3.12\nRUN mkdir -p /var/log/myapp\nCMD ["gunicorn", "--log-file", "/var/log/myapp/app.log", "app:app"]\n' },
      errors: [
        { file: 'Dockerfile', line: 2, column: 1, messageId: 'logDir', message: /RUN prepares a log file or directory \(\/var\/log\/myapp\)/ },
        { file: 'Dockerfile', line: 3, column: 1, messageId: 'logFlag', message: /CMD writes the log to \/var\/log\/myapp\/app.log/ },
      ],
    },
    {
      name: 'ENV LOG_FILE and VOLUME for logs',
      files: { Dockerfile: 'FROM node:20\nENV APP_LOG_FILE=/srv/app/logs/app.log\nVOLUME ["/var/log/api"]\nCMD ["node", "server.js"]\n' },
      errors: [
        { file: 'Dockerfile', line: 2, messageId: 'logEnv', message: /ENV APP_LOG_FILE=\/srv\/app\/logs\/app.log sends logs to a file/ },
        { file: 'Dockerfile', line: 3, messageId: 'logDir', message: /VOLUME prepares a log file or directory \(\/var\/log\/api\)/ },
      ],
    },
    {
      name: 'uwsgi --logto and supervisor log dir on a Debian nginx install',
      files: { Dockerfile: 'FROM python:3.12\nRUN mkdir -p /var/log/supervisor /var/log/nginx\nCMD uwsgi --ini app.ini --logto /tmp/uwsgi.log\n' },
      errors: [
        { file: 'Dockerfile', line: 2, messageId: 'logDir', message: /\/var\/log\/supervisor/ },
        { file: 'Dockerfile', line: 3, messageId: 'logFlag', message: /\/tmp\/uwsgi.log/ },
      ],
    },
  ],
});
