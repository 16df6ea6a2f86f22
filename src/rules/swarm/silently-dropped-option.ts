import { defineRule } from '../rule.js';
import { getEntry, getValue } from '../../project/yaml-tree.js';
import { loadable } from '../../project/compose/docker-cli.js';

export default defineRule({
  id: 'swarm/silently-dropped-option',
  factor: 'swarm',
  severity: 'info',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'An option docker stack deploy drops without a word: `depends_on`, service-level `tmpfs`, `ipv4_address`/`ipv6_address`',
    rationale:
      'Swarm starts all services of a stack at once and restarts them independently; start order is not a thing. Factor IV (backing services) and IX (disposability): an app must tolerate its database being absent for a while and retry, not rely on `depends_on`.',
    fix: 'Make the app retry connections to its backing services at start (and reconnect later); for tmpfs use a long-syntax volume of `type: tmpfs`; drop fixed IP addresses and use service names.',
    swarm: 'No message at all: docker stack deploy accepts the keys and the services run without them.',
    bad: 'services:\n  web:\n    image: web:1.0\n    depends_on:\n      - db',
    good: '# web retries the database connection with backoff; no depends_on needed',
    exampleLanguage: 'yaml',
  },
  messages: {
    dependsOn: 'Swarm ignores depends_on: "{{service}}" may start before {{targets}}; the app must retry its connections',
    tmpfs: 'Swarm ignores service-level tmpfs on "{{service}}"; use a volume with type: tmpfs',
    ipAddress: 'Swarm ignores {{key}} on "{{service}}"; address the service by name',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      for (const service of file.services) {
        const dependsOn = getEntry(service.node, 'depends_on');
        // The map form is rejected by the schema (swarm/schema-violation), not dropped.
        if (dependsOn && dependsOn.value.kind === 'seq') {
          const v = dependsOn.value;
          const targets = v.items.map((i) => (i.kind === 'scalar' ? String(i.value) : '?'));
          report({ file: file.path, range: dependsOn.keyRange, messageId: 'dependsOn', data: { service: service.name, targets: targets.length ? targets.join(', ') : 'its dependencies' } });
        }
        const tmpfs = getEntry(service.node, 'tmpfs');
        if (tmpfs) report({ file: file.path, range: tmpfs.keyRange, messageId: 'tmpfs', data: { service: service.name } });
        const networks = getValue(service.node, 'networks');
        if (networks?.kind === 'map') {
          for (const net of networks.entries) {
            for (const key of ['ipv4_address', 'ipv6_address']) {
              const e = getEntry(net.value, key);
              if (e) report({ file: file.path, range: e.keyRange, messageId: 'ipAddress', data: { key, service: service.name } });
            }
          }
        }
      }
    }
  },
});
