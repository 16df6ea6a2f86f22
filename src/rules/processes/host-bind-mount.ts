import { defineRule } from '../rule.js';
import { bindSourcePath, isPinned, isSourceMount, serviceVolumes, SYSTEM_MOUNTS } from '../../project/facts/service.js';
import { basename, isInside } from '../../project/paths.js';

/** Files that only keep an otherwise empty directory in git. */
const PLACEHOLDER = /^(\.gitkeep|\.keep|\.gitignore|\.empty|readme(\.\w+)?)$/i;

export default defineRule({
  id: 'processes/host-bind-mount',
  factor: 'processes',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose', 'files'],
  docs: {
    summary: 'A writable host directory is bind-mounted into a service that can run on any node',
    rationale:
      'Factor VI: processes are stateless and share nothing; state lives in a backing service. A writable bind mount keeps state on the disk of whichever machine the container happens to run on. Read-only mounts, single files, project directories with committed content (config, scripts; `.gitkeep` alone does not count), system paths (the Docker socket, /etc/localtime …), services pinned by a placement constraint or running in global mode, source-code mounts (`build-release-run/source-bind-mount`) and files named for development (`compose.override.yml`, `docker-compose.dev.yml`) are left alone.',
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
      for (const service of file.services) {
        if (isPinned(service)) continue;
        for (const v of serviceVolumes(service)) {
          if (v.type !== 'bind' || v.readOnly || !v.source || !v.target) continue;
          if (SYSTEM_MOUNTS.test(v.source) || SYSTEM_MOUNTS.test(v.target)) continue;
          // Single files are config (see Swarm configs); the project directory itself is source code (build-release-run).
          if (/\/[^/]+\.[A-Za-z0-9]{1,12}$/.test(v.source) || /^\.{1,2}\/?$/.test(v.source)) continue;
          // Source code mounted over the image is build-release-run/source-bind-mount's finding.
          if (isSourceMount(project, service, v)) continue;
          // A project directory with committed content (config, scripts) is not where state accumulates;
          // placeholder files (uploads/.gitkeep) do not count as content.
          const path = bindSourcePath(service, v.source);
          if (path !== undefined && project.files.some((f) => (f.path === path || isInside(f.path, path)) && !PLACEHOLDER.test(basename(f.path)))) continue;
          report({ file: file.path, range: v.node.range, messageId: 'bind', data: { service: service.name, source: v.source, target: v.target } });
        }
      }
    }
  },
});
