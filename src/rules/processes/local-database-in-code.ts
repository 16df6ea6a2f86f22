import { defineRule } from '../rule.js';
import { parsedSources } from '../../project/js/query.js';
import type { Value } from '../../project/js/facts.js';

/** The SQLite engine or URL a Django database setting names, directly or as the default of an env read. */
function sqlite(v: Value | undefined): { how: 'set' | 'default'; env?: string } | undefined {
  if (!v) return undefined;
  if (v.k === 'str') return /sqlite/i.test(v.v) ? { how: 'set' } : undefined;
  if (v.k === 'env') return v.or && sqlite(v.or) ? { how: 'default', env: v.name } : undefined;
  // dj_database_url.config(default='sqlite:///…'), env.db('DATABASE_URL', default='sqlite:///…')
  if (v.k === 'call') {
    for (const a of v.args) {
      const d = a.k === 'obj' ? a.props.default : undefined;
      if (d && sqlite(d)) return { how: 'default', env: v.args.find((x) => x.k === 'str')?.k === 'str' ? (v.args.find((x) => x.k === 'str') as { v: string }).v : 'DATABASE_URL' };
    }
  }
  return undefined;
}

export default defineRule({
  id: 'processes/local-database-in-code',
  factor: 'processes',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['source'],
  sourcePrefilter: /DATABASES/,
  sourceLanguages: ['python'],
  docs: {
    summary: "The app's database is SQLite, a file inside the container (Django `DATABASES`)",
    rationale:
      'Factor VI: processes are stateless; data lives in a backing service. A Django `DATABASES["default"]` on `django.db.backends.sqlite3` (or a `dj_database_url`/django-environ URL that defaults to `sqlite:///`) keeps the whole database in a file of the container: when Swarm moves the task to another node it starts with another file (or an empty one), and two replicas each write their own. Reported in settings that run in the deployed image (development settings modules are left alone); a default that the deploy can override is reported as info.',
    fix: 'Use a database server (PostgreSQL, MySQL) as a backing service and point DATABASE_URL at it; keep SQLite for development settings.',
    swarm: 'A task rescheduled to another node gets a fresh container filesystem (and a fresh local volume); replicas never share one.',
    bad: "DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': BASE_DIR / 'db.sqlite3'}}",
    good: "DATABASES = {'default': env.db('DATABASE_URL')}",
    exampleLanguage: 'python',
  },
  messages: {
    sqlite: "DATABASES['default'] is SQLite: the database is a file inside the container, so a task Swarm moves to another node starts without it and replicas each keep their own; use a database server as a backing service",
    sqliteDefault: "DATABASES['default'] falls back to SQLite when {{env}} is unset: a deploy that forgets it keeps the database in a file inside the container; make {{env}} required",
  },
  check({ project, report }) {
    for (const file of parsedSources(project, 'runtime', ['python'])) {
      const databases = file.facts.settings?.find((s) => s.name === 'DATABASES');
      if (databases?.value.k !== 'obj') continue;
      const d = databases.value.props.default;
      const hit = d?.k === 'obj' ? sqlite(d.props.ENGINE) : sqlite(d);
      if (!hit) continue;
      if (hit.how === 'set') report({ file: file.path, range: databases.range, messageId: 'sqlite' });
      else report({ file: file.path, range: databases.range, messageId: 'sqliteDefault', severity: 'info', swarm: 'none', data: { env: hit.env ?? 'DATABASE_URL' } });
    }
  },
});
