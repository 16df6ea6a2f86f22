import { hostModePort, noDeploySection, noResourceLimits, noRestartPolicy, noUpdateConfig } from '../../../src/rules/swarm/deploy-best-practice.js';
import { ruleTester } from '../../support/rule-tester.js';

const complete = 'services:\n  web:\n    image: web:1\n    deploy:\n      replicas: 2\n      update_config:\n        order: start-first\n      resources:\n        limits:\n          memory: 128M\n';

ruleTester(noDeploySection, {
  valid: [
    { name: 'deploy present', files: { 'docker-stack.yml': complete } },
    { name: 'plain compose file (not a stack file) is not judged', files: { 'compose.yaml': 'services:\n  web:\n    image: web:1\n' } },
  ],
  invalid: [{ name: 'stack file service without deploy', files: { 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n' }, errors: [{ file: 'docker-stack.yml', line: 2, column: 3 }] }],
});

ruleTester(noUpdateConfig, {
  valid: [
    { name: 'has update_config', files: { 'docker-stack.yml': complete } },
    { name: 'jobs and global services', files: { 'docker-stack.yml': 'services:\n  m:\n    image: m:1\n    deploy:\n      mode: replicated-job\n  g:\n    image: g:1\n    deploy:\n      mode: global\n' } },
  ],
  invalid: [{ name: 'deploy without update_config', files: { 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n    deploy:\n      replicas: 2\n' }, errors: [{ file: 'docker-stack.yml', line: 4 }] }],
});

ruleTester(noResourceLimits, {
  valid: [{ name: 'limits set', files: { 'docker-stack.yml': complete } }],
  invalid: [{ name: 'reservations only', files: { 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n    deploy:\n      resources:\n        reservations:\n          memory: 64M\n' }, errors: [{ file: 'docker-stack.yml', line: 4 }] }],
});

ruleTester(hostModePort, {
  valid: [
    { name: 'ingress', files: { 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n    ports:\n      - target: 80\n        published: 80\n' } },
    { name: 'host mode on a global service is the intended pattern', files: { 'docker-stack.yml': 'services:\n  lb:\n    image: lb:1\n    ports:\n      - target: 80\n        published: 80\n        mode: host\n    deploy:\n      mode: global\n' } },
  ],
  invalid: [{ name: 'host mode with 3 replicas', files: { 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n    ports:\n      - target: 80\n        published: 80\n        mode: host\n    deploy:\n      replicas: 3\n' }, errors: [{ file: 'docker-stack.yml', line: 7, message: /yet it asks for 3 replicas/ }] }],
});

ruleTester(noRestartPolicy, {
  valid: [
    { name: 'restart_policy set', files: { 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n    deploy:\n      restart_policy:\n        condition: on-failure\n' } },
    { name: 'service-level restart is mapped to a policy', files: { 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n    restart: on-failure\n    deploy:\n      replicas: 2\n' } },
  ],
  invalid: [{ name: 'deploy without restart_policy', files: { 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n    deploy:\n      replicas: 2\n' }, errors: [{ file: 'docker-stack.yml', line: 4 }] }],
});
