import { defineRule } from '../rule.js';
import { FORBIDDEN_SERVICE_KEYS, loadable } from '../../project/compose/docker-cli.js';

export default defineRule({
  id: 'swarm/forbidden-option',
  factor: 'swarm',
  severity: 'error',
  swarm: 'blocker',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A service uses an option docker stack deploy refuses (`extends`, `volumes_from`, `mem_limit`, `cpu_shares` …)',
    rationale:
      'Some Compose options have no meaning for Swarm services. docker stack deploy does not ignore them: it refuses the whole file, before variable interpolation.',
    fix: 'Resource options move to `deploy.resources` (`mem_limit: 512m` → `deploy.resources.limits.memory: 512M`, `cpu_shares`/`cpu_quota`/`cpuset` → `deploy.resources.limits.cpus`); `volumes_from` and `volume_driver` become top-level named volumes; resolve `extends` with `docker compose config` first.',
    swarm: 'docker stack deploy fails with "Compose file contains unsupported options:" followed by "mem_limit: Set resource limits using deploy.resources" (one line per option).',
    bad: 'services:\n  web:\n    image: web:1.0\n    mem_limit: 512m',
    good: 'services:\n  web:\n    image: web:1.0\n    deploy:\n      resources:\n        limits:\n          memory: 512M',
    exampleLanguage: 'yaml',
  },
  messages: {
    forbidden: 'Service "{{service}}" uses {{key}}, which docker stack deploy refuses: "{{key}}: {{reason}}"',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      for (const service of file.services) {
        for (const entry of service.node.entries) {
          const reason = Object.hasOwn(FORBIDDEN_SERVICE_KEYS, entry.key) ? FORBIDDEN_SERVICE_KEYS[entry.key] : undefined;
          if (reason) report({ file: file.path, range: entry.keyRange, messageId: 'forbidden', data: { service: service.name, key: entry.key, reason } });
        }
      }
    }
  },
});
