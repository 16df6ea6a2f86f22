import { defineRule } from '../rule.js';
import { getEntry, getValue } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { backingFamily, hasPlacementConstraint, serviceImage, serviceVolumes, SYSTEM_MOUNTS } from '../../project/facts/service.js';
import { webServerOf } from '../../project/facts/web-server.js';

export default defineRule({
  id: 'concurrency/single-replica',
  factor: 'concurrency',
  severity: 'info',
  swarm: 'none',
  recommended: false,
  inputs: ['compose', 'dockerfile'],
  docs: {
    summary: 'A web service without local state is fixed at `replicas: 1` in a stack file',
    rationale:
      'Factor VIII: a stateless web process scales out by running more copies of it. Pinning one that keeps no local state (no volumes, no placement constraint) to a single replica gives up that headroom and makes every update and every node failure an outage.',
    fix: 'Run at least two replicas (`deploy.replicas: 2`) with `update_config.order: start-first`; keep `replicas: 1` only for singletons (databases, schedulers) — those are not reported.',
    swarm: 'With one replica Swarm stops the old task before starting the new one on every update (stop-first, the default) and reschedules it only after the node is declared down.',
    bad: 'services:\n  web:\n    image: registry.example.com/web:1.4.2\n    command: gunicorn -b 0.0.0.0:8000 app:app\n    deploy:\n      replicas: 1',
    good: 'services:\n  web:\n    image: registry.example.com/web:1.4.2\n    command: gunicorn -b 0.0.0.0:8000 app:app\n    deploy:\n      replicas: 2\n      update_config:\n        order: start-first',
    exampleLanguage: 'yaml',
  },
  messages: {
    single: 'Service "{{service}}" runs {{server}} and keeps no local state, but is fixed at replicas: 1: every update and node failure takes it down; run two or more replicas',
  },
  check({ project, report }) {
    for (const file of project.facts.deployedComposeFiles()) {
      for (const service of file.services) {
        const deploy = getValue(service.node, 'deploy');
        const replicas = getEntry(deploy, 'replicas');
        if (!replicas || resolvedString(file, replicas.value) !== '1') continue;
        const mode = resolvedString(file, getValue(deploy, 'mode'));
        if (mode && mode !== 'replicated') continue;
        if (hasPlacementConstraint(service)) continue;
        const image = serviceImage(service);
        if (image && backingFamily(image.value)) continue;
        if (serviceVolumes(service).some((v) => v.type !== 'tmpfs' && !v.readOnly && !(v.source && SYSTEM_MOUNTS.test(v.source)))) continue;
        const proc = project.facts.serviceProcess(service);
        const server = proc?.steps.filter((s) => !s.command.background).map((s) => webServerOf(s.command.words)).find(Boolean);
        if (!server) continue;
        report({ file: file.path, range: replicas.value.range, messageId: 'single', data: { service: service.name, server: server.name } });
      }
    }
  },
});
