import rule from '../../../src/rules/swarm/no-stack-file.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'has a stack file', files: { Dockerfile: 'FROM node:20\n', 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n' } },
    { name: 'no Dockerfile either', files: { 'index.js': 'console.log(1)\n' } },
    { name: 'a single Dockerfile audited as a file', files: { Dockerfile: 'FROM node:20\n' }, paths: ['Dockerfile'] },
  ],
  invalid: [{ name: 'Dockerfile only', files: { Dockerfile: 'FROM node:20\n', 'app/Dockerfile.worker': 'FROM node:20\n' }, errors: [{ file: 'Dockerfile', line: 1, message: /2 Dockerfiles but no compose or stack file/ }] }],
});
