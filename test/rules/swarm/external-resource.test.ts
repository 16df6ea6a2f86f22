import rule from '../../../src/rules/swarm/external-resource.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'declared external but unused', files: { 'stack.yml': 'services:\n  web:\n    image: nginx:1.27\nsecrets:\n  old:\n    external: true\n' } },
    { name: 'file secret', files: { 'stack.yml': 'services:\n  web:\n    image: nginx:1.27\n    secrets: [k]\nsecrets:\n  k:\n    file: ./k.txt\n', 'k.txt': 'x' } },
  ],
  invalid: [
    {
      name: 'external network (legacy name form) and secret',
      files: { 'stack.yml': 'services:\n  web:\n    image: nginx:1.27\n    networks: [app-net]\n    secrets: [revprox_cert]\nnetworks:\n  app-net:\n    external:\n      name: nat\nsecrets:\n  revprox_cert:\n    external: true\n' },
      errors: [
        { file: 'stack.yml', line: 8, message: /Create the external network "nat".*docker network create --driver overlay --attachable nat.*"web"/ },
        { file: 'stack.yml', line: 12, message: /external secret "revprox_cert"/ },
      ],
    },
  ],
});
