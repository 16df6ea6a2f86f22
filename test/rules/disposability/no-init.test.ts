import rule from '../../../src/rules/disposability/no-init.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'tini in front of node', files: { Dockerfile: 'FROM node:20-alpine\nRUN apk add --no-cache tini\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "server.js"]\n' } },
    { name: 'dumb-init in front of python', files: { Dockerfile: 'FROM python:3.12\nRUN pip install dumb-init\nENTRYPOINT ["dumb-init", "--"]\nCMD ["python", "worker.py"]\n' } },
    {
      name: 'init: true on every service using the image',
      files: { Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n', 'compose.yaml': 'services:\n  web:\n    build: .\n    init: true\n' },
    },
    {
      name: 'the app handles SIGTERM',
      files: { Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n', 'server.js': "const server = require('http').createServer().listen(3000);\nprocess.on('SIGTERM', () => server.close(() => process.exit(0)));\n" },
    },
    {
      name: 'a shutdown library is a dependency',
      files: { Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n', 'package.json': '{ "name": "a", "dependencies": { "@godaddy/terminus": "^4.12.1" } }\n' },
    },
    { name: 'gunicorn handles SIGTERM itself', files: { Dockerfile: 'FROM python:3.12\nCMD ["python", "-m", "gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n' } },
    { name: 'Django runserver (its autoreloader handles SIGTERM)', files: { Dockerfile: 'FROM python:3.12\nENTRYPOINT ["python3"]\nCMD ["manage.py", "runserver", "0.0.0.0:8000"]\n' } },
    {
      name: 'Flask app.run(debug=True): the reloader handles SIGTERM',
      files: { Dockerfile: 'FROM python:3.12\nCOPY . .\nCMD ["python", "app.py"]\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", debug=True)\n' },
    },
    { name: 'shell form: the shell is PID 1 (another rule)', files: { Dockerfile: 'FROM node:20\nCMD node server.js\n' } },
    { name: 'unknown base image entrypoint', files: { Dockerfile: 'FROM registry.example.com/node-base:20\nCMD ["node", "server.js"]\n' } },
  ],
  invalid: [
    {
      name: 'node as PID 1, no handler',
      files: { Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n', 'server.js': "require('http').createServer((q, s) => s.end('ok')).listen(3000);\n" },
      errors: [{ file: 'Dockerfile', line: 4, column: 1, messageId: 'noInit', message: /CMD runs node as PID 1 with no init/ }],
    },
    {
      name: 'python script as PID 1 in a compose command',
      files: { 'compose.yaml': 'services:\n  worker:\n    image: python:3.12-slim\n    command: ["python", "-u", "worker.py"]\n', 'worker.py': 'import time\nwhile True:\n    time.sleep(1)\n' },
      errors: [{ file: 'compose.yaml', line: 4, column: 14, message: /Service "worker" runs python as PID 1/ }],
    },
  ],
});
