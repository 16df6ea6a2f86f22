import type { CallFact, Context, SignalHandlerFact } from '../facts.js';
import { stringOf, unwrap, type CallNode, type Node, type Scope } from './scope.js';
import { forEachChild, type FactVisitor } from './walk.js';

/**
 * Calls of interest (servers, clients, loggers, schedulers, fs writes, process
 * events …) with their arguments summarized, and the signal handlers among them
 * with the calls each handler makes.
 */

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

export function callsVisitor(scope: Scope): FactVisitor<{ calls: CallFact[]; signalHandlers: SignalHandlerFact[] }> {
  const pending: { node: CallNode; ctx?: Context }[] = [];
  const note = (node: CallNode, ctx: Context | undefined) => {
    pending.push({ node, ctx });
  };
  return {
    enter: {
      CallExpression: (node, at) => note(node, at.ctx),
      NewExpression: (node, at) => note(node, at.ctx),
    },
    finish: () => {
      const calls: CallFact[] = [];
      const signalHandlers: SignalHandlerFact[] = [];
      for (const { node, ctx } of pending) {
        const callee = scope.resolveName(node.callee);
        if (!callee) continue;
        const colon = callee.indexOf(':');
        const mod = colon > 0 ? callee.slice(0, colon) : undefined;
        const keep = GLOBALS.test(callee) || METHODS.test(callee) || (mod !== undefined && MODULES.has(mod) && !NOISY_MODULES.has(mod));
        if (!keep) continue;
        const fact: CallFact = { callee, range: scope.range(node), args: scope.summarizeArgs(node, 4) };
        if (node.type === 'NewExpression') fact.isNew = true;
        if (ctx) fact.ctx = ctx;
        calls.push(fact);
        if (callee === 'setInterval') {
          const body = callbackBody(scope, node.arguments[0]);
          if (body) fact.callback = summarizeCallback(scope, body);
        }
        if (/^process[.:](on|once|addListener|prependListener)$/.test(callee)) {
          const signal = stringOf(node.arguments[0]);
          if (signal && /^SIG[A-Z0-9]+$/.test(signal)) signalHandlers.push({ signal, range: scope.range(node), calls: handlerCalls(scope, node.arguments[1]) });
        }
      }
      return { calls, signalHandlers };
    },
  };
}

/** The body of a callback argument: an inline function, or a local function or `const f = () => …` named by it. */
function callbackBody(scope: Scope, arg: Node | undefined): Node | undefined {
  let fn = unwrap(arg);
  if (fn?.type === 'Identifier') {
    const name = fn.name;
    fn = scope.functions.get(name) ?? (scope.decls.get(name)?.count === 1 ? unwrap(scope.decls.get(name)?.init) : undefined);
  }
  if (!fn || (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression' && fn.type !== 'FunctionDeclaration')) return undefined;
  return fn.body as Node;
}

/** What a timer callback does: the callees it calls (resolved) and how many values it assigns to `this.x` or outer variables. */
function summarizeCallback(scope: Scope, body: Node): { calls: string[]; assignments: number } {
  const calls: string[] = [];
  const locals = new Set<string>();
  let assignments = 0;
  const walk = (n: Node): void => {
    if (calls.length > 50) return;
    if (n.type === 'CallExpression' || n.type === 'NewExpression') calls.push(scope.resolveName(n.callee) ?? '?');
    if (n.type === 'VariableDeclarator' && n.id.type === 'Identifier') locals.add(n.id.name);
    if (n.type === 'AssignmentExpression') {
      const target = unwrap(n.left);
      if (target?.type === 'MemberExpression' || (target?.type === 'Identifier' && !locals.has(target.name))) assignments++;
    }
    forEachChild(n, walk, scope.tree?.childKeys);
  };
  walk(body);
  return { calls, assignments };
}

/** The callees a handler calls (nested functions included), resolved; undefined when the handler is not a local function. */
function handlerCalls(scope: Scope, arg: Node | undefined): string[] | undefined {
  const body = callbackBody(scope, arg);
  if (!body) return undefined;
  const out: string[] = [];
  // A second, small walk: which function handles the signal, and what its calls resolve to, is known only once the main walk is over.
  const walk = (n: Node): void => {
    if (out.length > 50) return;
    if (n.type === 'CallExpression' || n.type === 'NewExpression') out.push(scope.resolveName(n.callee) ?? '?');
    forEachChild(n, walk, scope.tree?.childKeys);
  };
  walk(body);
  return out;
}
