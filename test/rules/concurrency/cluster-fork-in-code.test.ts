import rule from '../../../src/rules/concurrency/cluster-fork-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

const app = "const cluster = require('node:cluster');\nconst os = require('os');\nif (cluster.isPrimary) {\n  for (const _ of os.cpus()) cluster.fork();\n} else {\n  require('./app').listen(3000);\n}\n";

ruleTester(rule, {
  valid: [
    { name: 'outside a container', files: { 'package.json': JSON.stringify({ scripts: { start: 'node server.js' } }), 'server.js': app } },
    { name: 'child_process.fork is not cluster', files: { Dockerfile: 'FROM node:20\nCMD ["node", "server.js"]\n', 'server.js': "const { fork } = require('child_process');\nfork('worker.js');\n" } },
  ],
  invalid: [
    {
      name: 'cluster.fork in the container entry',
      files: { Dockerfile: 'FROM node:20\nCMD ["node", "server.js"]\n', 'server.js': app },
      errors: [{ file: 'server.js', line: 4, column: 30, messageId: 'fork', message: /container started by Dockerfile CMD/ }],
    },
  ],
});
