import rule from '../../../src/rules/concurrency/daemonizing-command.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a helper in the background, then exec "$@" with the command left to compose (openstreetmap entrypoint.sh): the command stays in the foreground, so the container does not stop',
      files: {
        Dockerfile: 'FROM ruby:3.3\nCOPY docker/entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
        'docker/entrypoint.sh': '#!/bin/sh\nset -e\nXvfb :99 -screen 0 1024x768x24 &\nexec "$@"\n',
        'docker-stack.yml': 'services:\n  web:\n    image: acme/web:1\n    build: .\n    command: bundle exec rails s\n',
      },
    },
    { name: 'official nginx CMD with daemon off', files: { Dockerfile: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\nCMD ["nginx", "-g", "daemon off;"]\n' } },
    { name: 'nginx image without CMD (inherits daemon off)', files: { Dockerfile: 'FROM nginx:1.27-alpine\nCOPY default.conf /etc/nginx/conf.d/default.conf\n' } },
    { name: 'nginx with its own nginx.conf (may say daemon off)', files: { Dockerfile: 'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/nginx.conf\nCMD ["nginx"]\n' } },
    { name: 'daemon off appended to nginx.conf', files: { Dockerfile: 'FROM debian:12\nRUN apt-get update && apt-get install -y nginx && echo "daemon off;" >> /etc/nginx/nginx.conf\nCMD ["nginx"]\n' } },
    { name: 'nginx -t and nginx -s reload are not starts', files: { 'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.27\n    command: sh -c "nginx -t && exec nginx -g \'daemon off;\'"\n' } },
    { name: 'ENTRYPOINT nginx with CMD arguments', files: { Dockerfile: 'FROM nginx:1.27\nENTRYPOINT ["nginx"]\nCMD ["-g", "daemon off;"]\n' } },
    { name: 'nginx from an unknown image in compose', files: { 'compose.yaml': 'services:\n  proxy:\n    image: registry.example.com/proxy:2\n    command: nginx\n' } },
    { name: 'redirection 2>&1 is not a background job', files: { Dockerfile: 'FROM python:3.12\nCMD gunicorn app:app 2>&1 | tee -a /proc/1/fd/1\n' } },
    { name: 'sleep in the background followed by wait for the trap', files: { Dockerfile: 'FROM alpine:3.20\nCMD trap "exit 0" TERM; sleep infinity & wait\n' } },
    { name: 'service start only inside RUN', files: { Dockerfile: 'FROM debian:12\nRUN service postgresql start && psql -c "select 1"\nCMD ["node", "server.js"]\n' } },
  ],
  invalid: [
    {
      name: 'a hand-written supervisor that traps SIGTERM and passes it on: no claim that SIGTERM is lost (Wallos startup.sh)',
      files: { Dockerfile: 'FROM php:8.3-fpm-alpine\nCOPY startup.sh /startup.sh\nCMD ["/startup.sh"]\n', 'startup.sh': '#!/bin/sh\nterminate() {\n  kill -TERM "$fpm" "$nginx" 2>/dev/null\n}\ntrap terminate SIGTERM SIGINT SIGQUIT\nphp-fpm -F &\nfpm=$!\nnginx -g "daemon off;" &\nnginx=$!\nwait\n' },
      errors: [{ messageId: 'trapped', file: 'Dockerfile', line: 3, message: /under a hand-written supervisor \(the script traps SIGTERM and passes it on\): they scale and restart only together/ }],
    },
    {
      name: 'two processes and wait -n: the task restarts when one dies, SIGTERM is not passed on (teable start.sh)',
      files: { Dockerfile: 'FROM node:22\nCOPY scripts/start.sh /app/start.sh\nENTRYPOINT ["/app/start.sh"]\n', 'scripts/start.sh': '#!/bin/bash\nnode ./backend/index.js &\nnode ./plugins/server.js &\nwait -n\n' },
      errors: [{ messageId: 'waitFirst', file: 'Dockerfile', line: 3, message: /waits for the first to exit: a crash of one restarts the whole task/ }],
    },
    {
      name: 'service nginx start before gunicorn',
      files: { Dockerfile: 'FROM python:3.12\nRUN apt-get update && apt-get install -y nginx\nCOPY . .\nCMD service nginx start && gunicorn -b 127.0.0.1:8000 app:app\n' },
      errors: [{ file: 'Dockerfile', line: 4, column: 1, messageId: 'initScript', message: /CMD starts nginx as a background daemon \("service nginx start"\)/ }],
    },
    {
      name: '/etc/init.d script in a compose command',
      files: { 'compose.yaml': 'services:\n  app:\n    image: registry.example.com/app:3\n    command: ["bash", "-c", "/etc/init.d/cron start && exec php-fpm"]\n' },
      errors: [{ file: 'compose.yaml', line: 4, column: 14, messageId: 'initScript', message: /command of service "app" starts cron as a background daemon/ }],
    },
    {
      name: 'nginx without daemon off on a Debian base',
      files: { Dockerfile: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y nginx\nCOPY site.conf /etc/nginx/sites-enabled/default\nCMD ["nginx"]\n' },
      errors: [{ file: 'Dockerfile', line: 4, messageId: 'nginxDaemon' }],
    },
    {
      name: 'nginx && node: nginx daemonizes, node in the foreground',
      files: { 'docker-compose.yml': 'services:\n  web:\n    image: nginx:1.27\n    command: sh -c "nginx && node /app/server.js"\n' },
      errors: [{ file: 'docker-compose.yml', line: 4, column: 14, messageId: 'nginxDaemon' }],
    },
    {
      name: 'trailing & with nothing in the foreground',
      files: { Dockerfile: 'FROM node:20\nCOPY . .\nCMD node server.js &\n' },
      errors: [{ file: 'Dockerfile', line: 3, messageId: 'backgroundLast', message: /CMD starts node in the background \("node server.js &"\) and nothing stays in the foreground/ }],
    },
    {
      name: 'worker in the background next to the web server',
      files: { Dockerfile: 'FROM python:3.12\nCOPY . .\nCMD ["sh", "-c", "celery -A proj worker & gunicorn -b 0.0.0.0:8000 proj.wsgi"]\n' },
      errors: [{ file: 'Dockerfile', line: 3, messageId: 'backgroundProcess', message: /starts celery in the background \("celery -A proj worker &"\) next to the main process/ }],
    },
  ],
});
