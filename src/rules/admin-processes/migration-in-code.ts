import { defineRule } from '../rule.js';
import { entriesRunning, isServerEntry, listenSites, parsedSources } from '../../project/js/query.js';
import type { CallFact } from '../../project/js/facts.js';

function migration(call: CallFact): { messageId: 'force' | 'alter' | 'migrate'; what: string } | undefined {
  const c = call.callee;
  if (/(^|[.:])sync$/.test(c) && /sequelize|Sequelize|models|db\b|database/i.test(c)) {
    const o = call.args[0];
    if (o?.k !== 'obj') return undefined;
    if (o.props.force?.k === 'bool' && o.props.force.v) return { messageId: 'force', what: 'sequelize.sync({ force: true })' };
    if (o.props.alter?.k === 'bool' && o.props.alter.v) return { messageId: 'alter', what: 'sequelize.sync({ alter: true })' };
    return undefined;
  }
  if (/^umzug:/.test(c) && /\.up$/.test(c)) return { messageId: 'migrate', what: 'umzug.up()' };
  if (/(^|[.:])migrate\.latest$/.test(c)) return { messageId: 'migrate', what: 'knex.migrate.latest()' };
  if (/(^|[.:])runMigrations$/.test(c) && /typeorm|DataSource|dataSource|connection|Connection|db/i.test(c)) return { messageId: 'migrate', what: 'runMigrations()' };
  if (/^(typeorm:(DataSource|createConnection)|@nestjs\/typeorm:TypeOrmModule\.forRoot)$/.test(c)) {
    const o = call.args[0];
    if (o?.k === 'obj' && o.props.migrationsRun?.k === 'bool' && o.props.migrationsRun.v) return { messageId: 'migrate', what: 'TypeORM migrationsRun: true' };
  }
  return undefined;
}

export default defineRule({
  id: 'admin-processes/migration-in-code',
  factor: 'admin-processes',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['source', 'dockerfile', 'compose', 'manifest', 'procfile'],
  sourcePrefilter: /\.sync\s*\(|umzug|migrate\.latest|runMigrations|migrationsRun|\.listen\s*\((?!\s*(?:\(|function\b|async\b|\w+\s*=>))|\.serve\(|hono\/node-server/,
  docs: {
    summary: 'The server migrates the database schema when it starts',
    rationale:
      'Factor XII: admin processes such as migrations run as one-off processes against a release, not inside the long-running web process. Migrating at start (`sequelize.sync({ alter: true })`, `umzug.up()`, `knex.migrate.latest()`, TypeORM `migrationsRun: true`) runs the migration in every replica at once on each deploy, so replicas race on the schema, and a failing migration becomes a crash loop. `sequelize.sync({ force: true })` is worse: it drops every table at each start. Reported for code the server process runs (files its entry reaches, or the file that calls `listen`); standalone migration scripts are the right place and are left alone.',
    fix: 'Run migrations once per release as a separate task (`docker run --rm app npm run migrate`, or a Swarm `replicated-job` service) before updating the web service; keep the web process free of schema changes.',
    swarm: 'A rolling update starts new tasks while old ones still run: with `replicas: 3` three migrations start concurrently, and old tasks keep serving against the new schema.',
    bad: 'await sequelize.sync({ alter: true });\napp.listen(3000);',
    good: '// package.json: "migrate": "sequelize-cli db:migrate", run once per release\napp.listen(3000);',
    exampleLanguage: 'js',
  },
  messages: {
    force: 'sequelize.sync({ force: true }) in the server process{{more}} drops and recreates every table each time a replica starts: all data is lost on every restart. Use migrations run once per release',
    alter: '{{what}}{{more}} changes the schema each time a replica starts ({{where}}): replicas race on the schema at every deploy. Run migrations once per release as a separate task',
    migrate: '{{what}}{{more}} runs database migrations each time a replica starts ({{where}}): replicas race on the schema at every deploy and a failing migration becomes a crash loop. Run migrations once per release as a separate task',
  },
  check({ project, report }) {
    const hasEntries = (project.jsLinks?.entries.length ?? 0) > 0;
    for (const file of parsedSources(project)) {
      const found = file.facts.calls.map((call) => ({ call, m: migration(call) })).filter((x) => x.m);
      if (found.length === 0) continue;
      const servers = entriesRunning(project, file.path).filter((e) => isServerEntry(project, e));
      let where: string | undefined;
      if (servers.length > 0) where = `reached from ${servers[0].file}, started by ${servers[0].via}`;
      else if (listenSites(file).some((l) => !l.socketPath) && (!hasEntries || entriesRunning(project, file.path).length === 0)) where = 'in the file that starts the server';
      if (!where) continue;
      // One problem, one finding: the same kind of migration in several places of one file (each branch of an
      // if/else on the database driver) is reported once, counting the others.
      const byKind = new Map<string, typeof found>();
      for (const f of found) byKind.set(f.m!.messageId, [...(byKind.get(f.m!.messageId) ?? []), f]);
      for (const group of byKind.values()) {
        const { call, m } = group[0];
        const more = group.length > 1 ? ` (and ${group.length - 1} more place${group.length > 2 ? 's' : ''} in this file)` : '';
        report({ file: file.path, range: call.range, messageId: m!.messageId, data: { what: m!.what, where, more } });
      }
    }
  },
});
