import { defineRule } from '../rule.js';
import { resolvedString } from '../../project/load-compose.js';
import { getValue } from '../../project/yaml-tree.js';
import { backingFamily, serviceImage } from '../../project/facts/service.js';

/** The ports each backing-service family speaks its protocol on (admin web UIs are not listed). */
const DATA_PORTS: Record<string, { ports: number[]; label: string }> = {
  postgres: { ports: [5432], label: 'PostgreSQL' },
  mysql: { ports: [3306, 33060], label: 'MySQL' },
  mongo: { ports: [27017], label: 'MongoDB' },
  redis: { ports: [6379], label: 'Redis' },
  rabbitmq: { ports: [5672], label: 'RabbitMQ (AMQP)' },
  elasticsearch: { ports: [9200, 9300], label: 'Elasticsearch' },
  memcached: { ports: [11211], label: 'Memcached' },
  mssql: { ports: [1433], label: 'SQL Server' },
};

interface Published {
  target: number[];
  hostIp?: string;
  spec: string;
}

function range(text: string): number[] {
  const [a, b] = text.split('-').map((n) => Number(n));
  if (!Number.isInteger(a)) return [];
  if (b === undefined || !Number.isInteger(b) || b < a || b - a > 1000) return [a];
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** `5432`, `5432:5432`, `127.0.0.1:5432:5432/tcp`, `15432-15433:5432-5433`. */
function parseShortPort(spec: string): Published | undefined {
  const noProto = spec.split('/')[0];
  const parts = noProto.split(':');
  const target = parts.at(-1) ?? '';
  const hostIp = parts.length === 3 ? parts[0] : undefined;
  const t = range(target);
  return t.length ? { target: t, hostIp, spec } : undefined;
}

export default defineRule({
  id: 'backing-services/published-backing-port',
  factor: 'backing-services',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose'],
  sameProblemAs: ['swarm/host-ip-port'],
  docs: {
    summary: 'A database, cache or broker service publishes its port to the host',
    rationale:
      'Factor IV: backing services are attached resources that the app reaches over the network by a name its config holds. A database service that publishes its port (`ports: ["5432:5432"]`) invites apps and scripts to reach it through a host address (`localhost:5432`, a node IP) instead of the service name, and exposes it outside the app\'s network. Checked: `ports:` of services whose image is PostgreSQL, MySQL/MariaDB, MongoDB, Redis, RabbitMQ, Elasticsearch, Memcached or SQL Server, when a published port is that service\'s protocol port. Compose files for development (`compose.override.yml`, `docker-compose.dev.yml`) are left alone.',
    fix: 'Remove `ports:` from the backing service; the app reaches it as `db:5432` on the shared network. For admin access from outside, use `docker exec`, a one-off admin task on the same network, or an SSH tunnel; keep local-debugging ports in `compose.override.yml`.',
    swarm: 'docker stack deploy publishes ports through the ingress routing mesh on every node of the swarm, on all interfaces: a host IP in the spec is ignored ("ignoring IP-address (127.0.0.1:5432:5432/tcp) service will listen on \'0.0.0.0\'").',
    bad: 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"',
    good: 'services:\n  db:\n    image: postgres:16\n  api:\n    image: acme/api:1.4.2\n    environment:\n      DATABASE_URL: postgres://app@db:5432/app',
    exampleLanguage: 'yaml',
  },
  messages: {
    published: 'Service "{{service}}" publishes its {{label}} port ({{spec}}): on Swarm the routing mesh opens it on every node; let apps reach it as {{service}}:{{port}} on the internal network and remove the published port',
    hostIp: 'Service "{{service}}" publishes its {{label}} port on {{hostIp}} ({{spec}}): docker stack deploy ignores the host IP and opens it on every node; let apps reach it as {{service}}:{{port}} on the internal network and remove the published port',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        const image = serviceImage(service);
        const family = image ? backingFamily(image.value) : undefined;
        const known = family ? DATA_PORTS[family] : undefined;
        const ports = getValue(service.node, 'ports');
        if (!known || ports?.kind !== 'seq') continue;
        for (const item of ports.items) {
          let published: Published | undefined;
          if (item.kind === 'map') {
            const target = Number(resolvedString(file, getValue(item, 'target')));
            const hostIp = resolvedString(file, getValue(item, 'host_ip'));
            if (Number.isInteger(target)) published = { target: [target], hostIp, spec: `target ${target}` };
          } else {
            const spec = resolvedString(file, item);
            if (spec) published = parseShortPort(spec);
          }
          const port = published?.target.find((p) => known.ports.includes(p));
          if (!published || port === undefined) continue;
          const data = { service: service.name, label: known.label, spec: published.spec, port, hostIp: published.hostIp ?? '' };
          report({ file: file.path, range: item.range, messageId: published.hostIp ? 'hostIp' : 'published', data });
        }
      }
    }
  },
});
