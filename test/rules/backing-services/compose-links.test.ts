import rule from '../../../src/rules/backing-services/compose-links.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'no links', files: { 'compose.yaml': 'services:\n  web:\n    image: acme/web:1\n    depends_on: [db]\n    environment:\n      DATABASE_URL: postgres://db/app\n  db:\n    image: postgres:16\n' } },
    { name: 'network aliases instead', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    networks:\n      default:\n        aliases: [database]\n' } },
    { name: 'links as a label value', files: { 'compose.yaml': 'services:\n  web:\n    image: acme/web:1\n    labels:\n      links: "db"\n' } },
  ],
  invalid: [
    {
      name: 'plain link and aliased link',
      files: { 'docker-compose.yml': 'version: "3.8"\nservices:\n  web:\n    image: acme/web:1\n    links:\n      - redis\n      - db:database\n  db:\n    image: postgres:16\n  redis:\n    image: redis:7\n' },
      // One finding for the key: the aliased link is what breaks.
      errors: [{ file: 'docker-compose.yml', line: 5, column: 5, messageId: 'alias', message: /links "db" under the alias "database": Swarm ignores links, so "database" will not resolve/ }],
    },
    {
      name: 'plain links only',
      files: { 'docker-compose.yml': 'services:\n  web:\n    image: acme/web:1\n    links:\n      - redis\n      - db\n' },
      errors: [{ file: 'docker-compose.yml', line: 4, column: 5, messageId: 'plain', message: /Service "web" uses links \("redis", "db"\)/ }],
    },
    {
      name: 'external links',
      files: { 'compose.yaml': 'services:\n  app:\n    image: acme/app:1\n    external_links:\n      - shared_redis_1:redis\n' },
      errors: [{ file: 'compose.yaml', line: 4, column: 5, messageId: 'external', message: /container "shared_redis_1" through external_links/ }],
    },
  ],
});
