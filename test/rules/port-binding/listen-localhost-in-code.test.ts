import rule from '../../../src/rules/port-binding/listen-localhost-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

const docker = (cmd = '["node", "server.js"]') => `FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ${cmd}\n`;

ruleTester(rule, {
  valid: [
    { name: 'no host: all interfaces', files: { Dockerfile: docker(), 'server.js': "require('express')().listen(3000);\n" } },
    { name: 'explicit 0.0.0.0', files: { Dockerfile: docker(), 'server.js': "require('express')().listen(3000, '0.0.0.0');\n" } },
    {
      name: 'fastify with host 0.0.0.0',
      files: { Dockerfile: docker('["node", "server.mjs"]'), 'server.mjs': "import Fastify from 'fastify';\nconst app = Fastify();\nawait app.listen({ port: 3000, host: '0.0.0.0' });\n" },
    },
    {
      name: 'HOST defaults to localhost but the service sets HOST',
      files: {
        'compose.yaml': 'services:\n  web:\n    build: .\n    image: web:1\n    environment:\n      HOST: 0.0.0.0\n',
        Dockerfile: docker(),
        'server.js': "const host = process.env.HOST || 'localhost';\nrequire('http').createServer().listen(3000, host);\n",
      },
    },
    {
      name: 'admin server on localhost next to a public one',
      files: { Dockerfile: docker(), 'server.js': "const http = require('http');\nhttp.createServer().listen(3000);\nhttp.createServer().listen(9000, '127.0.0.1');\n" },
    },
    { name: 'not run by a container', files: { 'package.json': JSON.stringify({ scripts: { start: 'node server.js' } }), 'server.js': "require('express')().listen(3000, 'localhost');\n" } },
    { name: 'host from an unresolved variable', files: { Dockerfile: docker(), 'server.js': "const cfg = require('./cfg');\nrequire('express')().listen(3000, cfg.host);\n" } },
  ],
  invalid: [
    {
      name: 'express on 127.0.0.1',
      files: { Dockerfile: docker(), 'server.js': "const app = require('express')();\napp.listen(3000, '127.0.0.1', () => {});\n" },
      errors: [{ file: 'server.js', line: 2, column: 1, messageId: 'local', message: /listens on 127\.0\.0\.1 \("127\.0\.0\.1"\) in the container started by Dockerfile CMD/ }],
    },
    {
      name: 'fastify without host',
      files: { Dockerfile: docker('["node", "dist/main.js"]'), 'tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist', rootDir: './src' } }), 'src/main.ts': "import fastify from 'fastify';\nconst server = fastify({ logger: true });\nserver.listen({ port: 3000 });\n" },
      errors: [{ file: 'src/main.ts', line: 3, column: 1, messageId: 'fastify' }],
    },
    {
      name: 'HOST fallback localhost and nothing sets HOST',
      files: { Dockerfile: docker(), 'server.js': "const HOST = process.env.HOST ?? 'localhost';\nrequire('http').createServer().listen({ port: 3000, host: HOST });\n" },
      errors: [{ file: 'server.js', line: 2, messageId: 'local', message: /listens on localhost \(process\.env\.HOST, default "localhost"\)/ }],
    },
    {
      name: 'Nest on the Fastify adapter without host',
      files: {
        Dockerfile: docker('["node", "dist/main"]'),
        'tsconfig.json': JSON.stringify({ compilerOptions: { outDir: './dist' } }),
        'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { FastifyAdapter } from '@nestjs/platform-fastify';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule, new FastifyAdapter());\n  await app.listen(3000);\n}\nbootstrap();\n",
      },
      errors: [{ file: 'src/main.ts', line: 5, column: 9, messageId: 'fastify' }],
    },
  ],
});
