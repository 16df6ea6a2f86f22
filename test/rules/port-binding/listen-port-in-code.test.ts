import rule from '../../../src/rules/port-binding/listen-port-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

const pkg = (start = 'node dist/server.js') => JSON.stringify({ name: 'app', scripts: { start } });
const tsconfig = JSON.stringify({ compilerOptions: { outDir: 'dist', rootDir: 'src' } });

ruleTester(rule, {
  valid: [
    {
      name: 'PORT default matches EXPOSE',
      files: {
        Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
        'server.js': "const express = require('express');\nconst app = express();\napp.listen(process.env.PORT || 3000);\n",
      },
    },
    {
      name: 'compose sets PORT to the published target port',
      files: {
        'compose.yaml': 'services:\n  web:\n    build: .\n    image: web:1\n    environment:\n      PORT: "8080"\n    ports:\n      - "80:8080"\n',
        Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "dist/server.js"]\n',
        'tsconfig.json': tsconfig,
        'src/server.ts': "import http from 'node:http';\nconst port = Number(process.env.PORT ?? 3000);\nhttp.createServer(() => {}).listen(port);\n",
      },
    },
    {
      name: 'port from a config module we cannot resolve: no comparison',
      files: {
        Dockerfile: 'FROM node:20\nEXPOSE 8080\nCMD ["node", "index.js"]\n',
        'index.js': "const config = require('./config');\nrequire('./app').listen(config.port);\n",
        'config.js': 'module.exports = { port: 3000 };\n',
      },
    },
    {
      name: 'no container: nothing to compare with',
      files: { 'package.json': pkg('node server.js'), 'server.js': "require('express')().listen(3000);\n" },
    },
    {
      name: 'PORT unset but with a default, no EXPOSE',
      files: { Dockerfile: 'FROM node:20\nCMD ["node", "server.js"]\n', 'server.js': "require('express')().listen(process.env.PORT ?? 3000);\n" },
    },
    {
      name: 'Dockerfile ENV PORT matches',
      files: { Dockerfile: 'FROM node:20\nENV PORT=8080\nEXPOSE 8080\nCMD ["node", "server.js"]\n', 'server.js': "require('express')().listen(process.env.PORT);\n" },
    },
    {
      name: 'a metrics listener next to the app port',
      files: {
        Dockerfile: 'FROM node:20\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
        'server.js': "const app = require('express')();\napp.listen(3000);\nrequire('./metrics');\n",
        'metrics.js': "require('http').createServer(() => {}).listen(9100);\n",
      },
    },
  ],
  invalid: [
    {
      name: 'listen default differs from EXPOSE (CMD dist → src via tsconfig)',
      files: {
        Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nEXPOSE 8080\nCMD ["node", "dist/server.js"]\n',
        'tsconfig.json': tsconfig,
        'src/server.ts': "import express from 'express';\nconst PORT = process.env.PORT ?? 3000;\nconst app = express();\napp.listen(PORT, () => console.log('up'));\n",
      },
      errors: [{ file: 'src/server.ts', line: 4, column: 1, messageId: 'expose', message: /listens on port 3000 \(process\.env\.PORT, default 3000; PORT not set by Dockerfile\), but Dockerfile EXPOSEs 8080/ }],
    },
    {
      name: 'compose PORT differs from the published target port',
      files: {
        'compose.yaml': 'services:\n  api:\n    build: .\n    image: api:1\n    environment:\n      - PORT=4000\n    ports:\n      - "3000:3000"\n',
        Dockerfile: 'FROM node:20\nCMD ["npm", "start"]\n',
        'package.json': pkg('node src/index.js'),
        'src/index.js': "const app = require('./app');\napp.listen(process.env.PORT || 3000);\n",
        'src/app.js': "module.exports = require('express')();\n",
      },
      errors: [{ file: 'src/index.js', line: 2, messageId: 'target', message: /port 4000 .*PORT=4000 from service "api" in compose\.yaml.*publishes container port 3000/ }],
    },
    {
      name: 'process.env.PORT without fallback and nothing sets it',
      files: {
        'compose.yaml': 'services:\n  web:\n    build: .\n    image: web:1\n',
        Dockerfile: 'FROM node:20\nCMD ["node", "server.mjs"]\n',
        'server.mjs': "import Fastify from 'koa';\nconst app = new Fastify();\napp.listen(process.env.PORT);\n",
      },
      errors: [{ file: 'server.mjs', line: 3, messageId: 'unset', message: /process\.env\.PORT with no fallback, and service "web" in compose\.yaml does not set PORT/ }],
    },
    {
      name: 'same stem: build/server/index.js → server/index.ts, listen in an imported module',
      files: {
        Dockerfile: 'FROM node:20\nEXPOSE 3000\nCMD ["node", "build/server/index.js"]\n',
        'server/index.ts': "import { start } from './main';\nstart();\n",
        'server/main.ts': "import http from 'http';\nconst PORT = 8080;\nexport function start() {\n  const server = http.createServer();\n  server.listen(PORT);\n}\n",
      },
      errors: [{ file: 'server/main.ts', line: 5, column: 3, messageId: 'expose', message: /port 8080 \(8080\), but Dockerfile EXPOSEs 3000/ }],
    },
    {
      name: 'Bun.serve port',
      files: { Dockerfile: 'FROM oven/bun:1\nEXPOSE 3000\nCMD ["bun", "run", "index.ts"]\n', 'index.ts': 'Bun.serve({ port: 8000, fetch: () => new Response("ok") });\n' },
      errors: [{ file: 'index.ts', line: 1, messageId: 'expose' }],
    },
  ],
});
