import rule from '../../../src/rules/build-release-run/build-at-start.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'built at build time, started directly', files: { Dockerfile: 'FROM node:20\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n' } },
    { name: 'npm start and migrations', files: { Dockerfile: 'FROM node:20\nCMD ["sh", "-c", "npx prisma migrate deploy && npm start"]\n' } },
    { name: 'run scripts that are not builds', files: { 'compose.yaml': 'services:\n  web:\n    image: acme/web:1\n    command: yarn start\n  worker:\n    image: acme/web:1\n    command: ["python", "-m", "celery", "-A", "app", "worker"]\n' } },
    { name: 'development Dockerfile', files: { 'Dockerfile.dev': 'FROM node:20\nCMD npm install && npm run dev\n' } },
    { name: 'development compose files', files: { 'docker-compose.dev.yml': 'services:\n  web:\n    image: node:20\n    command: sh -c "npm install && npm run dev"\n', 'compose.yaml': 'services:\n  web:\n    image: acme/web:1\n', 'compose.override.yaml': 'services:\n  web:\n    command: sh -c "pip install -r requirements.txt && flask run"\n' } },
    { name: 'service built from a dev stage', files: { 'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      target: development\n    image: acme/web:dev\n    command: npm install && npm run dev\n' } },
    { name: 'final stage named dev', files: { Dockerfile: 'FROM node:20 AS prod\nCMD ["node", "server.js"]\nFROM prod AS dev\nCMD npm install && npx nodemon server.js\n' } },
    { name: 'echo of an install hint', files: { Dockerfile: 'FROM alpine:3.20\nCMD ["sh", "-c", "echo \'run npm install first\'"]\n' } },
  ],
  invalid: [
    {
      name: 'npm install in a shell-form CMD',
      files: { Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD npm install && npm run build && node dist/server.js\n' },
      errors: [{ file: 'Dockerfile', line: 4, column: 1, messageId: 'buildStep', message: /runs "npm install" every time a container starts/ }],
    },
    {
      name: 'pip install inside sh -c in a compose command',
      files: { 'compose.yaml': 'services:\n  api:\n    image: python:3.12\n    command: ["bash", "-c", "pip install -r requirements.txt && gunicorn app:app"]\n' },
      errors: [{ file: 'compose.yaml', line: 4, column: 14, messageId: 'buildStep', message: /pip install -r requirements\.txt/ }],
    },
    {
      name: 'git pull and go run',
      files: { 'docker-compose.yml': 'services:\n  bot:\n    image: acme/bot:1\n    command: sh -c "git pull origin main; exec python bot.py"\n', Dockerfile: 'FROM golang:1.22\nCOPY . .\nCMD ["go", "run", "./cmd/server"]\n' },
      errors: [
        { file: 'Dockerfile', line: 3, messageId: 'buildStep', message: /go run \.\/cmd\/server/ },
        { file: 'docker-compose.yml', line: 4, messageId: 'buildStep', message: /git pull origin main/ },
      ],
    },
  ],
});
