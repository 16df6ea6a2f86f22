import rule from '../../../src/rules/disposability/no-sigterm-handler-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'SIGTERM handled in the entry',
      files: { Dockerfile: 'FROM node:20\nCMD ["node", "server.js"]\n', 'server.js': "const server = require('express')().listen(3000);\nprocess.on('SIGTERM', () => server.close());\n" },
    },
    {
      name: 'handled in an imported module',
      files: {
        Dockerfile: 'FROM node:20\nCMD ["node", "dist/index.js"]\n',
        'src/index.ts': "import { app } from './app';\nimport './shutdown';\napp.listen(3000);\n",
        'src/app.ts': "export const app = require('express')();\n",
        'src/shutdown.ts': "process.once('SIGTERM', () => process.exitCode = 0);\n",
      },
    },
    {
      name: 'a health server started in the background next to the main process (FlowiseAI/Flowise worker)',
      files: { Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["/bin/sh", "-c", "node /app/healthcheck/healthcheck.js & sleep 5 && node worker.js"]\n', 'healthcheck/healthcheck.js': "require('http').createServer((q, r) => r.end('ok')).listen(3001);\n", 'worker.js': 'setInterval(work, 1000);\n' },
    },
    { name: 'terminus', files: { 'package.json': JSON.stringify({ scripts: { start: 'node index.js' } }), 'index.js': "const { createTerminus } = require('@godaddy/terminus');\nconst server = http.createServer(app);\ncreateTerminus(server, {});\nserver.listen(3000);\n" } },
    { name: 'entry is not a server', files: { Dockerfile: 'FROM node:20\nCMD ["node", "job.js"]\n', 'job.js': 'doWork().then(() => process.exit(0));\n' } },
    { name: 'no entry known', files: { 'server.js': "require('express')().listen(3000);\n" } },
  ],
  invalid: [
    {
      name: 'node as PID 1 without handler',
      files: { Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n', 'server.js': "const app = require('express')();\napp.get('/', (req, res) => res.send('ok'));\napp.listen(3000);\n" },
      errors: [{ file: 'server.js', line: 3, column: 1, messageId: 'pid1', message: /started by Dockerfile CMD \(server\.js\) registers no SIGTERM handler, and node runs as PID 1/ }],
    },
    {
      name: 'an entrypoint script that `exec`s node leaves node as PID 1',
      files: {
        Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/app/docker-entrypoint.sh"]\n',
        'docker-entrypoint.sh': '#!/bin/sh\nset -e\nnode migrate.js\nexec node server.js\n',
        'server.js': "require('express')().listen(3000);\n",
      },
      errors: [{ file: 'server.js', line: 1, messageId: 'pid1', message: /node runs as PID 1, where signals without a handler are ignored/ }],
    },
    {
      name: 'an entrypoint script that runs node without exec: the shell is PID 1, nothing claims how node exits',
      files: {
        Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nENTRYPOINT ["/app/docker-entrypoint.sh"]\n',
        'docker-entrypoint.sh': '#!/bin/sh\nnode server.js\n',
        'server.js': "require('express')().listen(3000);\n",
      },
      errors: [{ file: 'server.js', line: 1, messageId: 'plain', message: /the server never closes its connections/ }],
    },
    {
      name: 'npm start, SIGINT only',
      files: {
        Dockerfile: 'FROM node:20\nCMD ["npm", "start"]\n',
        'package.json': JSON.stringify({ scripts: { start: 'node src/main.js' } }),
        'src/main.js': "const server = require('http').createServer(handler);\nserver.listen(8080);\nprocess.on('SIGINT', () => server.close());\n",
      },
      errors: [{ file: 'src/main.js', line: 2, messageId: 'plain', message: /Dockerfile CMD \(npm script "start"\).*\(only SIGINT, which Docker does not send\)/ }],
    },
    {
      name: "npm's default start script (node server.js)",
      files: { 'package.json': JSON.stringify({ name: 'app', dependencies: { express: '4' } }), 'server.js': "require('express')().listen(process.env.PORT || 3000);\n" },
      errors: [{ file: 'server.js', line: 1, messageId: 'plain', message: /started by package\.json scripts\.start \(server\.js\)/ }],
    },
  ],
});
