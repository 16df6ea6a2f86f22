import rule from '../../../src/rules/admin-processes/admin-script-not-in-image.js';
import { ruleTester } from '../../support/rule-tester.js';

const pkg = '{\n  "name": "api",\n  "scripts": {\n    "start": "node dist/server.js",\n    "build": "tsc",\n    "migrate": "node scripts/migrate.js",\n    "db:seed": "ts-node src/db/seed.ts"\n  }\n}\n';
const files = { 'package.json': pkg, 'scripts/migrate.js': 'console.log("migrate");\n', 'src/db/seed.ts': 'export {};\n', 'src/server.ts': 'export {};\n' };

ruleTester(rule, {
  valid: [
    { name: 'COPY . . copies everything', files: { ...files, Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n' } },
    {
      name: 'scripts and src copied explicitly',
      files: { ...files, Dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY scripts ./scripts\nCOPY src/ ./src/\nCMD ["node", "dist/server.js"]\n' },
    },
    {
      name: 'multi-stage: final copies the whole workdir of the build stage',
      files: { ...files, Dockerfile: 'FROM node:20 AS build\nWORKDIR /usr/src/app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:20-slim\nWORKDIR /usr/src/app\nCOPY --from=build /usr/src/app ./\nCMD ["node", "dist/server.js"]\n' },
    },
    {
      name: 'package.json not in the image: not this Node app image',
      files: { ...files, Dockerfile: 'FROM golang:1.22\nCOPY cmd ./cmd\nRUN go build ./cmd/api\n' },
    },
    {
      name: 'script file does not exist in the repo (built output)',
      files: { 'package.json': '{ "scripts": { "migrate": "node dist/migrate.js" } }\n', Dockerfile: 'FROM node:20\nCOPY package.json ./\nCOPY dist ./dist\n' },
    },
    {
      name: 'not an admin script',
      files: { 'package.json': '{ "scripts": { "lint": "node tools/lint.js" } }\n', 'tools/lint.js': '\n', Dockerfile: 'FROM node:20\nCOPY package.json ./\nCOPY dist ./dist\n' },
    },
    {
      name: 'ADD of a tarball may contain anything',
      files: { ...files, Dockerfile: 'FROM node:20\nCOPY package.json ./\nADD release.tar.gz /app/\n' },
    },
  ],
  invalid: [
    {
      name: 'only dist copied into the image',
      files: { ...files, Dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY dist ./dist\nCMD ["node", "dist/server.js"]\n' },
      errors: [
        { file: 'Dockerfile', line: 1, column: 1, messageId: 'missing', message: /Dockerfile never copies scripts\/migrate.js into the image, but package.json script "migrate" runs it \("node scripts\/migrate.js"\)/ },
        { file: 'Dockerfile', line: 1, column: 1, messageId: 'missing', message: /src\/db\/seed.ts .* script "db:seed"/ },
      ],
    },
    {
      name: 'multi-stage: final copies only dist and node_modules from the build stage',
      files: {
        'api/package.json': '{ "scripts": { "migrate:up": "node ./scripts/migrate.js up" } }\n',
        'api/scripts/migrate.js': '\n',
        'api/Dockerfile': 'FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nFROM node:20-slim AS runtime\nWORKDIR /app\nCOPY --from=build /app/package.json ./\nCOPY --from=build /app/node_modules ./node_modules\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/server.js"]\n',
      },
      errors: [{ file: 'api/Dockerfile', line: 5, messageId: 'missing', message: /api\/Dockerfile never copies scripts\/migrate.js/ }],
    },
  ],
});
