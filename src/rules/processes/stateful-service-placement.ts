import { defineRule } from '../rule.js';
import type { ComposeFile } from '../../project/model.js';
import { getValue } from '../../project/yaml-tree.js';
import { mapEntries, resolvedString } from '../../project/load-compose.js';
import { backingFamily, replicas, serviceImage, serviceVolumes, STATEFUL_FAMILIES, type ServiceVolume } from '../../project/facts/service.js';

/** Where each database image keeps its data. */
const DATA_DIRS: Record<string, RegExp> = {
  // Before 18: /var/lib/postgresql/data; from 18: /var/lib/postgresql/<major>/docker under the image's VOLUME /var/lib/postgresql.
  postgres: /^\/(var\/lib\/postgresql(\/data|\/\d+\/docker)?|bitnami\/postgresql)\/?$/,
  mysql: /^\/(var\/lib\/mysql|bitnami\/(mysql|mariadb))\/?$/,
  mongo: /^\/(data\/db|bitnami\/mongodb)\/?$/,
  rabbitmq: /^\/(var\/lib\/rabbitmq|bitnami\/rabbitmq)(\/mnesia)?\/?$/,
  elasticsearch: /^\/(usr\/share\/elasticsearch\/data|bitnami\/elasticsearch)\/?$/,
  mssql: /^\/var\/opt\/mssql\/?$/,
  redis: /^\/(data|bitnami\/redis\/data)\/?$/,
};

/** The data directory to name in a message. */
const SHOWN: Record<string, string> = { postgres: '/var/lib/postgresql/data', mysql: '/var/lib/mysql', mongo: '/data/db', rabbitmq: '/var/lib/rabbitmq', elasticsearch: '/usr/share/elasticsearch/data', mssql: '/var/opt/mssql', redis: '/data' };

/** The server programs of each family: a service of the image that runs something else (a backup loop, a client) is not the database. */
const SERVERS = /^(postgres|postgresql|docker-entrypoint\.sh|mysqld|mariadbd|mongod|redis-server|rabbitmq-server|elasticsearch|sqlservr|\/opt\/mssql\/bin\/sqlservr)$/;

const LABELS: Record<string, string> = { postgres: 'PostgreSQL', mysql: 'MySQL/MariaDB', mongo: 'MongoDB', rabbitmq: 'RabbitMQ', elasticsearch: 'Elasticsearch', mssql: 'SQL Server', redis: 'Redis' };

/** A named volume backed by shared storage (a non-local driver, NFS/CIFS options) reaches every node. */
function sharedVolume(file: ComposeFile, name: string): boolean {
  const def = file.volumes.get(name);
  if (!def) return false;
  const driver = resolvedString(file, getValue(def.node, 'driver'));
  if (driver && driver !== 'local') return true;
  return mapEntries(getValue(def.node, 'driver_opts')).some((o) => (o.key === 'type' && /^(nfs4?|cifs|smb|glusterfs|ceph)/i.test(resolvedString(file, o.value) ?? '')) || (o.key === 'o' && /addr=/.test(resolvedString(file, o.value) ?? '')));
}

export default defineRule({
  id: 'processes/stateful-service-placement',
  factor: 'processes',
  severity: 'warning',
  swarm: 'degraded',
  // Only the replicas message is a blocker: independent copies of one database behind one name.
  blocker: 'replicas',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A database in a deployed stack has no volume for its data, a node-local volume without a placement constraint, or more than one replica',
    rationale:
      'Factor VI: state lives in backing services, and a backing service run in the stack must keep its state where the next task finds it. Swarm reschedules tasks freely: a database without a volume loses its data at the first reschedule; one on a `local` volume starts empty when it lands on another node; and `replicas: 2` or `mode: global` runs independent copies (two Redis or PostgreSQL servers behind one name), not a cluster. Checked in the deployed stack/compose files: PostgreSQL, MySQL/MariaDB, MongoDB, Redis, RabbitMQ, Elasticsearch and SQL Server images.',
    fix: 'Mount a named volume at the data directory, pin the service to the node that holds it (`deploy.placement.constraints: [node.labels.db == true]`) or use a volume driver that shares storage between nodes, keep `replicas: 1` (or run a real cluster with its own replication), or use a managed database outside the stack.',
    swarm: 'A `local` volume is created on whichever node runs the task; when Swarm moves the task (node drain, failure, update), the new task gets a new, empty volume on its new node. Each replica of a replicated service, and each node of a global one, has its own.',
    bad: 'services:\n  db:\n    image: postgres:16.3\n    volumes:\n      - db-data:/var/lib/postgresql/data',
    good: 'services:\n  db:\n    image: postgres:16.3\n    volumes:\n      - db-data:/var/lib/postgresql/data\n    deploy:\n      placement:\n        constraints: [node.labels.db == true]',
    exampleLanguage: 'yaml',
  },
  messages: {
    noVolume: 'Service "{{service}}" runs {{label}} with no volume at its data directory: its data is lost whenever Swarm replaces the task; mount a named volume at {{dir}} and pin the service to a node',
    unpinned: 'Service "{{service}}" keeps its {{label}} data in the local volume "{{volume}}" but has no placement constraint: when Swarm moves the task to another node it starts with an empty volume there; pin it (deploy.placement.constraints) or use shared storage',
    replicas: 'Service "{{service}}" runs {{label}} {{how}}: each task is an independent server with its own data behind one service name, not a cluster; run one replica (or a real cluster)',
  },
  check({ project, report }) {
    for (const file of project.facts.deployedComposeFiles()) {
      for (const service of file.services) {
        const image = serviceImage(service);
        const family = image ? backingFamily(image.value) : undefined;
        if (!family || !(STATEFUL_FAMILIES.has(family) || family === 'redis')) continue;
        const label = LABELS[family] ?? family;
        // `command: sh -c "while true; do mysqldump …"`: the image is used for its client tools, not as the database.
        const main = getValue(service.node, 'command') || getValue(service.node, 'entrypoint') ? project.facts.serviceProcess(service)?.main : undefined;
        if (main && !SERVERS.test(main.command.program) && !main.command.words[0]?.startsWith('--')) continue;
        const deploy = getValue(service.node, 'deploy');
        const n = replicas(service);
        if (n === 'global' || (typeof n === 'number' && n > 1)) {
          const at = getValue(deploy, n === 'global' ? 'mode' : 'replicas') ?? service.node;
          report({ file: file.path, range: at.range, messageId: 'replicas', data: { service: service.name, label, how: n === 'global' ? 'in global mode (one task per node)' : `with replicas: ${n}` }, swarm: 'blocker' });
          continue;
        }
        // linuxserver.io images keep all their state under /config.
        const linuxserver = /(^|\/)linuxserver\//.test(image!.value);
        const dir = linuxserver ? /^\/config\/?$/ : DATA_DIRS[family];
        const volumes = serviceVolumes(service);
        // `PGDATA` moves PostgreSQL's data: a volume there, or at a folder above it, holds it.
        const pgdata = family === 'postgres' ? project.facts.serviceEnv(service).vars.get('PGDATA')?.value?.replace(/\/+$/, '') : undefined;
        const holdsData = (target: string) => dir?.test(target) || (pgdata !== undefined && (pgdata === target.replace(/\/+$/, '') || pgdata.startsWith(`${target.replace(/\/+$/, '')}/`)));
        const data: ServiceVolume | undefined = volumes.find((v) => v.target !== undefined && holdsData(v.target) && v.type !== 'tmpfs');
        // Redis often runs as a cache: only a Redis told to persist (a data volume or appendonly) is judged.
        if (family === 'redis' && !data) continue;
        if (!data) {
          report({ file: file.path, range: service.keyRange, messageId: 'noVolume', data: { service: service.name, label, dir: linuxserver ? '/config' : (SHOWN[family] ?? 'its data directory') } });
          continue;
        }
        if (data.type === 'bind') continue; // processes/host-bind-mount speaks about host paths.
        const constraints = getValue(getValue(deploy, 'placement'), 'constraints');
        const pinned = constraints?.kind === 'seq' && constraints.items.some((c) => /^\s*node\.(hostname|id|labels\.[\w.-]+)\s*==/.test(resolvedString(file, c) ?? ''));
        if (pinned || (data.source && sharedVolume(file, data.source))) continue;
        report({ file: file.path, range: data.node.range, messageId: 'unpinned', data: { service: service.name, label, volume: data.source ?? data.target ?? '' } });
      }
    }
  },
});
