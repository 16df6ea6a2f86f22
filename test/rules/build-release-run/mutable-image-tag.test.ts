import rule from '../../../src/rules/build-release-run/mutable-image-tag.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'version tags and digests', files: { 'compose.yaml': 'services:\n  cache:\n    image: redis:7.2.5-alpine\n  db:\n    image: postgres@sha256:4ec37d2a07a0067f176fdcc9d4bb633a5724d2cc4f892c7a2046d054bb6939e5\n  reg:\n    image: registry.example.com:5000/team/api:1.4.2\n' } },
    { name: 'tag from a variable', files: { 'docker-stack.yml': 'services:\n  api:\n    image: registry.example.com/api:${TAG:-latest}\n  web:\n    image: ${WEB_IMAGE}\n  worker:\n    image: acme/worker${SUFFIX}\n' } },
    {
      name: 'built service with latest in a compose file that is not deployed (a stack file beside it)',
      files: { 'compose.yaml': 'services:\n  api:\n    build: .\n    image: acme/api:latest\n', 'docker-stack.yml': 'services:\n  api:\n    image: acme/api:1.4.2\n' },
    },
    { name: 'development files', files: { 'docker-compose.dev.yml': 'services:\n  db:\n    image: postgres\n', 'compose.yaml': 'services:\n  db:\n    image: postgres:16.3\n', 'compose.override.yaml': 'services:\n  db:\n    image: postgres:latest\n' } },
    { name: 'no image key', files: { 'compose.yaml': 'services:\n  api:\n    build: .\n' } },
  ],
  invalid: [
    {
      name: 'built and deployed as latest from the main compose file',
      files: { 'compose.yaml': 'services:\n  api:\n    build: .\n    image: acme/api:latest\n  web:\n    build: ./web\n    image: acme-web\n' },
      errors: [
        { file: 'compose.yaml', line: 4, messageId: 'buildLatest' },
        { file: 'compose.yaml', line: 7, messageId: 'buildLatest' },
      ],
    },
    {
      name: 'untagged and latest third-party images',
      files: { 'compose.yaml': 'services:\n  cache:\n    image: redis\n  proxy:\n    image: "traefik:latest"\n' },
      errors: [
        { file: 'compose.yaml', line: 3, column: 12, messageId: 'untagged', message: /Service "cache" runs redis without a tag/ },
        { file: 'compose.yaml', line: 5, column: 12, messageId: 'latest', message: /runs traefik:latest, the mutable tag "latest"/ },
      ],
    },
    {
      name: 'built service released as latest in a stack file',
      files: { 'docker-stack.yml': 'services:\n  api:\n    build: ./api\n    image: registry.example.com/acme/api:latest\n    deploy:\n      replicas: 2\n' },
      errors: [{ file: 'docker-stack.yml', line: 4, column: 12, messageId: 'buildLatest', message: /built and deployed as registry\.example\.com\/acme\/api:latest.*registry\.example\.com\/acme\/api:\$\{GIT_SHA\}/ }],
    },
    {
      name: 'compose file with deploy sections counts as a stack file; registry port is not a tag',
      files: { 'docker-compose.yml': 'services:\n  web:\n    build: .\n    image: localhost:5000/web\n    deploy:\n      replicas: 3\n' },
      errors: [{ file: 'docker-compose.yml', line: 4, messageId: 'buildLatest' }],
    },
  ],
});
