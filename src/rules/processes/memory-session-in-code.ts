import { defineRule } from '../rule.js';
import { parsedSources } from '../../project/js/query.js';
import type { Value } from '../../project/js/facts.js';

/** Session middlewares that default to an in-process MemoryStore. koa-session and cookie-session keep data in the cookie and are fine. */
const MIDDLEWARE: Record<string, string> = {
  'express-session:': 'express-session',
  'koa-generic-session:': 'koa-generic-session',
};
const FASTIFY_PLUGIN = /^(@fastify\/session|fastify-session):$/;

function lacksStore(v: Value | undefined): boolean {
  return v?.k === 'obj' && !v.spread && !('store' in v.props);
}

export default defineRule({
  id: 'processes/memory-session-in-code',
  factor: 'processes',
  severity: 'error',
  swarm: 'blocker',
  blocker: 'replicas',
  recommended: true,
  inputs: ['source'],
  sourcePrefilter: /express-session|@fastify\/session|fastify-session|koa-generic-session/,
  sourceLanguages: ['python'],
  docs: {
    summary: 'Sessions are kept in process memory (no session `store`)',
    rationale:
      "Factor VI: processes are stateless and share nothing; anything that must outlive a request is kept in a stateful backing service. `express-session`, `@fastify/session` and `koa-generic-session` without a `store` option keep sessions in a MemoryStore inside the process: with two replicas the next request of a user often lands on the other one and the session is gone; every restart or rolling update logs everyone out; and the store grows without bound (express-session's own docs say MemoryStore is not for production). Cookie-based sessions (`cookie-session`, `koa-session` by default) are fine.",
    fix: 'Pass a shared `store`: `connect-redis` (`new RedisStore({ client })`), `connect-pg-simple`, `connect-mongo`, or switch to signed cookie sessions.',
    swarm: 'Swarm load-balances each connection over all tasks of a service (VIP routing mesh) with no stickiness, so consecutive requests of one user reach different replicas.',
    bad: "app.use(session({ secret: process.env.SESSION_SECRET, resave: false }));",
    good: "app.use(session({ store: new RedisStore({ client: redis }), secret: process.env.SESSION_SECRET, resave: false }));",
    exampleLanguage: 'js',
  },
  messages: {
    djangoCache: "SESSION_ENGINE keeps sessions in the cache, and the default cache is {{cache}} (this process's memory): with two replicas users are logged out whenever a request reaches the other one, and every restart drops all sessions; use a shared cache (Redis, Memcached), or the db/cached_db engine",
    djangoFile: 'SESSION_ENGINE keeps sessions in files inside the container: each replica and each new task has its own, so users are logged out whenever a request reaches another one; use the db or cached_db engine with a shared cache, or signed cookies',
    memory: '{{lib}} is configured without a store, so sessions live in this process\'s memory (MemoryStore): with two replicas users are logged out whenever a request reaches the other one, and every restart drops all sessions. Pass a shared store (connect-redis, connect-pg-simple, connect-mongo)',
  },
  check({ project, report }) {
    // Django: SESSION_ENGINE and CACHES, possibly in different settings modules.
    const python = parsedSources(project, 'runtime', ['python']);
    const settings = python.flatMap((f) => (f.facts.settings ?? []).map((s) => ({ file: f.path, ...s })));
    const caches = settings.find((s) => s.name === 'CACHES');
    const cacheDefault = caches?.value.k === 'obj' ? caches.value.props.default : undefined;
    const backend = cacheDefault?.k === 'obj' && cacheDefault.props.BACKEND?.k === 'str' ? cacheDefault.props.BACKEND.v : undefined;
    for (const s of settings.filter((x) => x.name === 'SESSION_ENGINE')) {
      const engine = s.value.k === 'str' ? s.value.v : undefined;
      if (engine === 'django.contrib.sessions.backends.file') report({ file: s.file, range: s.range, messageId: 'djangoFile' });
      else if (engine === 'django.contrib.sessions.backends.cache' && (caches === undefined ? true : backend !== undefined && /locmem/i.test(backend))) {
        report({ file: s.file, range: s.range, messageId: 'djangoCache', data: { cache: caches === undefined ? "Django's LocMemCache (no CACHES setting)" : 'LocMemCache' } });
      }
    }
    for (const file of parsedSources(project)) {
      for (const call of file.facts.calls) {
        const lib = MIDDLEWARE[call.callee];
        if (lib) {
          if (call.args.length === 0 || lacksStore(call.args[0])) report({ file: file.path, range: call.range, messageId: 'memory', data: { lib } });
          continue;
        }
        if (/(^|[.:])register$/.test(call.callee) && call.args[0]?.k === 'ref' && FASTIFY_PLUGIN.test(call.args[0].name)) {
          if (lacksStore(call.args[1])) report({ file: file.path, range: call.range, messageId: 'memory', data: { lib: call.args[0].name.slice(0, -1) } });
        }
      }
    }
  },
});
