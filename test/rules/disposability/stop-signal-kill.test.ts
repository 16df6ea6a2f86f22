import rule from '../../../src/rules/disposability/stop-signal-kill.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'SIGQUIT for nginx', files: { Dockerfile: 'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT\n' } },
    { name: 'SIGTERM explicitly', files: { Dockerfile: 'FROM node:20\nSTOPSIGNAL SIGTERM\nCMD ["node", "server.js"]\n' } },
    { name: 'SIGINT in compose', files: { 'compose.yaml': 'services:\n  web:\n    image: app:1\n    stop_signal: SIGINT\n' } },
    { name: 'SIGKILL only in a build stage', files: { Dockerfile: 'FROM node:20 AS build\nSTOPSIGNAL SIGKILL\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\nCMD ["node", "/app/server.js"]\n' } },
    { name: 'signal 15', files: { Dockerfile: 'FROM alpine:3.20\nSTOPSIGNAL 15\n' } },
  ],
  invalid: [
    {
      name: 'STOPSIGNAL SIGKILL',
      files: { Dockerfile: 'FROM python:3.12\nCOPY . .\nSTOPSIGNAL SIGKILL\nCMD ["python", "app.py"]\n' },
      errors: [{ file: 'Dockerfile', line: 3, column: 1, messageId: 'signal', message: /STOPSIGNAL sets the stop signal to SIGKILL, which cannot be handled/ }],
    },
    {
      name: 'stop_signal 9 and KILL in compose',
      files: { 'compose.yaml': 'services:\n  a:\n    image: app:1\n    stop_signal: "9"\n  b:\n    image: app:1\n    stop_signal: KILL\n' },
      errors: [
        { file: 'compose.yaml', line: 4, column: 18, message: /Service "a" sets the stop signal to SIGKILL/ },
        { file: 'compose.yaml', line: 7, message: /Service "b"/ },
      ],
    },
    {
      name: 'SIGSTOP',
      files: { Dockerfile: 'FROM node:20\nSTOPSIGNAL SIGSTOP\n' },
      errors: [{ file: 'Dockerfile', line: 2, message: /SIGSTOP/ }],
    },
  ],
});
