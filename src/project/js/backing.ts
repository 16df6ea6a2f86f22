import type { Project } from '../model.js';
import type { StringFact } from './facts.js';


/** Recognizing backing-service addresses in code strings. Pure. */

export const BACKING_URL = /^(mongodb(?:\+srv)?|postgres(?:ql)?|mysql2?|mariadb|rediss?|amqps?|nats|mssql|sqlserver|memcached?|cassandra|clickhouse|kafka):\/\/(?:([^@/\s]*)@)?(\[[^\]]+\]|[^:/?#\s,]+)(?::(\d+))?/i;
const LOCAL = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1|0\.0\.0\.0)$/i;

/** Client modules whose options or arguments name a backing-service host. */
export const CLIENT_MODULE = /^(pg|pg-promise|postgres|mysql|mysql2|mysql2\/promise|mongodb|mongoose|redis|ioredis|sequelize|sequelize-typescript|knex|typeorm|@nestjs\/typeorm|@mikro-orm\/core|amqplib|amqplib\/callback_api|amqp-connection-manager|@elastic\/elasticsearch|elasticsearch|@opensearch-project\/opensearch|nats|memcached|mssql|bull|bullmq|bee-queue|kue|kafkajs|cassandra-driver|connect-redis|connect-mongo):/;
/** Keys that hold a backing-service host in config objects. */
const DB_KEYS = /^(db|database|databases|datasource|dataSource|sql|postgres|postgresql|pg|mysql|mariadb|mongo|mongodb|mongoose|redis|cache|session|queue|amqp|rabbit|rabbitmq|broker|elastic|elasticsearch|search|opensearch|es|memcache|memcached|kafka|nats|sequelize|knex|typeorm|connection|storage)$/i;
const ES_CLIENT = /^(@elastic\/elasticsearch|elasticsearch|@opensearch-project\/opensearch):/;

export interface BackingAddress {
  /** What kind of service: `MongoDB`, `Redis`, … (for messages). */
  kind: string;
  /** The address as shown (credentials masked). */
  shown: string;
  local: boolean;
  /** Host part contains a template placeholder. */
  templated: boolean;
}

const KINDS: Record<string, string> = {
  mongodb: 'MongoDB',
  'mongodb+srv': 'MongoDB',
  postgres: 'PostgreSQL',
  postgresql: 'PostgreSQL',
  mysql: 'MySQL',
  mysql2: 'MySQL',
  mariadb: 'MariaDB',
  redis: 'Redis',
  rediss: 'Redis',
  amqp: 'AMQP broker',
  amqps: 'AMQP broker',
  nats: 'NATS',
  mssql: 'SQL Server',
  sqlserver: 'SQL Server',
  memcache: 'Memcached',
  memcached: 'Memcached',
  cassandra: 'Cassandra',
  clickhouse: 'ClickHouse',
  kafka: 'Kafka',
};

function mask(url: string): string {
  return url.replace(/^([a-z0-9+.-]+:\/\/)([^:@/\s]+):([^@/\s]+)@/i, '$1$2:***@');
}

/** A connection string to a backing service, or a host value in a client/config context. */
export function backingAddress(s: StringFact): BackingAddress | undefined {
  if (/\s/.test(s.value)) return undefined;
  const m = BACKING_URL.exec(s.value);
  if (m) {
    const host = m[3];
    return { kind: KINDS[m[1].toLowerCase()] ?? m[1], shown: mask(m[0]), local: LOCAL.test(host), templated: host.includes('${') || host.includes('…') };
  }
  const inClient = s.callee !== undefined && CLIENT_MODULE.test(s.callee);
  // Elasticsearch: http://localhost:9200 given to the client.
  const es = /^https?:\/\/(localhost|127(?:\.\d{1,3}){3})(?::(\d+))?/i.exec(s.value);
  if (es && ((s.callee && ES_CLIENT.test(s.callee)) || es[2] === '9200' || es[2] === '9300') && (inClient || /^(node|nodes|host|hosts|url|ELASTIC\w*|ES_\w*|\w*ELASTIC\w*)$/i.test(s.name ?? '')))
    return { kind: 'Elasticsearch', shown: es[0], local: true, templated: false };
  // A bare host: `host: 'localhost'` given to a client, or under a database-like config key.
  if (LOCAL.test(s.value) || /^(localhost|127(?:\.\d{1,3}){3}):\d+$/.test(s.value)) {
    const hostName = /^(host|hostname|server|address|addr|url|uri|brokers?|nodes?|contactPoints|hosts)$/i.test(s.name ?? '') || /(DB|DATABASE|REDIS|MONGO|MYSQL|POSTGRES|PG|AMQP|RABBIT|BROKER|QUEUE|ELASTIC|CACHE|MEMCACHE|KAFKA|NATS)\w*_(HOST|HOSTNAME|ADDR|ADDRESS|SERVER|URL|URI)$/i.test(s.name ?? '');
    const dbContext = inClient || (s.ctx?.keys ?? []).some((k) => DB_KEYS.test(k)) || /(DB|DATABASE|REDIS|MONGO|MYSQL|POSTGRES|PG|AMQP|RABBIT|BROKER|QUEUE|ELASTIC|CACHE|MEMCACHE|KAFKA|NATS)/i.test(s.envFallback ?? '');
    if (hostName && dbContext) return { kind: kindFromContext(s), shown: s.value, local: true, templated: false };
  }
  return undefined;
}

function kindFromContext(s: StringFact): string {
  const text = `${s.callee ?? ''} ${(s.ctx?.keys ?? []).join(' ')} ${s.envFallback ?? ''}`.toLowerCase();
  if (/redis|ioredis|bull|cache|session/.test(text)) return 'Redis';
  if (/mongo/.test(text)) return 'MongoDB';
  if (/mysql|mariadb/.test(text)) return 'MySQL';
  if (/postgres|pg|sequelize|knex|typeorm/.test(text)) return 'database';
  if (/amqp|rabbit/.test(text)) return 'AMQP broker';
  if (/elastic|opensearch|search/.test(text)) return 'Elasticsearch';
  if (/kafka/.test(text)) return 'Kafka';
  return 'backing service';
}

/** Whether anything on the deploy side sets or documents a variable (compose, Dockerfile, env files incl. templates, docs, --env). */
export function envVarProvided(project: Project, name: string): boolean {
  return project.facts.deployEnvNames().has(name) || (project.jsLinks?.documented.has(name) ?? false);
}

/** The project ships deploy artifacts (so a fallback would actually be used in a container). */
export function hasDeployArtifacts(project: Project): boolean {
  return project.dockerfiles.length > 0 || project.composeFiles.length > 0;
}
