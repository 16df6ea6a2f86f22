import rule from '../../../src/rules/codebase/not-a-git-repository.js';
import { ruleTester } from '../../support/rule-tester.js';

const app = {
  'package.json': '{\n  "name": "shop",\n  "private": true,\n  "scripts": { "start": "node server.js" }\n}\n',
  'server.js': "require('http').createServer((req, res) => res.end('ok')).listen(process.env.PORT || 3000);\n",
  Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
};

ruleTester(rule, {
  valid: [
    { name: 'a committed git repository', git: true, files: app },
    { name: 'a repository with untracked files besides the committed ones', git: true, files: app, untracked: { 'notes.txt': 'todo\n' } },
    { name: 'single files given on the command line (no project-wide verdict)', files: app, paths: ['Dockerfile'] },
  ],
  invalid: [
    {
      name: 'a plain directory',
      files: app,
      errors: [{ file: '.', line: 1, column: 1, messageId: 'notRepo', message: /not inside a git repository/ }],
    },
    {
      name: 'an empty-looking project is still not versioned',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' },
      errors: [{ file: '.', line: 1, messageId: 'notRepo' }],
    },
  ],
});
