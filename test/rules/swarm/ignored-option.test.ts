import rule from '../../../src/rules/swarm/ignored-option.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'nothing ignored', files: { 'docker-stack.yml': 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        condition: any\n' } },
    { name: 'build without image is left to swarm/build-without-image', files: { 'compose.yaml': 'services:\n  web:\n    build: .\n' } },
    { name: 'deploy.restart_policy is not the service-level restart', files: { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        condition: on-failure\n' } },
    { name: 'restart from an unset variable is swarm/unset-variable\'s to report, not "restart: no" (robotoff docker/ml.yml)', files: { 'docker-stack.yml': 'services:\n  triton:\n    image: nvcr.io/nvidia/tritonserver:25.02-py3\n    restart: $RESTART_POLICY\n' } },
  ],
  invalid: [
    {
      name: 'restart: docker converts always/unless-stopped/on-failure (info, no Swarm impact), applies its default on "no", and lets deploy.restart_policy win',
      files: { 'docker-stack.yml': 'services:\n  a:\n    image: a:1.0.0\n    restart: always\n  b:\n    image: b:1.0.0\n    restart: on-failure:3\n  c:\n    image: c:1.0.0\n    restart: "no"\n  d:\n    image: d:1.0.0\n    restart: always\n    deploy:\n      restart_policy:\n        condition: on-failure\n' },
      errors: [
        { file: 'docker-stack.yml', line: 4, messageId: 'restartConverted', message: /converts restart: always into deploy\.restart_policy\.condition: any/ },
        { file: 'docker-stack.yml', line: 7, messageId: 'restartConverted', message: /condition: on-failure/ },
        { file: 'docker-stack.yml', line: 10, messageId: 'restartNo' },
        { file: 'docker-stack.yml', line: 13, messageId: 'restartOverridden' },
      ],
    },
    {
      name: 'build with image, restart, privileged, network_mode',
      files: { 'compose.yaml': 'services:\n  api:\n    build: ./api\n    image: registry.example.com/api:1.4.2\n    restart: always\n  agent:\n    image: agent:2\n    privileged: true\n    network_mode: host\n' },
      errors: [
        { file: 'compose.yaml', line: 3, column: 5, message: /ignores build on service "api" \("Ignoring unsupported options: build"\)/ },
        { file: 'compose.yaml', line: 5, message: /restart/ },
        { file: 'compose.yaml', line: 8, message: /privileged/ },
        { file: 'compose.yaml', line: 9, message: /network_mode/ },
      ],
    },
  ],
});
