import rule from '../../../src/rules/swarm/missing-file.js';
import { ruleTester } from '../../support/rule-tester.js';

const stack = 'services:\n  web:\n    image: nginx:1.27\n    env_file: ./web.env\n    secrets: [api_key]\nsecrets:\n  api_key:\n    file: ./secrets/api_key.txt\n';
ruleTester(rule, {
  valid: [
    { name: 'files exist', files: { 'deploy/stack.yml': stack, 'deploy/web.env': 'A=1\n', 'deploy/secrets/api_key.txt': 'x\n' } },
    { name: 'gitignored files that exist on disk still count', files: { 'stack.yml': stack, '.gitignore': 'secrets/\nweb.env\n', 'web.env': 'A=1\n', 'secrets/api_key.txt': 'x\n' } },
    { name: 'external secret', files: { 'stack.yml': 'services:\n  web:\n    image: nginx:1.27\n    secrets: [k]\nsecrets:\n  k:\n    external: true\n' } },
  ],
  invalid: [
    {
      name: 'missing env_file and secret file',
      files: { 'stack.yml': stack },
      errors: [
        { file: 'stack.yml', line: 4, messageId: 'envFile', message: /open \.\/web\.env: no such file or directory/ },
        { file: 'stack.yml', line: 8, messageId: 'secretFile', message: /Secret "api_key" reads \.\/secrets\/api_key\.txt/ },
      ],
    },
  ],
});
