import rule from '../../../src/rules/processes/socket-without-adapter-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'redis adapter',
      files: { 'src/io.ts': "import { Server } from 'socket.io';\nimport { createAdapter } from '@socket.io/redis-adapter';\nconst io = new Server(server);\nio.adapter(createAdapter(pub, sub));\n" },
    },
    {
      name: 'service pinned to one replica',
      files: {
        'compose.yaml': 'services:\n  web:\n    build: .\n    image: web:1\n    deploy:\n      replicas: 1\n',
        Dockerfile: 'FROM node:20\nCMD ["node", "server.js"]\n',
        'server.js': "const { Server } = require('socket.io');\nconst io = new Server(3000);\n",
      },
    },
    { name: 'the client library', files: { 'src/client.ts': "import { io } from 'socket.io-client';\nconst socket = io('/');\n" } },
  ],
  invalid: [
    {
      name: 'new Server without adapter',
      files: { 'src/io.ts': "import { Server } from 'socket.io';\nexport const io = new Server(httpServer, { cors: {} });\nio.on('connection', (s) => s.join('room'));\n" },
      errors: [{ file: 'src/io.ts', line: 2, column: 19, messageId: 'noAdapter', message: /^socket\.io server without an adapter:/ }],
    },
    {
      name: 'require("socket.io")(server) in a service with 3 replicas',
      files: {
        'compose.yaml': 'services:\n  web:\n    build: .\n    image: web:1\n    deploy:\n      replicas: 3\n',
        Dockerfile: 'FROM node:20\nCMD ["node", "server.js"]\n',
        'server.js': "const server = require('http').createServer();\nconst io = require('socket.io')(server);\nserver.listen(3000);\n",
      },
      errors: [{ file: 'server.js', line: 2, column: 12, message: /in a service with 3 replicas/ }],
    },
  ],
});
