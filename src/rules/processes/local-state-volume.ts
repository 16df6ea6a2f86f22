import { defineRule } from '../rule.js';
import type { ComposeFile, ComposeService } from '../../project/model.js';
import { resolvedString, mapEntries } from '../../project/load-compose.js';
import { getValue } from '../../project/yaml-tree.js';
import { serviceVolumes } from '../../project/facts/service.js';

/** What an app keeps at a path, judged by the path: uploads, sessions, user media. */
export function stateKind(target: string): string | undefined {
  const t = target.replace(/\/+$/, '').toLowerCase();
  if (/(^|\/)(uploads?|user[-_]?uploads|user[-_]?files)(\/|$)/.test(t)) return 'uploaded files';
  if (/(^|\/)sessions?(\/|$)/.test(t)) return 'sessions';
  if (/\/(storage\/app|public\/system)(\/|$)/.test(t)) return 'uploaded files';
  // MEDIA_ROOT of Django-style apps (`/app/media`, `/vol/web/media`); a top-level /media is a host media library.
  if (/^\/.+\/(media|mediafiles|media_files|media-files)(\/|$)/.test(t)) return 'media files';
  return undefined;
}

/** A named volume backed by shared storage (NFS/CIFS driver options, or a volume plugin) is reachable from every node. */
function sharedVolume(file: ComposeFile, name: string): boolean {
  const def = file.volumes.get(name) ?? file.overrides?.volumes.get(name);
  if (!def) return false;
  const driver = resolvedString(file, getValue(def.node, 'driver'));
  if (driver && driver !== 'local') return true;
  const opts = mapEntries(getValue(def.node, 'driver_opts'));
  return opts.some((o) => (o.key === 'type' && /^(nfs4?|cifs|smb|glusterfs|ceph)/i.test(resolvedString(file, o.value) ?? '')) || (o.key === 'o' && /addr=/.test(resolvedString(file, o.value) ?? '')));
}

/** Pinned to exactly one node by hostname or node id: every replica shares that node's volume. */
function pinnedToOneNode(service: ComposeService): boolean {
  const constraints = getValue(getValue(getValue(service.node, 'deploy'), 'placement'), 'constraints');
  if (constraints?.kind !== 'seq') return false;
  return constraints.items.some((c) => /^\s*node\.(hostname|id)\s*==/.test(resolvedString(service.file, c) ?? ''));
}

export default defineRule({
  id: 'processes/local-state-volume',
  factor: 'processes',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'Uploads, sessions or media are kept in a node-local volume',
    rationale:
      'Factor VI: processes are stateless and share nothing; anything that must persist lives in a stateful backing service. A volume mounted where the app writes uploads or sessions (`/app/uploads`, `/var/www/html/wp-content/uploads`, `/app/media`, `/var/lib/php/sessions`) keeps user data on the disk of one machine: a second replica does not see it, and a task rescheduled on another node starts with an empty volume. Checked: named and anonymous volumes (bind mounts are `processes/host-bind-mount`\'s) whose target path names uploads, sessions or media. Volumes on shared storage (a non-local driver, NFS/CIFS driver options), read-only mounts, services pinned to one node by `node.hostname`/`node.id`, and files named for development are left alone.',
    fix: 'Store uploads and media in object storage (S3, MinIO, Azure Blob, GCS) and sessions in Redis or the database. If the files must stay on a file system, use a volume driver that shares it between nodes (NFS, a cloud volume plugin), or pin the service to one node and accept one replica.',
    swarm: 'A `local` volume is created separately on each node that runs a task of the service: with two replicas on two nodes there are two unrelated copies, and after a reschedule the data stays behind on the old node.',
    bad: 'services:\n  web:\n    image: acme/web:1.4.2\n    volumes:\n      - uploads:/app/public/uploads\nvolumes:\n  uploads:',
    good: 'services:\n  web:\n    image: acme/web:1.4.2\n    environment:\n      UPLOADS_BUCKET: s3://acme-uploads',
    exampleLanguage: 'yaml',
  },
  messages: {
    local:
      'Service "{{service}}" keeps {{what}} in the {{volume}} at {{target}}: a local volume lives on one node, so other replicas (or a task rescheduled elsewhere) do not see them; keep {{what}} in a backing service such as object storage, Redis or the database',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        if (pinnedToOneNode(service)) continue;
        for (const v of serviceVolumes(service)) {
          if ((v.type !== 'volume' && v.type !== 'anonymous') || v.readOnly || !v.target) continue;
          const what = stateKind(v.target);
          if (!what) continue;
          if (v.type === 'volume' && v.source && sharedVolume(file, v.source)) continue;
          const volume = v.type === 'volume' && v.source ? `volume "${v.source}"` : 'anonymous volume';
          report({ file: file.path, range: v.node.range, messageId: 'local', data: { service: service.name, what, volume, target: v.target } });
        }
      }
    }
  },
});
