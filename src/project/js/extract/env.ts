import type { EnvReadFact, NodeEnvCheckFact } from '../facts.js';
import { isWrapper, propName, stringOf, unwrap, type Node, type Scope } from './scope.js';
import type { FactVisitor } from './walk.js';

/**
 * The environment: variables read (with their fallback, or only tested as a
 * flag), variables the code sets itself, and NODE_ENV comparisons.
 */

interface PendingRead {
  node: Node;
  name: string;
  /** Enclosing nodes, innermost first (at most 6). */
  up: Node[];
}

interface DestructuredRead {
  name: string;
  node: Node;
  hasDefault: boolean;
  fallback?: Node;
}

export interface EnvFacts {
  envReads: EnvReadFact[];
  envWrites: string[];
  nodeEnvChecks: NodeEnvCheckFact[];
}

export function envVisitor(scope: Scope): FactVisitor<EnvFacts> {
  const reads: PendingRead[] = [];
  const destructured: DestructuredRead[] = [];
  const envWrites: string[] = [];
  const nodeEnvChecks: NodeEnvCheckFact[] = [];
  return {
    enter: {
      MemberExpression: (node, at) => {
        const name = scope.envName(node);
        if (name === undefined) return;
        reads.push({ node, name, up: at.ancestors.slice(-6).reverse() });
        // A leaf: its key is the variable's name, not one of the program's strings.
        return false;
      },
      // `const { X, Y = 'y' } = process.env`
      VariableDeclarator: (node) => {
        if (node.id.type !== 'ObjectPattern' || !node.init || !scope.isProcessEnv(node.init)) return;
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
          destructured.push({ name: key, node: p, hasDefault: fallback !== undefined, fallback });
        }
      },
      AssignmentExpression: (node) => {
        const written = scope.envName(unwrap(node.left));
        if (written) envWrites.push(written);
      },
      // `{ ...process.env, NODEBB_DB: database }` and `spawn(cmd, args, { env: { PORT: '3000' } })`: an environment
      // the code builds for a process it starts sets these variables.
      ObjectExpression: (node, at) => {
        const spreadsEnv = node.properties.some((p) => p.type === 'SpreadElement' && scope.isProcessEnv(unwrap(p.argument)));
        const parent = at.parent;
        const envOption = parent?.type === 'Property' && parent.value === node && propName(parent.key, parent.computed) === 'env';
        if (!spreadsEnv && !envOption) return;
        for (const p of node.properties) {
          if (p.type !== 'Property') continue;
          const key = propName(p.key, p.computed);
          if (key !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) envWrites.push(key);
        }
      },
      BinaryExpression: (node, at) => {
        if (!['===', '==', '!==', '!='].includes(node.operator)) return;
        const l = unwrap(node.left);
        const r = unwrap(node.right);
        const value = stringOf(r) ?? stringOf(l);
        if (value === undefined || (scope.envName(l) !== 'NODE_ENV' && scope.envName(r) !== 'NODE_ENV')) return;
        const check: NodeEnvCheckFact = { value, range: scope.range(node) };
        // `if (NODE_ENV !== 'production') { hot reload, a dev singleton … }` with no else: production just skips a development aid.
        const parent = at.parent;
        const guardsOnly = (parent?.type === 'IfStatement' && parent.test === node && !parent.alternate) || (parent?.type === 'LogicalExpression' && parent.operator === '&&' && parent.left === node && at.grand?.type === 'ExpressionStatement');
        const devBranch = node.operator.startsWith('!') ? /^prod(uction)?$/i.test(value) : /^(dev|development|test|local)$/i.test(value);
        if (guardsOnly && devBranch) check.devGuard = true;
        nodeEnvChecks.push(check);
      },
    },
    finish: () => {
      const envReads: EnvReadFact[] = [];
      for (const e of reads) {
        const read = envRead(scope, e);
        if (read) envReads.push(read);
      }
      for (const d of destructured) {
        const read = { name: d.name, range: scope.range(d.node), hasDefault: d.hasDefault } as EnvReadFact;
        if (d.fallback) {
          const fb = scope.summarize(d.fallback, 2);
          if (fb.k === 'str' || fb.k === 'num' || fb.k === 'bool') read.fallback = fb;
        }
        envReads.push(read);
      }
      return { envReads, envWrites, nodeEnvChecks };
    },
  };
}

/** How a `process.env.X` expression is used: with a fallback, as a condition, or stored in a local tested later; undefined for an assignment target. */
/** Helpers whose name says the value is a flag or optional: `isAffirmative`, `optIntegerParam`, `envBool`, `getBooleanEnv`. */
const OPTIONAL_HELPER = /^(is[A-Z]\w*|opt[A-Z]\w*|optional\w*|\w*(Bool|Boolean|Flag|Truthy|Affirmative|Enabled)\w*|\w*OrDefault|withDefault)$/;

function envRead(scope: Scope, e: PendingRead): EnvReadFact | undefined {
  const parent0 = e.up[0];
  if (parent0?.type === 'AssignmentExpression' && parent0.left === e.node) return undefined;
  // Climb through conversions (Number(x), +x, x as T) and `||`/`??` chains: a fallback anywhere to the right counts.
  let child: Node = e.node;
  let fallbackNode: Node | undefined;
  let condition = false;
  let declaredOptional = false;
  let local: string | undefined;
  let required = false;
  for (const [i, p] of e.up.entries()) {
    // `process.env.STRIPE_KEY!`: the author asserts it is set.
    if (p.type === 'TSNonNullExpression' && p.expression === child) {
      required = true;
      child = p;
      continue;
    }
    // `isAffirmative(process.env.X)`, `optIntegerParam(process.env.X, 'name')`, `parseEnvBoolean(process.env.X, 'yes')`:
    // a helper that reads a flag or an optional value, or takes the default beside it.
    if (p.type === 'CallExpression' && p.arguments.includes(child as never) && p.callee !== child) {
      const name = p.callee.type === 'Identifier' ? p.callee.name : p.callee.type === 'MemberExpression' && !p.callee.computed && p.callee.property.type === 'Identifier' ? p.callee.property.name : '';
      const index = p.arguments.indexOf(child as never);
      const defaultBeside = p.arguments.slice(index + 1).some((a) => a.type === 'Literal' || (a.type === 'TemplateLiteral' && a.expressions.length === 0));
      if (OPTIONAL_HELPER.test(name) || (defaultBeside && /(env|bool|flag|param|int|number|float|setting|config|default|or)/i.test(name))) {
        condition = true;
        break;
      }
    }
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
      // `createEnv({ server: { X: z.string().optional() }, runtimeEnv: { X: process.env.X } })`: the schema says.
      else if (schemaSaysOptional(p, e.up.slice(i + 1, i + 4))) declaredOptional = true;
      // The schema requires it: the app refuses to start without it.
      else if (schemaSays(p, e.up.slice(i + 1, i + 4)) === 'required') required = true;
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
      if (scope.containsEnvRead(p.left)) condition = true;
      child = p;
      continue;
    }
    const conversion = p.type === 'CallExpression' && p.arguments[0] === child && /^(Number|parseInt|parseFloat|String|Boolean|normalizePort|toNumber|toInt)$/.test((p.callee.type === 'Identifier' ? p.callee.name : p.callee.type === 'MemberExpression' && !p.callee.computed && p.callee.property.type === 'Identifier' ? p.callee.property.name : '') ?? '');
    if (conversion || p.type === 'UnaryExpression' || isWrapper(p)) {
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
  const read = { name: e.name, range: scope.range(e.node), hasDefault: fallbackNode !== undefined } as EnvReadFact;
  if (condition || (local !== undefined && scope.tested.has(local))) read.condition = true;
  if (declaredOptional) read.declaredOptional = true;
  if (required && !read.hasDefault && !read.condition) read.required = true;
  if (fallbackNode) {
    const fb = scope.summarize(fallbackNode, 2);
    if (fb.k === 'str' || fb.k === 'num' || fb.k === 'bool') read.fallback = fb;
  }
  return read;
}

/** `res.json`, `NextResponse.json`, `json`: the callee as dotted text, for a name test. */
function calleeText(n: Node): string {
  const u = unwrap(n);
  if (!u) return '';
  if (u.type === 'Identifier') return u.name;
  if (u.type === 'MemberExpression' && !u.computed && u.property.type === 'Identifier') return `${calleeText(u.object)}.${u.property.name}`;
  return '';
}

/** Where a schema declares what an env var may be (t3-env's `createEnv`), the methods that make it optional. */
const OPTIONAL_SCHEMA = /^(optional|default|nullish|nullable|catch|prefault)$/;

/**
 * `X: process.env.X` inside `runtimeEnv` (or `experimental__runtimeEnv`) of a `createEnv({ server, client, shared })`
 * call, where the schema entry for X ends in `.optional()`, `.default(…)`, …: the app declares X optional.
 * `up` is [runtimeEnv object, its Property, the config object].
 */
function schemaSaysOptional(prop: Node, up: Node[]): boolean {
  return schemaSays(prop, up) === 'optional';
}

/** What a `createEnv` schema says of the variable `runtimeEnv` hands it: optional (`.optional()`, `.default()`), required, or nothing. */
function schemaSays(prop: Node, up: Node[]): 'optional' | 'required' | undefined {
  const [envObj, envProp, config] = up;
  if (prop.type !== 'Property' || envObj?.type !== 'ObjectExpression' || envProp?.type !== 'Property' || config?.type !== 'ObjectExpression') return undefined;
  if (!/^(runtimeEnv|experimental__runtimeEnv)$/.test(propName(envProp.key, envProp.computed) ?? '')) return undefined;
  const key = propName(prop.key, prop.computed);
  if (key === undefined) return undefined;
  for (const section of config.properties) {
    if (section.type !== 'Property' || section.value.type !== 'ObjectExpression') continue;
    if (!/^(server|client|shared)$/.test(propName(section.key, section.computed) ?? '')) continue;
    for (const entry of section.value.properties) {
      if (entry.type === 'Property' && propName(entry.key, entry.computed) === key) return chainHasMethod(entry.value, OPTIONAL_SCHEMA) ? 'optional' : 'required';
    }
  }
  return undefined;
}

/** `z.string().url().optional()`: some call in the method chain is named by `names`. */
function chainHasMethod(n: Node | undefined, names: RegExp): boolean {
  for (let u = unwrap(n); u; ) {
    if (u.type === 'CallExpression') u = unwrap(u.callee);
    else if (u.type === 'MemberExpression') {
      if (!u.computed && u.property.type === 'Identifier' && names.test(u.property.name)) return true;
      u = unwrap(u.object);
    } else return false;
  }
  return false;
}
