import rule from '../../../src/rules/concurrency/single-replica.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'two replicas', files: { 'docker-stack.yml': 'services:\n  web:\n    image: app:1\n    command: gunicorn -b 0.0.0.0:8000 app:app\n    deploy:\n      replicas: 2\n' } },
    { name: 'database at one replica', files: { 'docker-stack.yml': 'services:\n  db:\n    image: postgres:16\n    deploy:\n      replicas: 1\n' } },
    { name: 'worker (not a web server) at one replica', files: { 'docker-stack.yml': 'services:\n  beat:\n    image: app:1\n    command: celery -A proj beat\n    deploy:\n      replicas: 1\n' } },
    {
      name: 'web service with a writable volume (keeps state)',
      files: { 'docker-stack.yml': 'services:\n  web:\n    image: app:1\n    command: gunicorn -b 0.0.0.0:8000 app:app\n    volumes:\n      - uploads:/app/uploads\n    deploy:\n      replicas: 1\nvolumes:\n  uploads:\n' },
    },
    {
      name: 'pinned by a placement constraint',
      files: { 'docker-stack.yml': 'services:\n  web:\n    image: app:1\n    command: uvicorn main:app --host 0.0.0.0\n    deploy:\n      replicas: 1\n      placement:\n        constraints: [node.role == manager]\n' },
    },
    { name: 'plain compose file, not a stack', files: { 'compose.yaml': 'services:\n  web:\n    image: app:1\n    command: gunicorn app:app\n' } },
  ],
  invalid: [
    {
      name: 'gunicorn fixed at one replica',
      files: { 'docker-stack.yml': 'services:\n  web:\n    image: registry.example.com/web:1.4.2\n    command: gunicorn -b 0.0.0.0:8000 app:app\n    deploy:\n      replicas: 1\n' },
      errors: [{ file: 'docker-stack.yml', line: 6, column: 17, messageId: 'single', message: /Service "web" runs gunicorn/ }],
    },
    {
      name: 'web server from the linked Dockerfile, replicas from a default',
      files: {
        Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
        'compose.prod.yml': 'services:\n  api:\n    build: .\n    image: api:2\n    deploy:\n      replicas: ${API_REPLICAS:-1}\n',
      },
      errors: [{ file: 'compose.prod.yml', line: 6, messageId: 'single', message: /runs node server.js/ }],
    },
  ],
});
