import rule from '../../../src/rules/disposability/package-manager-as-pid1.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'node directly', files: { Dockerfile: 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "dist/server.js"]\n' } },
    { name: 'npm behind tini', files: { Dockerfile: 'FROM node:20-alpine\nRUN apk add --no-cache tini\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["npm", "start"]\n' } },
    { name: 'npm with init: true in compose', files: { 'compose.yaml': 'services:\n  web:\n    image: node:20\n    init: true\n    command: npm start\n' } },
    { name: 'a migration job run by npm', files: { 'docker-stack.yml': 'services:\n  migrate:\n    image: node:20\n    command: npm run migrate\n    deploy:\n      mode: replicated-job\n' } },
    { name: 'npm ci in RUN only', files: { Dockerfile: 'FROM node:20\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "build/index.js"]\n' } },
    { name: 'unknown entrypoint script in a custom base', files: { Dockerfile: 'FROM registry.example.com/base-node:20\nCOPY . .\nCMD ["npm", "start"]\n' } },
    { name: 'own entrypoint script that may exec something else', files: { Dockerfile: 'FROM node:20\nCOPY . .\nENTRYPOINT ["./docker-entrypoint.sh"]\nCMD ["npm", "start"]\n' } },
  ],
  invalid: [
    {
      name: 'npm start in exec form, script is plain node',
      files: { Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["npm", "start"]\n', 'package.json': '{ "name": "api", "scripts": { "start": "node server.js" } }\n' },
      errors: [{ file: 'Dockerfile', line: 4, column: 1, messageId: 'packageManager', message: /CMD runs the app through "npm start": SIGTERM .* reaches npm instead of the app.*start the app directly: \["node", "server.js"\]/ }],
    },
    {
      name: 'shell-form yarn start after a migration',
      files: { Dockerfile: 'FROM node:20\nCOPY . .\nCMD yarn migrate && yarn start\n' },
      errors: [{ file: 'Dockerfile', line: 3, message: /reaches \/bin\/sh \(then yarn\) instead of the app.*start the app directly with the command its "start" script runs/ }],
    },
    {
      name: 'pnpm run serve in a compose command on the node image',
      files: { 'compose.yaml': 'services:\n  web:\n    image: node:22-alpine\n    working_dir: /app\n    command: ["pnpm", "run", "serve"]\n' },
      errors: [{ file: 'compose.yaml', line: 5, column: 14, message: /Service "web" runs the app through "pnpm run serve"/ }],
    },
    {
      name: 'overlay file, script that is not a plain node command',
      files: {
        Dockerfile: 'FROM node:20-alpine\nCOPY . .\n',
        'package.json': '{ "scripts": { "start": "pm2 start ecosystem.config.json --no-daemon" } }\n',
        'docker-compose.yml': 'services:\n  app:\n    build: .\n',
        'docker-compose.prod.yml': 'services:\n  app:\n    command: yarn start\n',
      },
      errors: [{ file: 'docker-compose.prod.yml', line: 3, message: /Service "app" runs the app through "yarn start".*\(the "start" script runs "pm2 start ecosystem.config.json --no-daemon"\)/ }],
    },
    {
      name: 'sh -c with exec npm: npm is PID 1',
      files: { 'compose.yaml': 'services:\n  api:\n    build: ./api\n    command: sh -c "npx prisma migrate deploy && exec npm run start:prod"\n', 'api/Dockerfile': 'FROM node:20\nCOPY . .\n' },
      errors: [{ file: 'compose.yaml', line: 4, message: /reaches npm instead of the app/ }],
    },
  ],
});
