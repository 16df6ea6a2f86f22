import rule from '../../../src/rules/port-binding/published-port-not-exposed.js';
import { ruleTester } from '../../support/rule-tester.js';

const nodeDockerfile = 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nEXPOSE 3000\nCMD ["node", "server.js"]\n';

ruleTester(rule, {
  valid: [
    {
      name: 'published port maps onto the exposed one',
      files: { Dockerfile: nodeDockerfile, 'compose.yaml': 'services:\n  web:\n    build: .\n    image: registry.example.com/web:1.0.0\n    ports:\n      - "8080:3000"\n' },
    },
    {
      name: 'long syntax target matches',
      files: { Dockerfile: nodeDockerfile, 'compose.yaml': 'services:\n  web:\n    build: .\n    ports:\n      - target: 3000\n        published: 80\n' },
    },
    {
      name: 'image exposes nothing: nothing to compare',
      files: { Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n', 'compose.yaml': 'services:\n  web:\n    build: .\n    ports: ["8080:8080"]\n' },
    },
    {
      name: 'service not built from a project Dockerfile',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    ports: ["5432:5432"]\n' },
    },
    {
      name: 'EXPOSE in the stage the final one is built from',
      files: {
        Dockerfile: 'FROM node:20 AS base\nEXPOSE 3000\nFROM base AS prod\nEXPOSE 9229\nCMD ["node", "server.js"]\n',
        'compose.yaml': 'services:\n  web:\n    build: .\n    ports: ["3000:3000"]\n',
      },
    },
    {
      name: 'EXPOSE through an ARG default and a port range',
      files: {
        Dockerfile: 'FROM python:3.12\nARG PORT=8000\nEXPOSE ${PORT} 9000-9002/tcp\nCMD ["gunicorn", "app:app"]\n',
        'compose.yaml': 'services:\n  api:\n    build: .\n    ports: ["80:8000", "9001:9001"]\n',
      },
    },
    {
      name: 'the compose command tells the app to listen on the published port',
      files: {
        Dockerfile: 'FROM python:3.12\nEXPOSE 8000\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
        'compose.yaml': 'services:\n  api:\n    build: .\n    command: gunicorn -b 0.0.0.0:8080 app:app\n    ports: ["8080:8080"]\n',
      },
    },
    {
      name: 'the environment sets PORT to the published port',
      files: { Dockerfile: nodeDockerfile, 'compose.yaml': 'services:\n  web:\n    build: .\n    environment:\n      PORT: "8080"\n    ports: ["8080:8080"]\n' },
    },
  ],
  invalid: [
    {
      name: 'published container port differs from EXPOSE',
      files: { Dockerfile: nodeDockerfile, 'compose.yaml': 'services:\n  web:\n    build: .\n    ports:\n      - "8080:8080"\n' },
      errors: [{ file: 'compose.yaml', line: 5, column: 9, messageId: 'mismatch', message: /Service "web" publishes container port 8080, but Dockerfile only EXPOSEs 3000/ }],
    },
    {
      name: 'long syntax and host IP short syntax, build context in a subfolder',
      files: {
        'api/Dockerfile': 'FROM python:3.12-slim\nEXPOSE 8000\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]\n',
        'docker-compose.yml': 'services:\n  api:\n    build: ./api\n    ports:\n      - "127.0.0.1:80:80"\n      - target: 5000\n        published: 5000\n',
      },
      errors: [
        { file: 'docker-compose.yml', line: 5, column: 9, message: /container port 80, but api\/Dockerfile only EXPOSEs 8000/ },
        { file: 'docker-compose.yml', line: 6, column: 9, message: /container port 5000/ },
      ],
    },
  ],
});
