import rule from '../../../src/rules/swarm/silently-dropped-option.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'tmpfs as a long volume, networks without addresses', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - type: tmpfs\n        target: /tmp\n    networks:\n      front: {}\nnetworks:\n  front:\n' } },
  ],
  invalid: [
    {
      name: 'depends_on, tmpfs, ipv4_address',
      files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - db\n    tmpfs: /run\n    networks:\n      front:\n        ipv4_address: 172.16.238.10\n  db:\n    image: postgres:16\nnetworks:\n  front:\n' },
      errors: [
        { file: 'compose.yaml', line: 4, messageId: 'dependsOn', message: /"web" may start before db/ },
        { file: 'compose.yaml', line: 6, messageId: 'tmpfs' },
        { file: 'compose.yaml', line: 9, messageId: 'ipAddress' },
      ],
    },
  ],
});
