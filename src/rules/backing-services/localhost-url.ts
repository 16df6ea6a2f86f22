import { defineRule } from '../rule.js';
import { serviceEnvironment } from '../util/compose.js';

/** A URL or host:port that points at the container itself. */
const LOCAL_URL = /\b([a-z][a-z0-9+.-]*):\/\/(?:[^\s@/]*@)?(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::(\d+))?/i;
const BACKING_SCHEMES = /^(postgres(ql)?|mysql|mariadb|mongodb(\+srv)?|redis|rediss|amqps?|nats|kafka|memcached?|mssql|sqlserver|jdbc|elasticsearch|http|https|smtp|ldap|clickhouse|cassandra)/i;
const HOST_NAME = /(^|_)(HOST|HOSTNAME|ADDR|ADDRESS|SERVER)$/i;

export function localBackingUrl(key: string, value: string): string | undefined {
  const m = LOCAL_URL.exec(value);
  if (m) {
    const scheme = m[1];
    if (!BACKING_SCHEMES.test(scheme) && !/^jdbc/i.test(value)) return undefined;
    // An app's own public URL (APP_URL=http://localhost:3000) is not a backing service.
    if (/^https?$/i.test(scheme) && !/(DATABASE|DB|REDIS|CACHE|MONGO|AMQP|RABBIT|BROKER|QUEUE|ELASTIC|SEARCH|SMTP|MAIL|API|SERVICE|BACKEND|UPSTREAM)/i.test(key)) return undefined;
    return m[0];
  }
  if (HOST_NAME.test(key) && /^(localhost|127\.0\.0\.1)(:\d+)?$/i.test(value.trim()) && /(DB|DATABASE|REDIS|CACHE|MONGO|MYSQL|POSTGRES|PG|AMQP|RABBIT|BROKER|QUEUE|ELASTIC|SMTP|MAIL|MEMCACHE)/i.test(key)) return value.trim();
  return undefined;
}

export default defineRule({
  id: 'backing-services/localhost-url',
  factor: 'backing-services',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose', 'env'],
  docs: {
    summary: 'A backing service is addressed as `localhost` / `127.0.0.1`',
    rationale:
      'Factor IV: backing services are attached resources, located by config. Inside a container `localhost` is the container itself, so a database URL pointing there only works when the database runs in the same container, which is never true on Swarm.',
    fix: 'Address the backing service by its compose service name (`postgres://db:5432/app`) or by the external host the deploy provides, and read it from the environment.',
    swarm: 'Each task has its own network namespace; services reach each other by service name through Swarm DNS on an overlay network.',
    bad: 'DATABASE_URL: postgres://app@localhost:5432/app',
    good: 'DATABASE_URL: postgres://app@db:5432/app',
    exampleLanguage: 'yaml',
  },
  messages: {
    compose: '{{key}} points at {{url}}: inside a container that is the container itself; use the service name of the backing service',
    envFile: '{{key}} points at {{url}}: inside a container that is the container itself; set it per deploy to the backing service address',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        if ((service.node.entries.find((e) => e.key === 'network_mode')?.value as { value?: unknown } | undefined)?.value === 'host') continue;
        for (const v of serviceEnvironment(service)) {
          if (!v.value) continue;
          const url = localBackingUrl(v.key, v.value);
          if (url) report({ file: file.path, range: v.range, messageId: 'compose', data: { key: v.key, url } });
        }
      }
    }
    for (const env of project.envFiles) {
      if (env.isTemplate) continue;
      for (const e of env.entries) {
        const url = localBackingUrl(e.key, e.value);
        if (url) report({ file: env.path, range: e.range, messageId: 'envFile', data: { key: e.key, url } });
      }
    }
  },
});
