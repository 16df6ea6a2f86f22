import rule from '../../../src/rules/disposability/exit-without-close-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'closes the server first', files: { 'server.js': "const server = require('express')().listen(3000);\nprocess.on('SIGTERM', () => server.close(() => process.exit(0)));\n" } },
    { name: 'calls a shutdown function', files: { 'server.js': "const server = require('express')().listen(3000);\nprocess.on('SIGTERM', () => { shutdown(); process.exit(0); });\n" } },
    { name: 'a CLI script, not a server', files: { 'cli.js': "process.on('SIGINT', () => process.exit(130));\nmain();\n" } },
  ],
  invalid: [
    {
      name: 'log and exit',
      files: { 'server.js': "const app = require('express')();\napp.listen(3000);\nprocess.on('SIGTERM', () => {\n  console.log('bye');\n  process.exit(0);\n});\n" },
      errors: [{ file: 'server.js', line: 3, column: 1, messageId: 'exit', message: /^The SIGTERM handler exits without closing the server/ }],
    },
    {
      name: 'named handler function',
      files: { 'server.ts': "import express from 'express';\nfunction onSignal() {\n  logger.info('stopping');\n  process.exit(0);\n}\nprocess.once('SIGINT', onSignal);\nexpress().listen(3000);\n" },
      errors: [{ file: 'server.ts', line: 6, messageId: 'exit', message: /SIGINT/ }],
    },
  ],
});
