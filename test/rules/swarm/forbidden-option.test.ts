import rule from '../../../src/rules/swarm/forbidden-option.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'limits under deploy.resources', files: { 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n' } },
    { name: 'a top-level volume named mem_limit is not a service key', files: { 'compose.yaml': 'services:\n  web:\n    image: web:1\nvolumes:\n  mem_limit:\n' } },
  ],
  invalid: [
    {
      name: 'mem_limit and cpu_shares',
      files: { 'compose.yaml': 'services:\n  web:\n    image: web:1\n    mem_limit: 512m\n    cpu_shares: 512\n' },
      errors: [
        { file: 'compose.yaml', line: 4, column: 5, message: /mem_limit: Set resource limits using deploy.resources/ },
        { file: 'compose.yaml', line: 5, column: 5, message: /cpu_shares/ },
      ],
    },
    { name: 'volumes_from', files: { 'compose.yaml': 'services:\n  a:\n    image: a:1\n    volumes_from:\n      - b\n  b:\n    image: b:1\n' }, errors: [{ file: 'compose.yaml', line: 4, message: /top-level `volumes`/ }] },
    { name: 'extends', files: { 'compose.yaml': 'services:\n  a:\n    image: a:1\n    extends:\n      file: common.yml\n      service: base\n' }, errors: [{ file: 'compose.yaml', line: 4 }] },
  ],
});
