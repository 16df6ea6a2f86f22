import rule from '../../../src/rules/swarm/local-network-driver.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'overlay and default driver', files: { 'stack.yml': 'services:\n  web:\n    image: nginx:1.27\n    networks: [a, b]\nnetworks:\n  a:\n    driver: overlay\n  b:\n' } },
    { name: 'bridge network nobody uses', files: { 'stack.yml': 'services:\n  web:\n    image: nginx:1.27\nnetworks:\n  legacy:\n    driver: bridge\n' } },
    { name: 'external bridge is checked by the daemon, not declared here', files: { 'stack.yml': 'services:\n  web:\n    image: nginx:1.27\n    networks: [host-net]\nnetworks:\n  host-net:\n    external: true\n' } },
  ],
  invalid: [
    { name: 'bridge network used by a service (node-express-boilerplate)', files: { 'docker-compose.yml': 'services:\n  app:\n    image: app:1\n    networks:\n      - node-network\nnetworks:\n  node-network:\n    driver: bridge\n' }, errors: [{ file: 'docker-compose.yml', line: 8, column: 13, message: /"app" is attached/ }] },
    { name: 'default network redefined as bridge', files: { 'stack.yml': 'services:\n  web:\n    image: nginx:1.27\nnetworks:\n  default:\n    driver: bridge\n' }, errors: [{ file: 'stack.yml', line: 6 }] },
  ],
});
