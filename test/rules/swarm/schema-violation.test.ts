import rule from '../../../src/rules/swarm/schema-violation.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'x- fields, anchors and merge keys', files: { 'compose.yaml': 'x-base: &base\n  image: nginx:1.27\nservices:\n  web:\n    <<: *base\n    x-team: web\n    deploy:\n      mode: replicated-job\n' } },
    { name: 'long ports and volumes', files: { 'compose.yaml': 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n    ports:\n      - target: 80\n        published: 8080\n    volumes:\n      - type: volume\n        source: data\n        target: /data\nvolumes:\n  data:\n' } },
    { name: 'a forbidden key (extends) is swarm/forbidden-option: docker refuses it before the schema', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    extends:\n      file: base.yml\n      service: web\n' } },
    { name: 'retries from a variable is cast', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD", "true"]\n      retries: ${RETRIES:-3}\n' } },
  ],
  invalid: [
    {
      name: 'one violation in several services is one finding naming the others (hoppscotch: profiles on each service)',
      files: { 'compose.yaml': 'services:\n  a:\n    image: a:1\n    profiles: [x]\n  b:\n    image: b:1\n    profiles: [x]\n  c:\n    image: c:1\n    profiles: [y]\n' },
      errors: [{ file: 'compose.yaml', line: 4, message: /"services\.a Additional property profiles is not allowed" \(also for services "b", "c"\)$/ }],
    },
    {
      name: 'one violation on each secret of a service, and on each top-level secret (wakapi compose.yml)',
      files: { 'compose.yml': "services:\n  app:\n    image: a:1\n    secrets:\n      - source: salt\n        mode: '0400'\n      - source: db\n        mode: '0400'\nsecrets:\n  salt:\n    environment: SALT\n  db:\n    environment: DB_PASSWORD\n" },
      errors: [
        { file: 'compose.yml', line: 6, message: /"services\.app\.secrets\.0\.mode must be a number" \(also at services\.app\.secrets\.1\.mode\)$/ },
        { file: 'compose.yml', line: 11, message: /"secrets\.(salt|db) Additional property environment is not allowed" \(also at secrets\.(salt|db)\)$/ },
      ],
    },
    { name: 'platform', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    platform: linux/amd64\n' }, errors: [{ file: 'compose.yaml', line: 4, column: 5, message: /"services\.web Additional property platform is not allowed"/ }] },
    { name: 'top-level name', files: { 'compose.yaml': 'name: shop\nservices:\n  web:\n    image: nginx:1.27\n' }, errors: [{ file: 'compose.yaml', line: 1, message: /\(root\) Additional property name is not allowed/ }] },
    { name: 'depends_on map form', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n' }, errors: [{ file: 'compose.yaml', line: 5, message: /services\.web\.depends_on must be a list/ }] },
    { name: 'literal string retries', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: ["CMD", "true"]\n      retries: "3"\n' }, errors: [{ file: 'compose.yaml', line: 6, message: /retries must be a number/ }] },
    { name: 'init needs version 3.7', files: { 'compose.yaml': 'version: "3.6"\nservices:\n  web:\n    image: nginx:1.27\n    init: true\n' }, errors: [{ file: 'compose.yaml', line: 5, message: /Additional property init is not allowed/ }] },
  ],
});
