import { defineRule } from '../rule.js';
import { isPinned, serviceVolumes, SYSTEM_MOUNTS } from '../util/volumes.js';

export default defineRule({
  id: 'processes/host-bind-mount',
  factor: 'processes',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A writable host directory is bind-mounted into a service that can run on any node',
    rationale:
      'Factor VI: processes are stateless and share nothing; state lives in a backing service. A writable bind mount keeps state on the disk of whichever machine the container happens to run on.',
    fix: 'Keep state in a backing service (database, object storage). If the service really owns a local disk (a database), pin it to one node with `deploy.placement.constraints` and use a named volume; mount read-only config with Swarm `configs` instead.',
    swarm: 'Swarm schedules tasks on any node; a bind-mount source must already exist on that node (the task is rejected with "invalid mount config" otherwise), and files written there stay behind when the task moves.',
    bad: 'volumes:\n  - ./uploads:/app/uploads',
    good: 'volumes:\n  - uploads:/app/uploads\ndeploy:\n  placement:\n    constraints: [node.role == manager]',
    exampleLanguage: 'yaml',
  },
  messages: {
    bind: 'Service "{{service}}" mounts host path {{source}} writable at {{target}}; what it writes stays on one node, and the path must exist on every node Swarm may pick',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (file.role === 'override') continue;
      for (const service of file.services) {
        if (isPinned(service)) continue;
        for (const v of serviceVolumes(service)) {
          if (v.type !== 'bind' || v.readOnly || !v.source || !v.target) continue;
          if (SYSTEM_MOUNTS.test(v.source) || SYSTEM_MOUNTS.test(v.target)) continue;
          // Single files are config (see Swarm configs); the project directory itself is source code (build-release-run).
          if (/\/[^/]+\.[A-Za-z0-9]{1,5}$/.test(v.source) || /^\.{1,2}\/?$/.test(v.source)) continue;
          report({ file: file.path, range: v.node.range, messageId: 'bind', data: { service: service.name, source: v.source, target: v.target } });
        }
      }
    }
  },
});
