import { defineRule } from '../rule.js';
import { DEPRECATED_SERVICE_KEYS, loadable } from '../../project/compose/docker-cli.js';
import { removeEntry, stackFile } from '../../project/compose/edit.js';

export default defineRule({
  id: 'swarm/deprecated-option',
  factor: 'swarm',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose'],
  fixable: 'in a stack file (`docker-stack.yml`, or one named with --stack), the key and its value are removed, whole lines only',
  docs: {
    summary: 'A service uses `container_name` or `expose`, which docker stack deploy ignores as deprecated',
    rationale:
      'Swarm names tasks itself (`<stack>_<service>.<slot>`) so a service can have many; and every port of a task is reachable from the services on its networks, so `expose` does nothing.',
    fix: 'Remove `container_name` (address the service by its name) and `expose` (publish with `ports` only what must be reachable from outside).',
    swarm: 'docker stack deploy prints "Ignoring deprecated options:" and "container_name: Setting the container name is not supported." / "expose: Exposing ports is unnecessary - services on the same network can access each other\'s containers on any port."',
    bad: 'services:\n  db:\n    image: postgres:16\n    container_name: db\n    expose:\n      - "5432"',
    good: 'services:\n  db:\n    image: postgres:16',
    exampleLanguage: 'yaml',
  },
  messages: {
    deprecated: 'docker stack deploy ignores {{key}} on service "{{service}}": "{{key}}: {{reason}}"',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      for (const service of file.services) {
        for (const entry of service.node.entries) {
          const reason = Object.hasOwn(DEPRECATED_SERVICE_KEYS, entry.key) ? DEPRECATED_SERVICE_KEYS[entry.key] : undefined;
          if (!reason) continue;
          // In a stack file the key does nothing: --fix removes it (a compose file may still want it for docker compose).
          const fix = stackFile(project, file) ? removeEntry(file, service, entry) : undefined;
          report({ file: file.path, range: entry.keyRange, messageId: 'deprecated', data: { key: entry.key, service: service.name, reason }, ...(fix ? { fix } : {}) });
        }
      }
    }
  },
});
