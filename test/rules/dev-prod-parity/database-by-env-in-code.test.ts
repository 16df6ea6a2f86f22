import rule from '../../../src/rules/dev-prod-parity/database-by-env-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'same engine everywhere', files: { 'src/db.js': "const dialect = 'postgres';\nconst storage = 'sqlite-cache';\n" } },
    { name: 'sqlite for tests only', files: { 'src/db.js': "const dialect = process.env.NODE_ENV === 'test' ? 'sqlite' : 'postgres';\n" } },
    { name: 'knexfile: sqlite in test, pg elsewhere', files: { 'knexfile.js': "module.exports = {\n  test: { client: 'sqlite3' },\n  development: { client: 'pg' },\n  production: { client: 'pg' },\n};\n" } },
  ],
  invalid: [
    {
      name: 'dialect chosen by NODE_ENV',
      files: { 'src/db.ts': "const sequelize = new Sequelize({\n  dialect: process.env.NODE_ENV === 'production' ? 'postgres' : 'sqlite',\n});\n" },
      errors: [{ file: 'src/db.ts', line: 2, column: 12, messageId: 'conditional', message: /PostgreSQL in production, SQLite otherwise/ }],
    },
    {
      name: 'isProd flag',
      files: { 'src/db.js': "const isProd = process.env.NODE_ENV === 'production';\nmodule.exports = { type: isProd ? 'mysql' : 'better-sqlite3' };\n" },
      errors: [{ file: 'src/db.js', line: 2, messageId: 'conditional', message: /MySQL in production, SQLite otherwise/ }],
    },
    {
      name: 'knexfile with sqlite in development, pg in production',
      files: { 'knexfile.js': "module.exports = {\n  development: { client: 'sqlite3', connection: { filename: './dev.sqlite3' } },\n  production: { client: 'pg', connection: process.env.DATABASE_URL },\n};\n" },
      errors: [{ file: 'knexfile.js', line: 2, column: 26, messageId: 'keyed', message: /development config uses SQLite while production uses PostgreSQL \(line 3\)/ }],
    },
  ],
});
