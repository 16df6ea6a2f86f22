import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Range } from '../range.js';
import type { CallFact, Context, EnvTest, JsFacts, StringFact, Value } from './facts.js';

/**
 * Walks one ESTree program and returns the facts source rules read. Pure and
 * synchronous; runs in the main thread or a worker. Never throws on odd trees:
 * anything it does not understand becomes `unknown`.
 */

type Node = TSESTree.Node;
type AnyNode = Node & Record<string, unknown>;

/** Keys that never hold runtime code (types) or are not children. */
const SKIP_KEYS = new Set(['type', 'loc', 'range', 'parent', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments', 'implements', 'decorators']);
const SKIP_TYPES = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSDeclareFunction', 'TSEmptyBodyFunctionExpression', 'TSAbstractMethodDefinition', 'TSAbstractPropertyDefinition', 'TSIndexSignature']);
const WRAPPERS = new Set(['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'TSInstantiationExpression', 'AwaitExpression', 'ChainExpression', 'ParenthesizedExpression']);

/** Modules whose calls (and their instances' calls) are kept as facts. */
const MODULES = new Set([
  'express-session', '@fastify/session', 'fastify-session', 'koa-generic-session', 'koa-session', 'cookie-session',
  'multer', 'socket.io', '@socket.io/redis-adapter', '@socket.io/cluster-adapter', '@socket.io/postgres-adapter', '@socket.io/mongo-adapter', 'socket.io-redis',
  'node-cron', 'cron', 'node-schedule', 'toad-scheduler', 'agenda', '@hokify/agenda',
  'winston', 'winston-daily-rotate-file', 'pino', 'log4js', 'bunyan', 'fs', 'fs/promises', 'fs-extra', 'cluster',
  'sequelize', 'sequelize-typescript', 'umzug', 'knex', 'typeorm', 'mongoose', 'mongodb', 'pg', 'pg-promise', 'postgres', 'mysql', 'mysql2', 'mysql2/promise',
  'redis', 'ioredis', 'amqplib', 'amqplib/callback_api', 'amqp-connection-manager', '@elastic/elasticsearch', 'elasticsearch', '@opensearch-project/opensearch',
  'nats', 'memcached', 'mssql', '@nestjs/typeorm', '@mikro-orm/core', 'kafkajs', 'cassandra-driver', 'bull', 'bullmq', 'bee-queue', 'kue', 'connect-redis', 'connect-mongo', 'rate-limit-redis', '@hono/node-server', 'http', 'https', 'http2', 'process',
]);
/** Method names kept whatever the receiver: servers, signals, schedulers, file writes. */
const METHODS = /(^|[.:])(listen|serve|fork|adapter|sync|destination|createWriteStream|appendFile|appendFileSync|writeFile|writeFileSync|schedule|scheduleJob|runMigrations|latest|up|migrate|enableShutdownHooks|register)$/;
const GLOBALS = /^(process\.(on|once|addListener|prependListener|exit)|setInterval|Bun\.serve|Deno\.serve)$/;
/** Server framework modules: only their listen/serve-like calls matter. */
const NOISY_MODULES = new Set(['http', 'https', 'http2', 'process', 'fs', 'fs/promises', 'fs-extra']);

const SECRET_HINT = /pass|pwd|secret|token|key|credential|auth|dsn|salt|private/i;
export const KNOWN_SECRET_FORMAT =
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{36,}|\bgithub_pat_[A-Za-z0-9_]{60,}|\bxox[abposr]-[0-9A-Za-z-]{10,}|\b[sr]k_live_[0-9A-Za-z]{20,}|-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY( BLOCK)?-----|\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{20,}|\bglpat-[A-Za-z0-9_-]{20}|\bnpm_[A-Za-z0-9]{36}\b/;
const DB_KEY = /^(dialect|client|driver|dbType|dbDialect|dbClient|dbDriver|databaseType|type)$/i;
const DB_VALUE = /"(sqlite3?|better-sqlite3|postgres(ql)?|pg|mysql2?|mariadb|mssql|tedious|oracledb|oracle|mongodb|cockroachdb|sqljs|libsql)"/i;
const URLISH = /^[a-z][a-z0-9+.-]*:\/\//i;
const LOCALISH = /\b(localhost|127\.0\.0\.1|0\.0\.0\.0)\b|\[::1\]|^::1$/;

interface Decl {
  count: number;
  init?: Node;
  /** Destructured from `init`: the property key. */
  key?: string;
  kind: 'const' | 'let' | 'var' | 'param';
}

interface PendingCall {
  node: TSESTree.CallExpression | TSESTree.NewExpression;
  ctx?: Context;
}

interface PendingString {
  node: TSESTree.Literal | TSESTree.TemplateLiteral;
  value: string;
  parent?: Node;
  grand?: Node;
  ctx?: Context;
  callNode?: TSESTree.CallExpression | TSESTree.NewExpression;
}

interface PendingEnv {
  node: Node;
  name: string;
  /** Enclosing nodes, innermost first (at most 6). */
  up: Node[];
}

function toRange(node: Node): Range {
  const loc = node.loc;
  if (!loc) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { line: loc.start.line, column: loc.start.column + 1, endLine: loc.end.line, endColumn: loc.end.column + 1 };
}

function unwrap(node: Node | null | undefined): Node | undefined {
  let n = node ?? undefined;
  let guard = 0;
  while (n && WRAPPERS.has(n.type) && guard++ < 20) n = (n as { expression?: Node; argument?: Node }).expression ?? (n as { argument?: Node }).argument;
  return n;
}

function propName(node: Node, computed: boolean): string | undefined {
  if (!computed && node.type === 'Identifier') return node.name;
  if (node.type === 'Literal' && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function normalizeModule(source: string): string {
  return source.startsWith('node:') ? source.slice(5) : source;
}

function stringOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function withKey(ctx: Context | undefined, key: string): Context {
  const keys = ctx?.keys ? [...ctx.keys.slice(-5), key] : [key];
  return { ...ctx, keys };
}

function withEnv(ctx: Context | undefined, test: EnvTest | undefined, branch: boolean): Context | undefined {
  if (!test) return ctx;
  const match = test.positive === branch;
  return { ...ctx, ...(match ? { env: test.env } : { env: `!${test.env}` }) };
}

/** `res.json`, `NextResponse.json`, `json`: the callee as dotted text, for a name test. */
function calleeText(n: Node): string {
  const u = unwrap(n);
  if (!u) return '';
  if (u.type === 'Identifier') return u.name;
  if (u.type === 'MemberExpression' && !u.computed && u.property.type === 'Identifier') return `${calleeText(u.object as Node)}.${u.property.name}`;
  return '';
}

export function extractFacts(program: TSESTree.Program): JsFacts {
  const facts: JsFacts = { imports: [], calls: [], envReads: [], envWrites: [], nodeEnvChecks: [], strings: [], signalHandlers: [], dbChoices: [] };
  const dbChoices: { key: string; node: Node; ctx?: Context }[] = [];
  const imports = new Map<string, string>();
  const decls = new Map<string, Decl>();
  const functions = new Map<string, Node>();
  const mutated = new Set<string>();
  const envAliases = new Set<string>();
  const calls: PendingCall[] = [];
  const strings: PendingString[] = [];
  const envNodes: PendingEnv[] = [];
  const destructuredEnv: { name: string; node: Node; hasDefault: boolean; fallback?: Node }[] = [];
  /** Identifiers the code tests for presence: `if (v)`, `!v`, `v ? … : …`, `v && …`, `v || d`, `v ?? d`, `v?.x`, `v === undefined`. */
  const tested = new Set<string>();
  const noteTested = (n: Node | undefined | null, depth = 0): void => {
    const u = unwrap(n ?? undefined);
    if (!u || depth > 4) return;
    if (u.type === 'Identifier') tested.add(u.name);
    else if (u.type === 'UnaryExpression' && u.operator === '!') noteTested(u.argument as Node, depth + 1);
    else if (u.type === 'LogicalExpression') {
      noteTested(u.left as Node, depth + 1);
      noteTested(u.right as Node, depth + 1);
    } else if (u.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(u.operator)) {
      noteTested(u.left as Node, depth + 1);
      noteTested(u.right as Node, depth + 1);
    } else if (u.type === 'MemberExpression' && u.property.type === 'Identifier' && u.property.name === 'length') noteTested(u.object as Node, depth + 1);
    // `if (config.socketPath)`: the property an env value was stored in.
    else if (u.type === 'MemberExpression' && !u.computed && u.property.type === 'Identifier') tested.add(u.property.name);
  };
  const ancestors: Node[] = [];
  let currentCall: TSESTree.CallExpression | TSESTree.NewExpression | undefined;

  // ---- resolution helpers (usable during and after the walk) ----------------------

  const declare = (name: string, d: Omit<Decl, 'count'>) => {
    const prev = decls.get(name);
    if (prev) prev.count++;
    else decls.set(name, { ...d, count: 1 });
  };

  const isProcessEnv = (node: Node | undefined): boolean => {
    const n = unwrap(node);
    if (!n) return false;
    if (n.type === 'Identifier') return envAliases.has(n.name);
    if (n.type !== 'MemberExpression') return false;
    const prop = propName(n.property, n.computed);
    if (prop !== 'env') return false;
    const obj = unwrap(n.object);
    if (!obj) return false;
    if (obj.type === 'Identifier') return obj.name === 'process' || obj.name === 'Bun' || imports.get(obj.name) === 'process:';
    if (obj.type === 'MetaProperty') return obj.meta.name === 'import' && obj.property.name === 'meta';
    return false;
  };

  /** `process.env.X` → 'X'. */
  const envName = (node: Node | undefined): string | undefined => {
    const n = unwrap(node);
    if (!n || n.type !== 'MemberExpression') return undefined;
    if (!isProcessEnv(n.object)) return undefined;
    return propName(n.property, n.computed);
  };
  /** Whether an expression reads an environment variable (`process.env.X`, within `||`/`??` chains). */
  const containsEnvRead = (n: Node | undefined, depth = 0): boolean => {
    const u = unwrap(n);
    if (!u || depth > 6) return false;
    if (envName(u) !== undefined) return true;
    return u.type === 'LogicalExpression' && (containsEnvRead(u.left as Node, depth + 1) || containsEnvRead(u.right as Node, depth + 1));
  };

  const resolveSeen = new Set<string>();
  const resolveName = (node: Node | undefined, depth = 0): string | undefined => {
    const n = unwrap(node);
    if (!n || depth > 10) return undefined;
    switch (n.type) {
      case 'Identifier': {
        const imported = imports.get(n.name);
        if (imported !== undefined) return imported;
        const d = decls.get(n.name);
        if (d && d.count === 1 && d.init && !mutated.has(n.name) && !resolveSeen.has(n.name)) {
          resolveSeen.add(n.name);
          try {
            const base = resolveName(d.init, depth + 1);
            if (base !== undefined) return d.key === undefined ? base : join(base, d.key);
          } finally {
            resolveSeen.delete(n.name);
          }
          return n.name;
        }
        // A parameter or a name declared more than once: keep the bare name (method names still match).
        return n.name;
      }
      case 'ThisExpression':
        return 'this';
      case 'MemberExpression': {
        const prop = propName(n.property, n.computed);
        if (prop === undefined) return undefined;
        const base = resolveName(n.object, depth + 1);
        return base === undefined ? undefined : join(base, prop);
      }
      case 'CallExpression': {
        const callee = unwrap(n.callee);
        if (callee?.type === 'Identifier' && callee.name === 'require' && !decls.has('require')) {
          const src = stringOf(n.arguments[0] as Node | undefined);
          return src === undefined ? undefined : `${normalizeModule(src)}:`;
        }
        const base = resolveName(n.callee, depth + 1);
        return base === undefined ? undefined : `${base}()`;
      }
      case 'NewExpression': {
        const base = resolveName(n.callee, depth + 1);
        return base === undefined ? undefined : `${base}()`;
      }
      case 'ImportExpression': {
        const src = stringOf(n.source);
        return src === undefined ? undefined : `${normalizeModule(src)}:`;
      }
      default:
        return undefined;
    }
  };

  const join = (base: string, prop: string) => (base.endsWith(':') ? base + prop : `${base}.${prop}`);

  const envTest = (node: Node | undefined, depth = 0): EnvTest | undefined => {
    const n = unwrap(node);
    if (!n || depth > 4) return undefined;
    if (n.type === 'UnaryExpression' && n.operator === '!') {
      const t = envTest(n.argument, depth + 1);
      return t ? { env: t.env, positive: !t.positive } : undefined;
    }
    if (n.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(n.operator)) {
      const left = unwrap(n.left as Node);
      const right = unwrap(n.right);
      const value = stringOf(right) ?? stringOf(left);
      const side = stringOf(right) !== undefined ? left : right;
      if (value === undefined || !side) return undefined;
      if (envName(side) !== 'NODE_ENV' && !(side.type === 'Identifier' && /^(node_?env|env)$/i.test(side.name) && resolvesToNodeEnv(side))) return undefined;
      return { env: normalizeEnv(value), positive: n.operator === '===' || n.operator === '==' };
    }
    if (n.type === 'Identifier' || n.type === 'MemberExpression') {
      const name = n.type === 'Identifier' ? n.name : propName(n.property, n.computed);
      if (!name) return undefined;
      const m = /^(?:is|in)_?(prod|production|dev|development|test|testing|local)(?:uction|elopment|env|mode|environment)?$/i.exec(name);
      if (m) return { env: normalizeEnv(m[1]), positive: true };
      if (n.type === 'Identifier') {
        const d = decls.get(n.name);
        if (d && d.count === 1 && d.init && d.key === undefined && !mutated.has(n.name)) return envTest(d.init, depth + 1);
      }
    }
    return undefined;
  };

  const resolvesToNodeEnv = (id: TSESTree.Identifier): boolean => {
    const d = decls.get(id.name);
    if (!d || d.count !== 1 || !d.init) return false;
    if (d.key !== undefined) return d.key === 'NODE_ENV' && isProcessEnv(d.init);
    return envName(d.init) === 'NODE_ENV';
  };

  // ---- the walk ---------------------------------------------------------------------

  const noteString = (node: TSESTree.Literal | TSESTree.TemplateLiteral, value: string, ctx: Context | undefined) => {
    const parent = ancestors[ancestors.length - 1];
    const grand = ancestors[ancestors.length - 2];
    if (value.length < 3 || value.length > 10_000) return;
    const keep =
      URLISH.test(value) ||
      LOCALISH.test(value) ||
      KNOWN_SECRET_FORMAT.test(value) ||
      (value.length >= 8 && SECRET_HINT.test(nameFor(node, parent, grand) ?? '')) ||
      (parent?.type === 'LogicalExpression' && parent.right === node && value.length >= 8);
    if (keep) strings.push({ node, value, parent, grand, ctx, callNode: currentCall });
  };

  const visit = (node: Node, ctx: Context | undefined): void => {
    const type = node.type;
    if (SKIP_TYPES.has(type)) return;
    switch (type) {
      case 'ImportDeclaration': {
        if (node.importKind === 'type') return;
        const source = normalizeModule(String(node.source.value));
        facts.imports.push({ source: String(node.source.value), line: node.loc?.start.line ?? 1 });
        for (const s of node.specifiers) {
          if (s.type === 'ImportSpecifier') {
            if (s.importKind === 'type') continue;
            const imported = s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
            imports.set(s.local.name, imported === 'default' ? `${source}:` : `${source}:${imported}`);
          } else imports.set(s.local.name, `${source}:`);
        }
        return;
      }
      case 'TSImportEqualsDeclaration': {
        const ref = node.moduleReference;
        if (ref.type === 'TSExternalModuleReference') {
          const src = stringOf(ref.expression);
          if (src !== undefined) {
            facts.imports.push({ source: src, line: node.loc?.start.line ?? 1 });
            imports.set(node.id.name, `${normalizeModule(src)}:`);
          }
        }
        return;
      }
      case 'ExportAllDeclaration':
      case 'ExportNamedDeclaration':
        if (node.source) facts.imports.push({ source: String(node.source.value), line: node.loc?.start.line ?? 1 });
        break;
      case 'ImportExpression': {
        const src = stringOf(node.source);
        if (src !== undefined) facts.imports.push({ source: src, line: node.loc?.start.line ?? 1 });
        break;
      }
      case 'VariableDeclarator': {
        const kind = (ancestors[ancestors.length - 1] as TSESTree.VariableDeclaration | undefined)?.kind === 'const' ? 'const' : (ancestors[ancestors.length - 1] as TSESTree.VariableDeclaration | undefined)?.kind === 'var' ? 'var' : 'let';
        const init = node.init ?? undefined;
        if (node.id.type === 'Identifier') {
          declare(node.id.name, { init, kind });
          if (init && DB_KEY.test(node.id.name)) dbChoices.push({ key: node.id.name, node: init, ctx });
          if (init && isProcessEnv(init)) envAliases.add(node.id.name);
          if (init) {
            const u = unwrap(init);
            if (u?.type === 'MemberExpression' && propName(u.property, u.computed) === 'env' && unwrap(u.object)?.type === 'Identifier' && (unwrap(u.object) as TSESTree.Identifier).name === 'process') envAliases.add(node.id.name);
          }
        } else if (node.id.type === 'ObjectPattern') {
          const fromEnv = init !== undefined && isProcessEnv(init);
          const fromProcess = init !== undefined && unwrap(init)?.type === 'Identifier' && (unwrap(init) as TSESTree.Identifier).name === 'process';
          for (const p of node.id.properties) {
            if (p.type !== 'Property') continue;
            const key = propName(p.key, p.computed);
            if (key === undefined) continue;
            let target: Node = p.value;
            let fallback: Node | undefined;
            if (target.type === 'AssignmentPattern') {
              fallback = target.right;
              target = target.left;
            }
            if (target.type !== 'Identifier') continue;
            declare(target.name, { init, key, kind });
            if (fromEnv) destructuredEnv.push({ name: key, node: p, hasDefault: fallback !== undefined, fallback });
            if (fromProcess && key === 'env') envAliases.add(target.name);
          }
        } else if (node.id.type === 'ArrayPattern') {
          for (const el of node.id.elements) if (el?.type === 'Identifier') declare(el.name, { kind });
        }
        break;
      }
      case 'FunctionDeclaration':
        if (node.id) {
          functions.set(node.id.name, node);
          declare(node.id.name, { kind: 'const' });
        }
        for (const p of node.params) if (p.type === 'Identifier') declare(p.name, { kind: 'param' });
        break;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        for (const p of node.params) {
          if (p.type === 'Identifier') declare(p.name, { kind: 'param' });
          else if (p.type === 'AssignmentPattern' && p.left.type === 'Identifier') declare(p.left.name, { kind: 'param' });
        }
        break;
      case 'ClassDeclaration':
        if (node.id) declare(node.id.name, { kind: 'const' });
        break;
      case 'AssignmentExpression': {
        const left = unwrap(node.left);
        if (left?.type === 'Identifier') mutated.add(left.name);
        const written = envName(left);
        if (written) facts.envWrites.push(written);
        break;
      }
      case 'UpdateExpression': {
        const arg = unwrap(node.argument);
        if (arg?.type === 'Identifier') mutated.add(arg.name);
        break;
      }
      case 'CallExpression':
      case 'NewExpression': {
        if (type === 'CallExpression') {
          const callee = unwrap(node.callee);
          if (callee?.type === 'Identifier' && callee.name === 'require') {
            const src = stringOf(node.arguments[0] as Node | undefined);
            if (src !== undefined) facts.imports.push({ source: src, line: node.loc?.start.line ?? 1 });
          }
        }
        calls.push({ node, ctx });
        const saved = currentCall;
        currentCall = node;
        ancestors.push(node);
        visit(node.callee, ctx);
        for (const a of node.arguments) visit(a as Node, ctx);
        ancestors.pop();
        currentCall = saved;
        return;
      }
      case 'MemberExpression': {
        const name = envName(node);
        if (name !== undefined) {
          envNodes.push({ node, name, up: ancestors.slice(-6).reverse() });
          return;
        }
        if (node.optional) noteTested(node.object as Node);
        break;
      }
      case 'LogicalExpression':
        noteTested(node.left as Node);
        // `process.env.A || process.env.B || hostEnv`: the operands after an env read are alternatives to it.
        if ((node.operator === '||' || node.operator === '??') && containsEnvRead(node.left as Node)) noteTested(node.right as Node);
        break;
      case 'UnaryExpression':
        if (node.operator === '!') noteTested(node.argument as Node);
        break;
      case 'WhileStatement':
      case 'DoWhileStatement':
        noteTested(node.test);
        break;
      case 'BinaryExpression': {
        if (['===', '==', '!==', '!='].includes(node.operator)) {
          const l = unwrap(node.left as Node);
          const r = unwrap(node.right);
          const value = stringOf(r) ?? stringOf(l);
          if (value !== undefined && (envName(l) === 'NODE_ENV' || envName(r) === 'NODE_ENV')) {
            const check: JsFacts['nodeEnvChecks'][number] = { value, range: toRange(node) };
            // `if (NODE_ENV !== 'production') { hot reload, a dev singleton … }` with no else: production just skips a development aid.
            const parent = ancestors[ancestors.length - 1];
            const guardsOnly = (parent?.type === 'IfStatement' && parent.test === node && !parent.alternate) || (parent?.type === 'LogicalExpression' && parent.operator === '&&' && parent.left === node && ancestors[ancestors.length - 2]?.type === 'ExpressionStatement');
            const devBranch = node.operator.startsWith('!') ? /^prod(uction)?$/i.test(value) : /^(dev|development|test|local)$/i.test(value);
            if (guardsOnly && devBranch) check.devGuard = true;
            facts.nodeEnvChecks.push(check);
          }
        }
        break;
      }
      case 'Literal':
        if (typeof node.value === 'string') noteString(node, node.value, ctx);
        return;
      case 'TemplateLiteral':
        if (node.expressions.length === 0) {
          const v = node.quasis[0]?.value.cooked;
          if (v) noteString(node, v, ctx);
          return;
        }
        {
          const v = node.quasis.map((q) => q.value.cooked ?? '').join('${…}');
          if (URLISH.test(v) || LOCALISH.test(v)) strings.push({ node, value: v, parent: ancestors[ancestors.length - 1], grand: ancestors[ancestors.length - 2], ctx, callNode: currentCall });
        }
        break;
      case 'Property': {
        const key = propName(node.key, node.computed);
        if (key !== undefined && DB_KEY.test(key)) dbChoices.push({ key, node: node.value as Node, ctx });
        ancestors.push(node);
        if (node.computed) visit(node.key, ctx);
        visit(node.value as Node, key === undefined ? ctx : withKey(ctx, key));
        ancestors.pop();
        return;
      }
      case 'IfStatement':
      case 'ConditionalExpression': {
        noteTested(node.test);
        const test = envTest(node.test);
        ancestors.push(node);
        visit(node.test, ctx);
        visit(node.consequent, withEnv(ctx, test, true));
        if (node.alternate) visit(node.alternate, withEnv(ctx, test, false));
        ancestors.pop();
        return;
      }
      default:
        break;
    }
    ancestors.push(node);
    const record = node as AnyNode;
    for (const key in record) {
      if (SKIP_KEYS.has(key)) continue;
      const child = record[key];
      if (!child || typeof child !== 'object') continue;
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object' && typeof (c as Node).type === 'string') visit(c as Node, ctx);
      } else if (typeof (child as Node).type === 'string') visit(child as Node, ctx);
    }
    ancestors.pop();
  };

  visit(program, undefined);

  // ---- summaries --------------------------------------------------------------------

  const summarizeSeen = new Set<string>();
  const summarize = (node: Node | null | undefined, depth: number): Value => {
    const n = unwrap(node);
    if (!n) return { k: 'unknown' };
    switch (n.type) {
      case 'Literal':
        if (typeof n.value === 'number') return { k: 'num', v: n.value };
        if (typeof n.value === 'string') return { k: 'str', v: n.value };
        if (typeof n.value === 'boolean') return { k: 'bool', v: n.value };
        return { k: 'unknown' };
      case 'TemplateLiteral': {
        if (n.expressions.length === 0) return { k: 'str', v: n.quasis[0]?.value.cooked ?? '' };
        const parts: string[] = [];
        let partial = false;
        n.quasis.forEach((q, i) => {
          parts.push(q.value.cooked ?? '');
          const e = n.expressions[i];
          if (!e) return;
          const v = depth > 0 ? summarize(e as Node, depth - 1) : ({ k: 'unknown' } as Value);
          if (v.k === 'str' && !v.partial) parts.push(v.v);
          else if (v.k === 'num') parts.push(String(v.v));
          else {
            parts.push('${…}');
            partial = true;
          }
        });
        return partial ? { k: 'str', v: parts.join(''), partial: true } : { k: 'str', v: parts.join('') };
      }
      case 'Identifier': {
        if (n.name === 'undefined') return { k: 'unknown' };
        const imported = imports.get(n.name);
        if (imported !== undefined) return { k: 'ref', name: imported };
        const d = decls.get(n.name);
        if (d && d.count === 1 && d.init && !mutated.has(n.name) && !summarizeSeen.has(n.name) && depth > 0) {
          summarizeSeen.add(n.name);
          try {
            if (d.key !== undefined) {
              if (isProcessEnv(d.init)) return { k: 'env', name: d.key };
              const base = summarize(d.init, depth - 1);
              if (base.k === 'obj') return base.props[d.key] ?? { k: 'unknown' };
              const r = resolveName(n);
              return r ? { k: 'ref', name: r } : { k: 'unknown' };
            }
            return summarize(d.init, depth - 1);
          } finally {
            summarizeSeen.delete(n.name);
          }
        }
        return { k: 'ref', name: n.name };
      }
      case 'MemberExpression': {
        const env = envName(n);
        if (env !== undefined) return { k: 'env', name: env };
        const prop = propName(n.property, n.computed);
        if (prop !== undefined && depth > 0) {
          const base = summarize(n.object, depth - 1);
          if (base.k === 'obj' && prop in base.props) return base.props[prop];
        }
        const r = resolveName(n);
        return r ? { k: 'ref', name: r } : { k: 'unknown' };
      }
      case 'LogicalExpression': {
        if (n.operator === '&&') return { k: 'unknown' };
        const left = summarize(n.left, depth);
        if (left.k === 'env' && !left.or) return { k: 'env', name: left.name, or: summarize(n.right, depth) };
        if (left.k === 'env' && left.or) return left;
        return { k: 'unknown' };
      }
      case 'CallExpression':
      case 'NewExpression': {
        const callee = unwrap(n.callee);
        const name = callee?.type === 'Identifier' ? callee.name : callee?.type === 'MemberExpression' ? propName(callee.property, callee.computed) : undefined;
        if (n.type === 'CallExpression' && name && /^(Number|parseInt|parseFloat|String|normalizePort|toNumber|toInt)$/.test(name) && n.arguments[0]) {
          const calleeObj = callee?.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
          if (!calleeObj || (calleeObj.type === 'Identifier' && /^(Number|Math|_|lodash)$/.test(calleeObj.name))) return summarize(n.arguments[0] as Node, depth);
        }
        const resolved = resolveName(n.callee) ?? '?';
        const args = depth > 0 ? n.arguments.slice(0, 6).map((a) => (a.type === 'SpreadElement' ? ({ k: 'unknown' } as Value) : summarize(a as Node, depth - 1))) : [];
        return n.type === 'NewExpression' ? { k: 'call', callee: resolved, args, isNew: true } : { k: 'call', callee: resolved, args };
      }
      case 'UnaryExpression':
        if (n.operator === '+') return summarize(n.argument, depth);
        return { k: 'unknown' };
      case 'BinaryExpression': {
        if (n.operator === '*' || n.operator === '/' || n.operator === '-') {
          const l = summarize(n.left as Node, depth);
          const r = summarize(n.right, depth);
          if (l.k !== 'num' || r.k !== 'num') return { k: 'unknown' };
          return { k: 'num', v: n.operator === '*' ? l.v * r.v : n.operator === '/' ? l.v / r.v : l.v - r.v };
        }
        if (n.operator !== '+') return { k: 'unknown' };
        const l = summarize(n.left as Node, depth);
        const r = summarize(n.right, depth);
        const text = (v: Value) => (v.k === 'str' ? v.v : v.k === 'num' ? String(v.v) : '${…}');
        if (l.k === 'num' && r.k === 'num') return { k: 'num', v: l.v + r.v };
        if (l.k !== 'str' && r.k !== 'str') return { k: 'unknown' };
        const partial = !(l.k === 'str' || l.k === 'num') || !(r.k === 'str' || r.k === 'num') || (l.k === 'str' && l.partial) || (r.k === 'str' && r.partial);
        return partial ? { k: 'str', v: text(l) + text(r), partial: true } : { k: 'str', v: text(l) + text(r) };
      }
      case 'ObjectExpression': {
        const props: Record<string, Value> = {};
        let spread = false;
        let count = 0;
        for (const p of n.properties) {
          if (p.type === 'SpreadElement') {
            spread = true;
            continue;
          }
          const key = propName(p.key, p.computed);
          if (key === undefined) {
            spread = true;
            continue;
          }
          if (++count > 40) break;
          props[key] = p.value.type === 'FunctionExpression' || p.kind !== 'init' ? { k: 'fn' } : depth > 0 ? summarize(p.value as Node, depth - 1) : { k: 'unknown' };
        }
        return spread ? { k: 'obj', props, spread: true } : { k: 'obj', props };
      }
      case 'ArrayExpression':
        return { k: 'arr', items: depth > 0 ? n.elements.slice(0, 20).map((e) => (e && e.type !== 'SpreadElement' ? summarize(e as Node, depth - 1) : ({ k: 'unknown' } as Value))) : [] };
      case 'ConditionalExpression': {
        const test = envTest(n.test);
        const out: Value = { k: 'cond', then: summarize(n.consequent, depth), else: summarize(n.alternate, depth) };
        if (test) out.test = test;
        return out;
      }
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return { k: 'fn' };
      default:
        return { k: 'unknown' };
    }
  };

  for (const { node, ctx } of calls) {
    const callee = resolveName(node.callee);
    if (!callee) continue;
    const colon = callee.indexOf(':');
    const mod = colon > 0 ? callee.slice(0, colon) : undefined;
    const keep = GLOBALS.test(callee) || METHODS.test(callee) || (mod !== undefined && MODULES.has(mod) && !NOISY_MODULES.has(mod));
    if (!keep) continue;
    const fact: CallFact = { callee, range: toRange(node), args: node.arguments.slice(0, 6).map((a) => (a.type === 'SpreadElement' ? ({ k: 'unknown' } as Value) : summarize(a as Node, 4))) };
    if (node.type === 'NewExpression') fact.isNew = true;
    if (ctx) fact.ctx = ctx;
    facts.calls.push(fact);
    if (/^process[.:](on|once|addListener|prependListener)$/.test(callee)) {
      const signal = stringOf(node.arguments[0] as Node | undefined);
      if (signal && /^SIG[A-Z0-9]+$/.test(signal)) facts.signalHandlers.push({ signal, range: toRange(node), calls: handlerCalls(node.arguments[1] as Node | undefined) });
    }
  }

  function handlerCalls(arg: Node | undefined): string[] | undefined {
    let fn = unwrap(arg);
    if (fn?.type === 'Identifier') {
      const name = fn.name;
      fn = functions.get(name) ?? (decls.get(name)?.count === 1 ? unwrap(decls.get(name)?.init) : undefined);
    }
    if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression' && fn.type !== 'FunctionDeclaration')) return undefined;
    const out: string[] = [];
    const walk = (n: Node): void => {
      if (out.length > 50) return;
      if (n.type === 'CallExpression' || n.type === 'NewExpression') out.push(resolveName(n.callee) ?? '?');
      const record = n as AnyNode;
      for (const key in record) {
        if (SKIP_KEYS.has(key)) continue;
        const child = record[key];
        if (!child || typeof child !== 'object') continue;
        if (Array.isArray(child)) {
          for (const c of child) if (c && typeof c === 'object' && typeof (c as Node).type === 'string') walk(c as Node);
        } else if (typeof (child as Node).type === 'string') walk(child as Node);
      }
    };
    walk(fn.body as Node);
    return out;
  }

  for (const e of envNodes) {
    const parent0 = e.up[0];
    if (parent0?.type === 'AssignmentExpression' && parent0.left === e.node) continue;
    // Climb through conversions (Number(x), +x, x as T) and `||`/`??` chains: a fallback anywhere to the right counts.
    let child: Node = e.node;
    let fallbackNode: Node | undefined;
    let condition = false;
    let local: string | undefined;
    for (const [i, p] of e.up.entries()) {
      // `process.env.X?.trim()`: the code handles the variable being unset.
      if (p.type === 'MemberExpression' && p.object === child && p.optional) {
        condition = true;
        break;
      }
      // `A && B`: B is read only when A is set, A only decides whether B matters; both are optional.
      if (p.type === 'LogicalExpression' && p.operator === '&&') {
        condition = true;
        break;
      }
      // `!process.env.X`, `!!process.env.X`: a flag.
      if (p.type === 'UnaryExpression' && p.operator === '!') {
        condition = true;
        break;
      }
      // `[arg, process.env.X, 3001].find(Boolean)` (also through `.map(parseInt)`): the first value that is set.
      if (p.type === 'ArrayExpression') {
        if (e.up.slice(i + 1, i + 6).some((m) => m.type === 'MemberExpression' && m.property.type === 'Identifier' && /^(find|filter|some|findLast)$/.test(m.property.name))) condition = true;
        break;
      }
      // `cond ? null : process.env.X`: the value of a choice; how it is used decides.
      if (p.type === 'ConditionalExpression' && p.test !== child) {
        child = p;
        continue;
      }
      // `json({ faviconUrl: process.env.FAVICON_URL })`: handed on in a response, not used here; whether it is needed is not this code's to say.
      if (p.type === 'Property' && p.value === child) {
        const obj = e.up[i + 1];
        const call = e.up[i + 2];
        if (obj?.type === 'ObjectExpression' && call && (call.type === 'CallExpression' || call.type === 'NewExpression') && /(^|\.)(json|send|render)$/i.test(calleeText(call.callee))) condition = true;
        break;
      }
      // `const v = process.env.X` (then `if (!v) …`): decided below from how `v` is used.
      if (p.type === 'VariableDeclarator' && p.init === child && p.id.type === 'Identifier') {
        local = p.id.name;
        break;
      }
      if (p.type === 'AssignmentExpression' && p.right === child && p.left.type === 'Identifier') {
        local = p.left.name;
        break;
      }
      if (p.type === 'AssignmentExpression' && p.right === child && p.left.type === 'MemberExpression' && p.left.property.type === 'Identifier') {
        local = p.left.property.name;
        break;
      }
      if (p.type === 'LogicalExpression' && (p.operator === '||' || p.operator === '??')) {
        if (p.left === child) {
          fallbackNode = p.right;
          break;
        }
        // `process.env.NEW || process.env.LEGACY`: an alternative name, read only when the other is unset.
        const hasEnv = (n: Node | undefined, d = 0): boolean => {
          const u = unwrap(n);
          if (!u || d > 6) return false;
          if (envName(u) !== undefined) return true;
          return u.type === 'LogicalExpression' && (hasEnv(u.left, d + 1) || hasEnv(u.right, d + 1));
        };
        if (hasEnv(p.left)) condition = true;
        child = p;
        continue;
      }
      const conversion = p.type === 'CallExpression' && p.arguments[0] === child && /^(Number|parseInt|parseFloat|String|Boolean|normalizePort|toNumber|toInt)$/.test((p.callee.type === 'Identifier' ? p.callee.name : p.callee.type === 'MemberExpression' && !p.callee.computed && p.callee.property.type === 'Identifier' ? p.callee.property.name : '') ?? '');
      if (conversion || p.type === 'UnaryExpression' || WRAPPERS.has(p.type)) {
        child = p;
        continue;
      }
      // Used as a condition: `if (process.env.X)`, `process.env.X === 'y'`, `process.env.X && …`.
      if (
        (p.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(p.operator)) ||
        ((p.type === 'IfStatement' || p.type === 'ConditionalExpression' || p.type === 'WhileStatement') && p.test === child) ||
        (p.type === 'LogicalExpression' && p.operator === '&&' && p.left === child) ||
        (p.type === 'CallExpression' && p.callee.type === 'Identifier' && p.callee.name === 'Boolean')
      )
        condition = true;
      break;
    }
    const read = { name: e.name, range: toRange(e.node), hasDefault: fallbackNode !== undefined } as JsFacts['envReads'][number];
    if (condition || (local !== undefined && tested.has(local))) read.condition = true;
    if (fallbackNode) {
      const fb = summarize(fallbackNode, 2);
      if (fb.k === 'str' || fb.k === 'num' || fb.k === 'bool') read.fallback = fb;
    }
    facts.envReads.push(read);
  }
  for (const d of destructuredEnv) {
    const read = { name: d.name, range: toRange(d.node), hasDefault: d.hasDefault } as JsFacts['envReads'][number];
    if (d.fallback) {
      const fb = summarize(d.fallback, 2);
      if (fb.k === 'str' || fb.k === 'num' || fb.k === 'bool') read.fallback = fb;
    }
    facts.envReads.push(read);
  }

  for (const c of dbChoices) {
    const value = summarize(c.node, 2);
    if (!DB_VALUE.test(JSON.stringify(value))) continue;
    const fact: JsFacts['dbChoices'][number] = { key: c.key, value, range: toRange(c.node) };
    if (c.ctx) fact.ctx = c.ctx;
    facts.dbChoices.push(fact);
  }

  for (const s of strings) {
    const fact: StringFact = { value: s.value, range: toRange(s.node) };
    const name = nameFor(s.node, s.parent, s.grand);
    if (name) fact.name = name;
    if (s.parent?.type === 'LogicalExpression' && s.parent.right === s.node) {
      const left = unwrap(s.parent.left);
      const env = envName(left) ?? (left?.type === 'CallExpression' ? envName(left.arguments[0] as Node | undefined) : undefined);
      if (env) {
        fact.envFallback = env;
        fact.name ??= env;
      }
    }
    if (s.callNode) {
      const callee = resolveName(s.callNode.callee);
      if (callee) fact.callee = callee;
    }
    if (s.ctx) fact.ctx = s.ctx;
    facts.strings.push(fact);
  }
  return facts;
}

/** The name a literal is assigned to, if any. */
function nameFor(node: Node, parent: Node | undefined, grand: Node | undefined): string | undefined {
  let p = parent;
  let child: Node = node;
  if (p && WRAPPERS.has(p.type)) {
    child = p;
    p = grand;
  }
  if (!p) return undefined;
  switch (p.type) {
    case 'VariableDeclarator':
      return p.init === child && p.id.type === 'Identifier' ? p.id.name : undefined;
    case 'Property':
      return p.value === child ? propName(p.key, p.computed) : undefined;
    case 'PropertyDefinition':
      return p.value === child ? propName(p.key, p.computed) : undefined;
    case 'AssignmentExpression': {
      if (p.right !== child) return undefined;
      const left = unwrap(p.left);
      if (left?.type === 'Identifier') return left.name;
      if (left?.type === 'MemberExpression') return propName(left.property, left.computed);
      return undefined;
    }
    case 'AssignmentPattern': {
      const left = p.left;
      return p.right === child && left.type === 'Identifier' ? left.name : undefined;
    }
    default:
      return undefined;
  }
}

/** `prod` → production, `dev`/`local` → development, `testing` → test. */
function normalizeEnv(value: string): string {
  const v = value.toLowerCase();
  if (v === 'prod' || v === 'production') return 'production';
  if (v === 'dev' || v === 'development' || v === 'local') return 'development';
  if (v === 'test' || v === 'testing') return 'test';
  return v;
}
