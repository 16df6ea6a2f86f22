import rule from '../../../src/rules/swarm/host-ip-port.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'what a ${VAR:+…} leaves behind is no port spec (searxng): swarm/schema-violation speaks', files: { 'compose.yaml': 'services:\n  core:\n    image: searxng/searxng:2024.1.1\n    ports:\n      - ${SEARXNG_HOST:+${SEARXNG_HOST}:}${SEARXNG_PORT:-8080}:${SEARXNG_PORT:-8080}\n' } },
    { name: 'no host IP, 0.0.0.0, long syntax', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - "0.0.0.0:8443:443"\n      - target: 80\n        published: 8081\n      - "9000"\n' } },
  ],
  invalid: [
    {
      // In a stack file: a compose file of loopback-only backing services is development infrastructure, its Swarm warnings are counted, not listed.
      name: '127.0.0.1 bindings (outline/outline style)',
      files: { 'docker-stack.yml': 'services:\n  postgres:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n      - 127.0.0.1:6379:6379/udp\n' },
      errors: [
        { file: 'docker-stack.yml', line: 5, column: 9, message: /"ignoring IP-address \(127\.0\.0\.1:5432:5432\/tcp\) service will listen on '0\.0\.0\.0'"/ },
        { file: 'docker-stack.yml', line: 6, message: /127\.0\.0\.1:6379:6379\/udp/ },
      ],
    },
  ],
});
