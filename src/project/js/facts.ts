import type { Range } from '../range.js';

/**
 * Small, serializable per-file facts extracted from a JS/TS AST. They are what
 * source rules read (never the AST), so parsing can happen in a worker thread
 * and only these few kilobytes cross back to the main thread.
 *
 * Callee and reference names are resolved through the file's imports:
 * `module:path` for imported bindings (`express-session:`, `winston:transports.File`,
 * `fs:createWriteStream`), `()` marks the result of a call (`fastify:().listen`,
 * `knex:().migrate.latest`), and globals keep their dotted name (`process.on`,
 * `setInterval`, `Bun.serve`). `node:` prefixes are removed from module names.
 */

/** A summary of an expression: literal values, env reads, object shapes, resolved constants. */
export type Value =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string; partial?: true }
  | { k: 'bool'; v: boolean }
  | { k: 'env'; name: string; or?: Value }
  | { k: 'obj'; props: Record<string, Value>; spread?: true }
  | { k: 'arr'; items: Value[] }
  | { k: 'cond'; test?: EnvTest; then: Value; else: Value }
  | { k: 'call'; callee: string; args: Value[]; isNew?: true }
  | { k: 'fn' }
  | { k: 'ref'; name: string }
  | { k: 'unknown' };

/** A condition on the environment: `NODE_ENV === 'production'` or an `isProduction`-like name. */
export interface EnvTest {
  /** The environment the condition is true in (`production`, `development`, `test`). */
  env: string;
  /** True when the branch taken on a match is `then`; `!==` flips it. */
  positive: boolean;
}

/** Where an expression sits: property keys of enclosing object literals, and an enclosing NODE_ENV branch. */
export interface Context {
  /** Keys of enclosing object literal properties, outermost first (at most 6). */
  keys?: string[];
  /** The environment an enclosing `if`/ternary restricts this code to, when known. */
  env?: string;
  /** Inside a branch that depends on NODE_ENV but where the environment is not known. */
  envDependent?: true;
}

export interface CallFact {
  callee: string;
  isNew?: true;
  range: Range;
  args: Value[];
  ctx?: Context;
  /** For `setInterval` with a local callback: what the callback calls and how many values it assigns outside itself. */
  callback?: { calls: string[]; assignments: number };
}

export interface EnvReadFact {
  name: string;
  range: Range;
  /** Read with a fallback (`|| x`, `?? x`, destructuring default). */
  hasDefault: boolean;
  /** The fallback when it is a literal. */
  fallback?: Value;
  /** Only tested (`if (process.env.X)`, `process.env.X === 'y'`): an optional flag. */
  condition?: true;
  /** Handed to an env schema that declares the variable optional (`createEnv` with `X: z.string().optional()`): optional everywhere it is read. */
  declaredOptional?: true;
  /** The code says it cannot do without it: `process.env.X!` (TypeScript's non-null assertion). */
  required?: true;
}

export interface NodeEnvCheckFact {
  value: string;
  range: Range;
  /** Guards a development aid only (`if (NODE_ENV !== 'production') …` with no else): production behaviour is not chosen here. */
  devGuard?: true;
}

export interface StringFact {
  value: string;
  range: Range;
  /** The name it is assigned to: variable, property key, assignment target, or env var it is the fallback of. */
  name?: string;
  /** `process.env.X || '<literal>'`: the env var name. */
  envFallback?: string;
  /** Resolved callee when the string is (part of) an argument of a call. */
  callee?: string;
  ctx?: Context;
}

export interface SignalHandlerFact {
  signal: string;
  range: Range;
  /** Callees called inside the handler (nested functions included), resolved; undefined when the handler is not a local function. */
  calls?: string[];
}

export interface ImportFact {
  source: string;
  line: number;
}

/** A database driver/dialect choice: `dialect: 'postgres'`, `client: isProd ? 'pg' : 'sqlite3'`. */
export interface DbChoiceFact {
  key: string;
  value: Value;
  range: Range;
  ctx?: Context;
}

export interface JsFacts {
  imports: ImportFact[];
  /** Calls of interest (servers, clients, loggers, schedulers, fs writes, process events …). */
  calls: CallFact[];
  envReads: EnvReadFact[];
  /** Names assigned (`process.env.X = …`): the code sets them itself. */
  envWrites: string[];
  nodeEnvChecks: NodeEnvCheckFact[];
  /** String literals that may be secrets (by name or format) or connection URLs. */
  strings: StringFact[];
  signalHandlers: SignalHandlerFact[];
  dbChoices: DbChoiceFact[];
  /** Module-level settings of a framework settings module (Django `settings.py`: `SESSION_ENGINE = …`, `DATABASES = {…}`). */
  settings?: SettingFact[];
}

export interface SettingFact {
  name: string;
  value: Value;
  range: Range;
}
