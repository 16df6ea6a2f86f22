import rule from '../../../src/rules/port-binding/web-server-no-port.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'gunicorn image with EXPOSE',
      files: { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 8000\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n' },
    },
    {
      name: 'EXPOSE through a variable the rule cannot resolve',
      files: { Dockerfile: 'FROM node:20-alpine\nCOPY . .\nEXPOSE $PORT\nCMD ["node", "server.js"]\n' },
    },
    {
      name: 'EXPOSE in the base stage of the final one',
      files: { Dockerfile: 'FROM python:3.12 AS base\nEXPOSE 8000\nFROM base\nCOPY . .\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0"]\n' },
    },
    {
      name: 'not a web server (a worker)',
      files: { Dockerfile: 'FROM python:3.12-slim\nCOPY . .\nCMD ["celery", "-A", "proj", "worker"]\n' },
    },
    {
      name: 'node running a file that is not clearly a server',
      files: { Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "index.js"]\n' },
    },
    {
      name: 'base image that may expose its own port',
      files: { Dockerfile: 'FROM tiangolo/uvicorn-gunicorn-fastapi:python3.11\nCOPY ./app /app\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0"]\n' },
    },
    {
      name: 'compose publishes the port',
      files: {
        Dockerfile: 'FROM python:3.12-slim\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
        'compose.yaml': 'services:\n  web:\n    build: .\n    ports:\n      - "8000:8000"\n',
      },
    },
    {
      name: 'compose exposes the port to other services',
      files: {
        Dockerfile: 'FROM python:3.12-slim\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
        'compose.yaml': 'services:\n  web:\n    build: .\n    expose:\n      - "8000"\n',
      },
    },
    {
      name: 'a Traefik label names the port',
      files: {
        Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
        'docker-stack.yml': 'services:\n  web:\n    build: .\n    image: web:1\n    deploy:\n      labels:\n        - traefik.http.services.web.loadbalancer.server.port=3000\n',
      },
    },
    {
      name: 'gunicorn on a unix socket behind a proxy',
      files: { Dockerfile: 'FROM python:3.12\nCOPY . .\nCMD ["gunicorn", "--bind", "unix:/run/app.sock", "app:app"]\n' },
    },
  ],
  invalid: [
    {
      name: 'uvicorn image without EXPOSE and no compose file',
      files: { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8080"]\n' },
      errors: [{ file: 'Dockerfile', line: 5, column: 1, messageId: 'noExpose', message: /Dockerfile starts uvicorn but declares no port; add `EXPOSE 8080`/ }],
    },
    {
      name: 'node server.js, compose service without ports or expose',
      files: {
        'web/Dockerfile': 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "dist/server.js"]\n',
        'compose.yaml': 'services:\n  web:\n    build: ./web\n    environment:\n      NODE_ENV: production\n',
      },
      errors: [{ file: 'web/Dockerfile', line: 4, column: 1, messageId: 'noPort', message: /service "web" neither publishes nor exposes one; add `EXPOSE <port>`/ }],
    },
    {
      name: 'shell-form CMD running flask run after a migration',
      files: { Dockerfile: 'FROM python:3.11\nCOPY . /app\nCMD flask db upgrade && flask run --host 0.0.0.0\n' },
      errors: [{ file: 'Dockerfile', line: 3, messageId: 'noExpose', message: /starts flask run .*EXPOSE 5000/ }],
    },
  ],
});
