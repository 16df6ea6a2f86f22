import rule from '../../../src/rules/concurrency/process-manager.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'node directly', files: { Dockerfile: 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "dist/server.js"]\n' } },
    { name: 'pm2-runtime is made for containers', files: { Dockerfile: 'FROM node:20-alpine\nRUN npm install -g pm2\nCOPY . .\nCMD ["pm2-runtime", "start", "ecosystem.config.js"]\n' } },
    { name: 'pm2 installed but not started', files: { Dockerfile: 'FROM node:20\nRUN npm install -g pm2 && pm2 --version\nCMD ["node", "server.js"]\n' } },
    { name: 'honcho running one named process', files: { 'compose.yaml': 'services:\n  web:\n    image: app:1\n    command: honcho start web\n' } },
    { name: 'supervisorctl in a healthcheck is not a start command', files: { 'compose.yaml': 'services:\n  app:\n    image: app:1\n    healthcheck:\n      test: ["CMD", "supervisorctl", "status"]\n' } },
    {
      name: 'npm start whose script runs node',
      files: { Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["npm", "start"]\n', 'package.json': '{ "name": "app", "scripts": { "start": "node server.js" } }\n' },
    },
    { name: 'concurrently with a single command', files: { Dockerfile: 'FROM node:20\nCMD ["npx", "concurrently", "node server.js"]\n' } },
  ],
  invalid: [
    {
      name: 'uWSGI attach-daemon runs a worker beside the app',
      files: {
        Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["uwsgi", "--ini", "/app/uwsgi.ini"]\n',
        'uwsgi.ini': '[uwsgi]\nmodule = app.wsgi\nattach-daemon = celery -A app worker\n',
      },
      errors: [{ file: 'Dockerfile', line: 4, messageId: 'manager', message: /uwsgi attach-daemon/ }],
    },
    {
      name: 'npm-run-all -p in the start script',
      files: { Dockerfile: 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nCMD ["npm", "start"]\n', 'package.json': JSON.stringify({ scripts: { start: 'npm-run-all -p server worker', server: 'node server.js', worker: 'node worker.js' } }) },
      errors: [{ file: 'Dockerfile', line: 4, messageId: 'manager', message: /npm-run-all/ }],
    },
    {
      name: 'pm2 start in exec form',
      files: { Dockerfile: 'FROM node:20-alpine\nRUN npm install -g pm2\nCOPY . .\nCMD ["pm2", "start", "ecosystem.config.js", "--no-daemon"]\n' },
      errors: [{ file: 'Dockerfile', line: 4, column: 1, messageId: 'pm2', message: /CMD runs the app under pm2 \("pm2 start ecosystem.config.js --no-daemon"\)/ }],
    },
    {
      name: 'supervisord as ENTRYPOINT with a full path',
      files: { Dockerfile: 'FROM python:3.12\nRUN pip install supervisor\nCOPY supervisord.conf /etc/supervisor/conf.d/app.conf\nENTRYPOINT ["/usr/bin/supervisord", "-n", "-c", "/etc/supervisor/supervisord.conf"]\n' },
      errors: [{ file: 'Dockerfile', line: 4, messageId: 'manager', message: /ENTRYPOINT starts supervisord/ }],
    },
    {
      name: 'forever in a compose command, honcho for the whole Procfile',
      files: {
        'compose.yaml': 'services:\n  api:\n    image: node:20\n    command: sh -c "npm ci && forever start -c node server.js && forever logs 0 -f"\n  all:\n    image: python:3.12\n    command: ["honcho", "start"]\n',
      },
      errors: [
        { file: 'compose.yaml', line: 4, column: 14, messageId: 'manager', message: /command of service "api" starts forever/ },
        { file: 'compose.yaml', line: 7, column: 14, messageId: 'manager', message: /command of service "all" starts honcho/ },
      ],
    },
    {
      name: 'yarn start whose package.json script is pm2',
      files: {
        Dockerfile: 'FROM node:20\nWORKDIR /usr/src/app\nCOPY . .\nRUN yarn install --pure-lockfile\nCMD ["yarn", "start"]\n',
        'package.json': '{\n  "name": "api",\n  "scripts": {\n    "start": "pm2 start ecosystem.config.json --no-daemon",\n    "dev": "nodemon src/index.js"\n  }\n}\n',
      },
      errors: [{ file: 'Dockerfile', line: 5, messageId: 'pm2', message: /yarn script "start" → pm2 start ecosystem.config.json/ }],
    },
    {
      name: 'overlay file (-f docker-compose.prod.yml) whose service is built in docker-compose.yml',
      files: {
        Dockerfile: 'FROM node:20-alpine\nWORKDIR /usr/src/node-app\nCOPY . .\nEXPOSE 3000\n',
        'package.json': '{ "scripts": { "start": "pm2 start ecosystem.config.json --no-daemon" } }\n',
        'docker-compose.yml': 'services:\n  node-app:\n    build: .\n    image: node-app\n',
        'docker-compose.prod.yml': 'services:\n  node-app:\n    command: yarn start\n',
      },
      errors: [{ file: 'docker-compose.prod.yml', line: 3, column: 14, messageId: 'pm2', message: /command of service "node-app" runs the app under pm2 \("yarn script "start" → pm2 start/ }],
    },
  ],
});
