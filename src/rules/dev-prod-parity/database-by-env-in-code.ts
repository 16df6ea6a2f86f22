import { defineRule } from '../rule.js';
import { TOOL_CONFIG, parsedSources } from '../../project/js/query.js';
import type { Value } from '../../project/js/facts.js';

const FAMILIES: [RegExp, string][] = [
  [/^(sqlite3?|better-sqlite3|sqljs|libsql)$/i, 'SQLite'],
  [/^(postgres|postgresql|pg|cockroachdb)$/i, 'PostgreSQL'],
  [/^(mysql2?|mariadb)$/i, 'MySQL'],
  [/^(mssql|tedious)$/i, 'SQL Server'],
  [/^(oracledb|oracle)$/i, 'Oracle'],
  [/^mongodb$/i, 'MongoDB'],
];

function family(v: Value | undefined): string | undefined {
  if (v?.k !== 'str' || v.partial) return undefined;
  return FAMILIES.find(([re]) => re.test(v.v))?.[1];
}

const PROD = /^(production|prod)$/i;
const DEV = /^(development|dev|local)$/i;

export default defineRule({
  id: 'dev-prod-parity/database-by-env-in-code',
  factor: 'dev-prod-parity',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  inputs: ['source'],
  sourcePrefilter: /sqlite|SQLite|SQLITE/,
  docs: {
    summary: 'Development and production use different database engines',
    rationale:
      'Factor X: keep development, staging and production as similar as possible; resist using different backing services between development and production. Choosing the driver by environment (`dialect: isProd ? "postgres" : "sqlite"`, or `development: { client: "sqlite3" }` next to `production: { client: "pg" }`) means every query, migration and constraint is tested on a different engine than the one that serves users. A test-only SQLite is left alone.',
    fix: 'Run the production engine in development too (a `postgres` service in compose.yaml) and select only its address by environment variable.',
    swarm: 'Nothing Swarm-specific: the drift is between environments, not in the stack.',
    bad: "dialect: process.env.NODE_ENV === 'production' ? 'postgres' : 'sqlite'",
    good: "dialect: 'postgres', // DATABASE_URL points at a local postgres service in development",
    exampleLanguage: 'js',
  },
  messages: {
    conditional: 'The database engine depends on the environment: {{a}} in {{envA}}, {{b}} otherwise. Develop and test on {{prod}} too',
    keyed: 'The development config uses {{dev}} while production uses {{prod}} (line {{line}}): queries and migrations are never tested on the production engine. Use {{prod}} in development too',
  },
  check({ project, report }) {
    for (const file of parsedSources(project)) {
      if (TOOL_CONFIG.test(file.path)) continue;
      const choices = file.facts.dbChoices;
      for (const c of choices) {
        if (c.value.k !== 'cond' || !c.value.test) continue;
        const env = c.value.test.env;
        if (!PROD.test(env) && !DEV.test(env)) continue;
        const onMatch = c.value.test.positive ? c.value.then : c.value.else;
        const other = c.value.test.positive ? c.value.else : c.value.then;
        const a = family(onMatch);
        const b = family(other);
        if (!a || !b || a === b) continue;
        const prod = PROD.test(env) ? a : b;
        report({ file: file.path, range: c.range, messageId: 'conditional', data: { a, envA: env, b, prod } });
      }
      const keyed = (re: RegExp) => choices.filter((c) => c.value.k === 'str' && (c.ctx?.keys ?? []).some((k) => re.test(k)) && !(c.ctx?.keys ?? []).some((k) => /^test/i.test(k)));
      const prods = keyed(PROD);
      for (const d of keyed(DEV)) {
        const dev = family(d.value);
        const p = prods.find((x) => x.key === d.key && family(x.value) && family(x.value) !== dev);
        if (!dev || !p) continue;
        report({ file: file.path, range: d.range, messageId: 'keyed', data: { dev, prod: family(p.value)!, line: p.range.line } });
      }
    }
  },
});
