import { defineRule } from '../rule.js';
import type { Range } from '../../project/range.js';
import { basename } from '../../project/paths.js';
import { serviceEnvironment } from '../../project/facts/service.js';

/** Variables that name the database (a URL, or an engine/driver name). */
const URL_KEYS = /^(DATABASE_URL|DATABASE_URI|DB_URL|DB_URI|SQLALCHEMY_DATABASE_URI|SQLALCHEMY_DATABASE_URL|TYPEORM_URL|PRISMA_DATABASE_URL|JDBC_DATABASE_URL|SPRING_DATASOURCE_URL)$/;
const ENGINE_KEYS = /^(DB_CONNECTION|DB_ENGINE|DATABASE_ENGINE|DB_DIALECT|DATABASE_DIALECT|DB_CLIENT|DATABASE_CLIENT|DB_DRIVER|DATABASE_DRIVER|TYPEORM_CONNECTION|DB_TYPE|DATABASE_TYPE)$/;

/** The database family a value names, from a URL scheme or an engine name. */
export function databaseFamily(key: string, value: string): string | undefined {
  const v = value.trim().toLowerCase().replace(/^jdbc:/, '');
  let word: string | undefined;
  if (URL_KEYS.test(key)) word = /^([a-z][a-z0-9+.-]*):/.exec(v)?.[1];
  else if (ENGINE_KEYS.test(key)) word = v.replace(/^django\.db\.backends\./, '').replace(/^django\.contrib\.gis\.db\.backends\./, '');
  if (!word) return undefined;
  word = word.split('+')[0];
  if (/^(sqlite|sqlite3|better-sqlite3|spatialite|file)$/.test(word) && (word !== 'file' || /\.(db|sqlite3?)\b/.test(v))) return 'SQLite';
  if (/^(postgres|postgresql|pgsql|psql|pg|postgis|cockroachdb|timescaledb)$/.test(word)) return 'PostgreSQL';
  if (/^(mysql|mysql2|mysqli|mariadb|pdo_mysql)$/.test(word)) return 'MySQL/MariaDB';
  if (/^(mongodb|mongo|mongodb\+srv)$/.test(word)) return 'MongoDB';
  if (/^(mssql|sqlserver|sqlsrv|tedious)$/.test(word)) return 'SQL Server';
  if (/^(oracle|oracledb)$/.test(word)) return 'Oracle';
  return undefined;
}

/** Test setups often use SQLite on purpose; they are not an environment the app runs in. */
const TEST_FILE = /(^|[.\-_])(test|tests|testing|ci|e2e)([.\-_]|$)/i;

interface Use {
  file: string;
  key: string;
  family: string;
  range: Range;
  where: string;
}

export default defineRule({
  id: 'dev-prod-parity/database-drift',
  factor: 'dev-prod-parity',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  devContext: 'include',
  inputs: ['compose', 'env'],
  docs: {
    summary: 'Environment files or compose files of one app point the database at different engines (SQLite in one, PostgreSQL in another)',
    rationale:
      'Factor X: use the same type and version of each backing service in every environment. SQLite in development and PostgreSQL in production (or MySQL and PostgreSQL) differ in SQL dialect, types, locking and constraints; migrations and queries that pass locally fail in production.',
    fix: 'Run the production engine in development too (a `postgres` service in the development compose file costs one line), and point every environment\'s `DATABASE_URL` at it.',
    swarm: 'Swarm runs what the stack file says; the drift is between your environment files.',
    bad: '# .env\nDATABASE_URL=sqlite:///db.sqlite3\n# docker-stack.yml\nDATABASE_URL: postgres://app@db:5432/app',
    good: '# .env\nDATABASE_URL=postgres://app@localhost:5432/app\n# docker-stack.yml\nDATABASE_URL: postgres://app@db:5432/app',
    exampleLanguage: 'yaml',
  },
  messages: {
    drift: '{{where}} points {{key}} at {{family}}, but {{otherWhere}} uses {{otherFamily}}: the environments of this app run different database engines; use {{otherFamily}} in both',
  },
  check({ project, report }) {
    const uses: Use[] = [];
    for (const file of project.composeFiles) {
      if (TEST_FILE.test(basename(file.path))) continue;
      for (const service of file.services) {
        for (const v of serviceEnvironment(service)) {
          const family = v.value === undefined ? undefined : databaseFamily(v.key, v.value);
          if (family) uses.push({ file: file.path, key: v.key, family, range: v.range, where: `Service "${service.name}" in ${file.path}` });
        }
      }
    }
    for (const env of project.envFiles) {
      if (env.isTemplate || TEST_FILE.test(basename(env.path))) continue;
      for (const e of env.entries) {
        const family = databaseFamily(e.key, e.value);
        if (family) uses.push({ file: env.path, key: e.key, family, range: e.range, where: env.path });
      }
    }
    const reported = new Set<string>();
    for (let i = 0; i < uses.length; i++) {
      for (let j = i + 1; j < uses.length; j++) {
        const [a, b] = [uses[i], uses[j]];
        if (a.file === b.file || a.family === b.family || !project.facts.environmentsOfOneApp(a.file, b.file)) continue;
        // Report where development differs from production: on the non-production side.
        const [target, other] = project.facts.environmentOf(b.file) === 'production' ? [a, b] : [b, a];
        const key = `${target.file}\u0000${target.key}\u0000${target.range.line}`;
        if (reported.has(key)) continue;
        reported.add(key);
        report({
          file: target.file,
          range: target.range,
          messageId: 'drift',
          data: { where: target.where, key: target.key, family: target.family, otherWhere: other.where, otherFamily: other.family },
        });
      }
    }
  },
});
