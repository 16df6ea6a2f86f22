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
      name: 'a file inside a git submodule that is not checked out is a deploy input, not a missing file',
      files: {
        '.gitmodules': '[submodule "docker-elk"]\n\tpath = docker-elk\n\turl = https://github.com/deviantony/docker-elk.git\n',
        'stack-elk.yml': 'services:\n  es:\n    image: elasticsearch:8.13.4\nconfigs:\n  elastic_config:\n    file: ./docker-elk/elasticsearch/config/elasticsearch.yml\n',
      },
      errors: [{ file: 'stack-elk.yml', line: 6, messageId: 'inSubmodule', message: /git submodule docker-elk, which is not checked out here/ }],
    },
    {
      name: 'a file with a committed template is a deploy input the deployer creates from it',
      files: {
        'docker/docker-compose.yml': 'services:\n  app:\n    image: acme/app:1.2\n    env_file:\n      - ../.env\n',
        '.env.example': 'DATABASE_URL=\n',
      },
      errors: [{ file: 'docker/docker-compose.yml', line: 5, messageId: 'fromTemplate', severity: 'info', message: /Service "app" reads env_file \.\.\/\.env, which is not in the repository but has the template \.env\.example/ }],
    },
    {
      name: 'a template with another separator or case (maxun ENVEXAMPLE)',
      files: { 'docker-compose.yml': 'services:\n  backend:\n    image: getmaxun/maxun-backend:0.0.1\n    env_file: .env\n', ENVEXAMPLE: 'JWT_SECRET=\n' },
      errors: [{ file: 'docker-compose.yml', line: 4, messageId: 'fromTemplate', severity: 'info', message: /template ENVEXAMPLE/ }],
    },
    {
      name: 'a template in a folder above (install docs whose .env comes from the root .env.template)',
      files: { 'docs/install/docker/plain/docker-compose.yml': 'services:\n  web:\n    image: acme/web:1.2\n    env_file: ./.env\n', '.env.template': 'SECRET_KEY=\n' },
      errors: [{ file: 'docs/install/docker/plain/docker-compose.yml', line: 4, messageId: 'fromTemplate', severity: 'info', message: /template \.env\.template/ }],
    },
    {
      name: 'a secret file with a committed template',
      files: {
        'stack.yml': 'services:\n  web:\n    image: nginx:1.27\n    secrets: [k]\nsecrets:\n  k:\n    file: ./secrets/k.txt\n',
        'secrets/k.txt.sample': 'changeme\n',
      },
      errors: [{ file: 'stack.yml', line: 7, messageId: 'fromTemplate', severity: 'info', message: /Secret "k" reads \.\/secrets\/k\.txt, .*template secrets\/k\.txt\.sample/ }],
    },
    {
      name: 'one missing env file read by several services is one finding naming them',
      files: { 'compose.yaml': 'services:\n  app:\n    image: a:1\n    env_file: .env.prod\n  worker:\n    image: a:1\n    env_file: [.env.prod]\n' },
      errors: [{ file: 'compose.yaml', line: 4, messageId: 'envFile', message: /^Services "app", "worker" read env_file \.env\.prod, which does not exist/ }],
    },
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
