import rule from '../../../src/rules/build-release-run/dev-server-command.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'production servers', files: { Dockerfile: 'FROM node:20\nRUN npm run build\nCMD ["node", "dist/server.js"]\n', 'compose.yaml': 'services:\n  web:\n    image: acme/web:1\n    command: gunicorn -w 4 -b 0.0.0.0:8000 app:app\n  api:\n    image: acme/api:1\n    command: ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--workers", "4"]\n  front:\n    image: acme/front:1\n    command: npx next start\n  rails:\n    image: acme/rails:1\n    command: bundle exec rails server -b 0.0.0.0 -e production\n' } },
    { name: 'npm start with a production script', files: { 'package.json': '{ "scripts": { "start": "node server.js", "dev": "nodemon server.js" } }\n', Dockerfile: 'FROM node:20\nCMD ["npm", "start"]\n' } },
    { name: 'vite build and preview-free serving', files: { Dockerfile: 'FROM node:20 AS build\nRUN npx vite build\nFROM nginx:1.27\n' } },
    { name: 'Dockerfile.dev', files: { 'Dockerfile.dev': 'FROM node:20\nCMD ["npm", "run", "dev"]\n' } },
    { name: 'compose override and dev compose file', files: { 'compose.yaml': 'services:\n  api:\n    image: acme/api:1\n', 'compose.override.yml': 'services:\n  api:\n    command: uvicorn app.main:app --reload\n', 'docker-compose.dev.yml': 'services:\n  web:\n    image: node:20\n    command: npm run dev\n' } },
    { name: 'final stage named development', files: { Dockerfile: 'FROM node:20 AS production\nCMD ["node", "server.js"]\nFROM production AS development\nCMD ["npx", "nodemon", "server.js"]\n' } },
    { name: 'service targeting a dev stage', files: { 'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      target: dev\n    command: flask run --host 0.0.0.0\n' } },
    { name: 'a script named like dev in another position', files: { 'compose.yaml': 'services:\n  web:\n    image: acme/web:1\n    command: node dev-tools/check.js\n' } },
  ],
  invalid: [
    {
      name: 'nodemon through npx in a Dockerfile',
      files: { Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["npx", "nodemon", "src/server.js"]\n' },
      errors: [{ file: 'Dockerfile', line: 3, column: 1, messageId: 'devServer', message: /starts "npx nodemon src\/server\.js": nodemon restarts the app on file changes/ }],
    },
    {
      name: 'compose commands: flask run, runserver, uvicorn --reload, npm run dev',
      files: {
        'docker-compose.yml':
          'services:\n  a:\n    image: acme/a:1\n    command: flask run --host=0.0.0.0\n  b:\n    image: acme/b:1\n    command: python manage.py runserver 0.0.0.0:8000\n  c:\n    image: acme/c:1\n    command: ["uvicorn", "main:app", "--host", "0.0.0.0", "--reload"]\n  d:\n    image: acme/d:1\n    command: sh -c "npm ci && npm run dev"\n',
      },
      errors: [
        { file: 'docker-compose.yml', line: 4, column: 14, messageId: 'devServer', message: /Werkzeug/ },
        { file: 'docker-compose.yml', line: 7, messageId: 'devServer', message: /runserver is Django/ },
        { file: 'docker-compose.yml', line: 10, messageId: 'devServer', message: /uvicorn --reload/ },
        { file: 'docker-compose.yml', line: 13, messageId: 'devServer', message: /"dev" script/ },
      ],
    },
    {
      name: 'npm start whose script runs next dev',
      files: { 'web/package.json': '{ "scripts": { "start": "next dev -p 3000" } }\n', 'web/Dockerfile': 'FROM node:20\nCMD npm start\n' },
      errors: [{ file: 'web/Dockerfile', line: 2, messageId: 'devScript', message: /script "start" runs "next dev -p 3000": next dev compiles pages on demand/ }],
    },
    {
      name: 'compose service running yarn start with react-scripts',
      files: { 'frontend/package.json': '{ "scripts": { "start": "react-scripts start" } }\n', 'frontend/Dockerfile': 'FROM node:20\n', 'compose.yaml': 'services:\n  frontend:\n    build: ./frontend\n    image: acme/frontend:1\n    command: yarn start\n' },
      errors: [{ file: 'compose.yaml', line: 5, messageId: 'devScript', message: /react-scripts start/ }],
    },
  ],
});
