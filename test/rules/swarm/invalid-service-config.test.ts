import rule from '../../../src/rules/swarm/invalid-service-config.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'good durations, sizes and modes', files: { 'stack.yml': 'services:\n  web:\n    image: nginx:1.27\n    stop_grace_period: 1m30s\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: 30s\n    deploy:\n      mode: replicated\n      replicas: 2\n      resources:\n        limits:\n          memory: 512M\n      restart_policy:\n        delay: 5s\n  agent:\n    image: agent:1\n    healthcheck:\n      disable: true\n    deploy:\n      mode: global\n' } },
  ],
  invalid: [
    {
      name: 'replicas with global, test+disable, bad duration, bad size',
      files: { 'stack.yml': 'services:\n  agent:\n    image: agent:1\n    healthcheck:\n      test: ["CMD", "true"]\n      disable: true\n    stop_grace_period: 10 seconds\n    deploy:\n      mode: global\n      replicas: 2\n      resources:\n        limits:\n          memory: lots\n' },
      errors: [
        { file: 'stack.yml', line: 6, messageId: 'healthcheckDisable' },
        { file: 'stack.yml', line: 7, messageId: 'duration' },
        { file: 'stack.yml', line: 10, messageId: 'replicasGlobal', message: /replicas can only be used with replicated or replicated-job mode/ },
        { file: 'stack.yml', line: 13, messageId: 'size', message: /invalid size: 'lots'/ },
      ],
    },
  ],
});
