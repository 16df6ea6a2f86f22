import rule from '../../../src/rules/swarm/deprecated-option.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [{ name: 'neither key', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432"\n' } }],
  invalid: [
    {
      name: 'container_name and expose',
      files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    container_name: db\n    expose:\n      - "5432"\n' },
      errors: [
        { file: 'compose.yaml', line: 4, column: 5, message: /"container_name: Setting the container name is not supported\."/ },
        { file: 'compose.yaml', line: 5, column: 5, message: /expose: Exposing ports is unnecessary/ },
      ],
    },
  ],
});
