import { defineRule } from '../rule.js';
import { parseExecForm } from '../../project/load-dockerfile.js';
import { backingFamily, serviceVolumes } from '../../project/facts/service.js';

/** Images whose job is to hold state (databases, queues, stores): their data directory is the backing service's, not an app's. */
const STATEFUL_IMAGE = /(^|\/)(minio|influxdb|clickhouse[\w-]*|cassandra|neo4j|couchdb|couchbase[\w-]*|etcd|consul|vault|zookeeper|kafka|cp-kafka|nats|registry|mysql|mariadb|mongo|postgres[\w-]*|redis[\w-]*|rabbitmq|elasticsearch|opensearch|memcached|solr|eventstore[\w-]*|surrealdb|cockroach|scylla|questdb|timescaledb[\w-]*|keydb|dragonfly|mssql\/server|mssql-server[\w-]*|azure-sql-edge|oracle\/database)(:|@|$)/i;

/** Scratch, runtime and log directories: not app state (logs are the logs factor's business). */
const NOT_STATE = /^\/(tmp|var\/tmp|run|var\/run|var\/cache|var\/log|proc|sys|dev)(\/|$)|^\/sys\/fs\/cgroup/;
/** Dependency, cache and log directories anywhere (`/app/node_modules`, `/srv/.cache`, `/app/logs`). */
const NOT_STATE_DIR = /\/(node_modules|\.venv|venv|vendor|__pycache__|\.cache|cache|tmp|temp|logs?)\/?$/;

export default defineRule({
  id: 'processes/dockerfile-volume',
  factor: 'processes',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['dockerfile', 'compose'],
  docs: {
    summary: 'An app image declares a `VOLUME` for its data',
    rationale:
      'Factor VI: processes are stateless and share nothing; data that must outlive a request goes to a backing service. `VOLUME /app/data` in an app\'s Dockerfile says the process keeps state on local disk: every container gets its own anonymous volume, which replicas do not share and which is left behind when a task moves. Checked: `VOLUME` in the final stage (and the stages it is built from). Images built on a database, queue or store (`FROM postgres`, `FROM redis`, `FROM minio/minio` …), where the data directory is the backing service itself, scratch, cache, dependency and log directories (`/tmp`, `/var/cache`, `/var/log`, `/app/node_modules`), Dockerfiles named for development, and paths the deployed compose services mount explicitly (the mount replaces the anonymous volume; its own findings speak) are left alone.',
    fix: 'Remove `VOLUME` and keep the data in a backing service (database, object storage, Redis). For scratch space use a `tmpfs` mount in the stack file. If the service really is stateful, declare a named volume in the stack file and pin the service with a placement constraint instead of hiding the volume in the image.',
    swarm: 'Each task of a service gets a fresh anonymous volume on the node it runs on; with two replicas there are two unrelated copies of the data, and `docker stack rm` or a reschedule leaves them behind as dangling volumes.',
    bad: 'FROM node:20-slim\nCOPY . /app\nVOLUME /app/data\nCMD ["node", "/app/server.js"]',
    good: 'FROM node:20-slim\nCOPY . /app\n# data goes to the database named by DATABASE_URL\nCMD ["node", "/app/server.js"]',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    volume: 'VOLUME {{paths}} gives each container its own anonymous volume for app data: replicas do not share it and it stays behind when a task moves to another node; keep the data in a backing service (or use tmpfs for scratch space)',
  },
  check({ project, report }) {
    const seen = new Set<unknown>();
    // A path the deployed services mount explicitly gets that mount, not an anonymous volume: its own findings speak for it.
    const mounted = new Set(
      project.facts
        .deployedComposeFiles()
        .flatMap((f) => f.services)
        .flatMap((s) => serviceVolumes(s))
        .filter((v) => v.type !== 'tmpfs' && v.target)
        .map((v) => v.target!.replace(/\/+$/, '')),
    );
    for (const image of project.facts.images()) {
      const d = image.dockerfile;
      const base = image.chain[0];
      if (!base) continue;
      if (STATEFUL_IMAGE.test(base.imageResolved) || backingFamily(base.imageResolved)) continue;
      for (const inst of image.instructions) {
        if (inst.keyword !== 'VOLUME' || seen.has(inst)) continue;
        seen.add(inst);
        // `VOLUME ['/app/data']` is not JSON: Docker reads it as the shell-form paths "['/app/data',", nothing this rule can judge.
        if (inst.args.trim().startsWith('[') && !parseExecForm(inst.args)) continue;
        const paths = (parseExecForm(inst.args) ?? inst.args.split(/\s+/)).map((p) => p.trim()).filter(Boolean);
        const state = paths
          .map((p) => p.replace(/^["']|["']$/g, ''))
          .filter((p) => !p.startsWith('$') && !NOT_STATE.test(p) && !NOT_STATE_DIR.test(p) && !mounted.has(p.replace(/\/+$/, '')));
        if (state.length === 0) continue;
        report({ file: d.path, range: inst.range, messageId: 'volume', data: { paths: state.join(' ') } });
      }
    }
  },
});
