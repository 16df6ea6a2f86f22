import type { Context, DbChoiceFact } from '../facts.js';
import { propName, type Node, type Scope } from './scope.js';
import type { FactVisitor } from './walk.js';

/** Database driver/dialect choices: `dialect: 'postgres'`, `const client = isProd ? 'pg' : 'sqlite3'`. */

const DB_KEY = /^(dialect|client|driver|dbType|dbDialect|dbClient|dbDriver|databaseType|type)$/i;
const DB_VALUE = /"(sqlite3?|better-sqlite3|postgres(ql)?|pg|mysql2?|mariadb|mssql|tedious|oracledb|oracle|mongodb|cockroachdb|sqljs|libsql)"/i;

export function dbChoicesVisitor(scope: Scope): FactVisitor<DbChoiceFact[]> {
  const pending: { key: string; node: Node; ctx?: Context }[] = [];
  return {
    enter: {
      VariableDeclarator: (node, at) => {
        if (node.id.type === 'Identifier' && node.init && DB_KEY.test(node.id.name)) pending.push({ key: node.id.name, node: node.init, ctx: at.ctx });
      },
      Property: (node, at) => {
        const key = propName(node.key, node.computed);
        if (key !== undefined && DB_KEY.test(key)) pending.push({ key, node: node.value, ctx: at.ctx });
      },
    },
    finish: () => {
      const facts: DbChoiceFact[] = [];
      for (const c of pending) {
        // Only a value that names a database is a choice (`type: 'module'` is not).
        const value = scope.summarize(c.node, 2);
        if (!DB_VALUE.test(JSON.stringify(value))) continue;
        const fact: DbChoiceFact = { key: c.key, value, range: scope.range(c.node) };
        if (c.ctx) fact.ctx = c.ctx;
        facts.push(fact);
      }
      return facts;
    },
  };
}
