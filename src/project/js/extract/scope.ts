import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { jsLineStarts, offsetToPosition, type Range } from '../../range.js';
import type { EnvTest, Value } from '../facts.js';
import type { ChildKeys, Handlers } from './walk.js';

/**
 * What the names of one file mean: its imports, declarations, functions, the
 * names it reassigns, its aliases of `process.env` and the names it tests for
 * presence; recorded during the walk, and the helpers that resolve names and
 * summarize values through them. Resolution is complete only once the walk is
 * over (a name may be declared below its use).
 */

export type Node = TSESTree.Node;
export type CallNode = TSESTree.CallExpression | TSESTree.NewExpression;

const WRAPPERS = new Set(['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'TSInstantiationExpression', 'AwaitExpression', 'ChainExpression', 'ParenthesizedExpression']);

/**
 * A tree from oxc-parser: its nodes carry UTF-16 offsets (`start`/`end`) instead of `loc`, and their
 * keys come in another order than typescript-estree's. The source gives lines and columns; `childKeys`
 * the order of the walk.
 */
export interface OffsetTree {
  text: string;
  childKeys: ChildKeys;
}

interface Decl {
  count: number;
  init?: Node;
  /** Destructured from `init`: the property key. */
  key?: string;
  kind: 'const' | 'let' | 'var' | 'param';
}

export class Scope {
  /** Local name → `module:` (default or namespace) or `module:export`. */
  readonly imports = new Map<string, string>();
  readonly decls = new Map<string, Decl>();
  readonly functions = new Map<string, Node>();
  /** Names assigned or updated after their declaration: their initializer is not their value. */
  readonly mutated = new Set<string>();
  /** Names bound to `process.env` (`const env = process.env`, `const { env } = process`). */
  readonly envAliases = new Set<string>();
  /** Identifiers the code tests for presence: `if (v)`, `!v`, `v ? … : …`, `v && …`, `v || d`, `v ?? d`, `v?.x`, `v === undefined`. */
  readonly tested = new Set<string>();
  private readonly resolveSeen = new Set<string>();
  private readonly summarizeSeen = new Set<string>();
  private lineStarts: number[] | undefined;

  constructor(readonly tree?: OffsetTree) {}

  // ---- positions ---------------------------------------------------------------------------

  /** Where a node is, from its `loc` or, without one, from its offsets and the source's line breaks. */
  range(node: Node): Range {
    if (node.loc || !this.tree) return toRange(node);
    const { start, end } = node as unknown as { start: number; end: number };
    this.lineStarts ??= jsLineStarts(this.tree.text);
    const a = offsetToPosition(this.lineStarts, start);
    const b = offsetToPosition(this.lineStarts, end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** The 1-based line a node starts on. */
  line(node: Node): number {
    return this.range(node).line;
  }

  // ---- recording (the walk runs these after the fact visitors at each node) ------------

  readonly enter: Handlers = {
    ImportDeclaration: (node) => {
      const source = normalizeModule(String(node.source.value));
      for (const s of node.specifiers) {
        if (s.type === 'ImportSpecifier') {
          if (s.importKind === 'type') continue;
          const imported = s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
          this.imports.set(s.local.name, imported === 'default' ? `${source}:` : `${source}:${imported}`);
        } else this.imports.set(s.local.name, `${source}:`);
      }
    },
    TSImportEqualsDeclaration: (node) => {
      const ref = node.moduleReference;
      if (ref.type !== 'TSExternalModuleReference') return;
      const src = stringOf(ref.expression);
      if (src !== undefined) this.imports.set(node.id.name, `${normalizeModule(src)}:`);
    },
    VariableDeclarator: (node, at) => {
      const declaration = at.parent as TSESTree.VariableDeclaration | undefined;
      const kind = declaration?.kind === 'const' ? 'const' : declaration?.kind === 'var' ? 'var' : 'let';
      const init = node.init ?? undefined;
      if (node.id.type === 'Identifier') {
        this.declare(node.id.name, { init, kind });
        if (init && this.isProcessEnv(init)) this.envAliases.add(node.id.name);
        if (init) {
          const u = unwrap(init);
          if (u?.type === 'MemberExpression' && propName(u.property, u.computed) === 'env' && unwrap(u.object)?.type === 'Identifier' && (unwrap(u.object) as TSESTree.Identifier).name === 'process') this.envAliases.add(node.id.name);
        }
      } else if (node.id.type === 'ObjectPattern') {
        const fromProcess = init !== undefined && unwrap(init)?.type === 'Identifier' && (unwrap(init) as TSESTree.Identifier).name === 'process';
        for (const p of node.id.properties) {
          if (p.type !== 'Property') continue;
          const key = propName(p.key, p.computed);
          if (key === undefined) continue;
          let target: Node = p.value;
          if (target.type === 'AssignmentPattern') target = target.left;
          if (target.type !== 'Identifier') continue;
          this.declare(target.name, { init, key, kind });
          if (fromProcess && key === 'env') this.envAliases.add(target.name);
        }
      } else if (node.id.type === 'ArrayPattern') {
        for (const el of node.id.elements) if (el?.type === 'Identifier') this.declare(el.name, { kind });
      }
    },
    FunctionDeclaration: (node) => {
      if (node.id) {
        this.functions.set(node.id.name, node);
        this.declare(node.id.name, { kind: 'const' });
      }
      for (const p of node.params) if (p.type === 'Identifier') this.declare(p.name, { kind: 'param' });
    },
    FunctionExpression: (node) => this.declareParams(node),
    ArrowFunctionExpression: (node) => this.declareParams(node),
    ClassDeclaration: (node) => {
      if (node.id) this.declare(node.id.name, { kind: 'const' });
    },
    AssignmentExpression: (node) => {
      const left = unwrap(node.left);
      if (left?.type === 'Identifier') this.mutated.add(left.name);
    },
    UpdateExpression: (node) => {
      const arg = unwrap(node.argument);
      if (arg?.type === 'Identifier') this.mutated.add(arg.name);
    },
    MemberExpression: (node) => {
      // An env read is no test of its object (`process.env?.X`).
      if (node.optional && this.envName(node) === undefined) this.noteTested(node.object);
    },
    LogicalExpression: (node) => {
      this.noteTested(node.left);
      // `process.env.A || process.env.B || hostEnv`: the operands after an env read are alternatives to it.
      if ((node.operator === '||' || node.operator === '??') && this.containsEnvRead(node.left)) this.noteTested(node.right);
    },
    UnaryExpression: (node) => {
      if (node.operator === '!') this.noteTested(node.argument);
    },
    WhileStatement: (node) => this.noteTested(node.test),
    DoWhileStatement: (node) => this.noteTested(node.test),
    IfStatement: (node) => this.noteTested(node.test),
    ConditionalExpression: (node) => this.noteTested(node.test),
  };

  private declareParams(node: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression): void {
    for (const p of node.params) {
      if (p.type === 'Identifier') this.declare(p.name, { kind: 'param' });
      else if (p.type === 'AssignmentPattern' && p.left.type === 'Identifier') this.declare(p.left.name, { kind: 'param' });
    }
  }

  private declare(name: string, d: Omit<Decl, 'count'>): void {
    const prev = this.decls.get(name);
    if (prev) prev.count++;
    else this.decls.set(name, { ...d, count: 1 });
  }

  private noteTested(n: Node | undefined | null, depth = 0): void {
    const u = unwrap(n ?? undefined);
    if (!u || depth > 4) return;
    if (u.type === 'Identifier') this.tested.add(u.name);
    else if (u.type === 'UnaryExpression' && u.operator === '!') this.noteTested(u.argument, depth + 1);
    else if (u.type === 'LogicalExpression') {
      this.noteTested(u.left, depth + 1);
      this.noteTested(u.right, depth + 1);
    } else if (u.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(u.operator)) {
      this.noteTested(u.left, depth + 1);
      this.noteTested(u.right, depth + 1);
    } else if (u.type === 'MemberExpression' && u.property.type === 'Identifier' && u.property.name === 'length') this.noteTested(u.object, depth + 1);
    // `if (config.socketPath)`: the property an env value was stored in.
    else if (u.type === 'MemberExpression' && !u.computed && u.property.type === 'Identifier') this.tested.add(u.property.name);
  }

  // ---- resolution (usable during and after the walk) -------------------------------------

  isProcessEnv(node: Node | undefined): boolean {
    const n = unwrap(node);
    if (!n) return false;
    if (n.type === 'Identifier') return this.envAliases.has(n.name);
    if (n.type !== 'MemberExpression') return false;
    const prop = propName(n.property, n.computed);
    if (prop !== 'env') return false;
    const obj = unwrap(n.object);
    if (!obj) return false;
    if (obj.type === 'Identifier') return obj.name === 'process' || obj.name === 'Bun' || this.imports.get(obj.name) === 'process:';
    if (obj.type === 'MetaProperty') return obj.meta.name === 'import' && obj.property.name === 'meta';
    return false;
  }

  /** `process.env.X` → 'X'. */
  envName(node: Node | undefined): string | undefined {
    const n = unwrap(node);
    if (!n || n.type !== 'MemberExpression') return undefined;
    if (!this.isProcessEnv(n.object)) return undefined;
    return propName(n.property, n.computed);
  }

  /** Whether an expression reads an environment variable (`process.env.X`, within `||`/`??` chains). */
  containsEnvRead(n: Node | undefined, depth = 0): boolean {
    const u = unwrap(n);
    if (!u || depth > 6) return false;
    if (this.envName(u) !== undefined) return true;
    return u.type === 'LogicalExpression' && (this.containsEnvRead(u.left, depth + 1) || this.containsEnvRead(u.right, depth + 1));
  }

  /** A callee or reference as text: `module:path` through imports, `()` for a call's result, dotted globals. */
  resolveName(node: Node | undefined, depth = 0): string | undefined {
    const n = unwrap(node);
    if (!n || depth > 10) return undefined;
    switch (n.type) {
      case 'Identifier': {
        const imported = this.imports.get(n.name);
        if (imported !== undefined) return imported;
        const d = this.decls.get(n.name);
        if (d && d.count === 1 && d.init && !this.mutated.has(n.name) && !this.resolveSeen.has(n.name)) {
          this.resolveSeen.add(n.name);
          try {
            const base = this.resolveName(d.init, depth + 1);
            if (base !== undefined) return d.key === undefined ? base : join(base, d.key);
          } finally {
            this.resolveSeen.delete(n.name);
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
        const base = this.resolveName(n.object, depth + 1);
        return base === undefined ? undefined : join(base, prop);
      }
      case 'CallExpression': {
        const callee = unwrap(n.callee);
        if (callee?.type === 'Identifier' && callee.name === 'require' && !this.decls.has('require')) {
          const src = stringOf(n.arguments[0]);
          return src === undefined ? undefined : `${normalizeModule(src)}:`;
        }
        const base = this.resolveName(n.callee, depth + 1);
        return base === undefined ? undefined : `${base}()`;
      }
      case 'NewExpression': {
        const base = this.resolveName(n.callee, depth + 1);
        return base === undefined ? undefined : `${base}()`;
      }
      case 'ImportExpression': {
        const src = stringOf(n.source);
        return src === undefined ? undefined : `${normalizeModule(src)}:`;
      }
      default:
        return undefined;
    }
  }

  /** `NODE_ENV === 'production'`, `!isDev`, `isProduction`: the environment a condition selects. */
  envTest(node: Node | undefined, depth = 0): EnvTest | undefined {
    const n = unwrap(node);
    if (!n || depth > 4) return undefined;
    if (n.type === 'UnaryExpression' && n.operator === '!') {
      const t = this.envTest(n.argument, depth + 1);
      return t ? { env: t.env, positive: !t.positive } : undefined;
    }
    if (n.type === 'BinaryExpression' && ['===', '==', '!==', '!='].includes(n.operator)) {
      const left = unwrap(n.left);
      const right = unwrap(n.right);
      const value = stringOf(right) ?? stringOf(left);
      const side = stringOf(right) !== undefined ? left : right;
      if (value === undefined || !side) return undefined;
      if (this.envName(side) !== 'NODE_ENV' && !(side.type === 'Identifier' && /^(node_?env|env)$/i.test(side.name) && this.resolvesToNodeEnv(side))) return undefined;
      return { env: normalizeEnv(value), positive: n.operator === '===' || n.operator === '==' };
    }
    if (n.type === 'Identifier' || n.type === 'MemberExpression') {
      const name = n.type === 'Identifier' ? n.name : propName(n.property, n.computed);
      if (!name) return undefined;
      const m = /^(?:is|in)_?(prod|production|dev|development|test|testing|local)(?:uction|elopment|env|mode|environment)?$/i.exec(name);
      if (m) return { env: normalizeEnv(m[1]), positive: true };
      if (n.type === 'Identifier') {
        const d = this.decls.get(n.name);
        if (d && d.count === 1 && d.init && d.key === undefined && !this.mutated.has(n.name)) return this.envTest(d.init, depth + 1);
      }
    }
    return undefined;
  }

  private resolvesToNodeEnv(id: TSESTree.Identifier): boolean {
    const d = this.decls.get(id.name);
    if (!d || d.count !== 1 || !d.init) return false;
    if (d.key !== undefined) return d.key === 'NODE_ENV' && this.isProcessEnv(d.init);
    return this.envName(d.init) === 'NODE_ENV';
  }

  // ---- value summaries (after the walk) --------------------------------------------------

  /** What an expression evaluates to, as far as literals, env reads, object shapes and constants tell; `depth` bounds the nesting. */
  summarize(node: Node | null | undefined, depth: number): Value {
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
          const v = depth > 0 ? this.summarize(e, depth - 1) : ({ k: 'unknown' } as Value);
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
        const imported = this.imports.get(n.name);
        if (imported !== undefined) return { k: 'ref', name: imported };
        const d = this.decls.get(n.name);
        if (d && d.count === 1 && d.init && !this.mutated.has(n.name) && !this.summarizeSeen.has(n.name) && depth > 0) {
          this.summarizeSeen.add(n.name);
          try {
            if (d.key !== undefined) {
              if (this.isProcessEnv(d.init)) return { k: 'env', name: d.key };
              const base = this.summarize(d.init, depth - 1);
              if (base.k === 'obj') return (Object.hasOwn(base.props, d.key) ? base.props[d.key] : undefined) ?? { k: 'unknown' };
              const r = this.resolveName(n);
              return r ? { k: 'ref', name: r } : { k: 'unknown' };
            }
            return this.summarize(d.init, depth - 1);
          } finally {
            this.summarizeSeen.delete(n.name);
          }
        }
        return { k: 'ref', name: n.name };
      }
      case 'MemberExpression': {
        const env = this.envName(n);
        if (env !== undefined) return { k: 'env', name: env };
        const prop = propName(n.property, n.computed);
        if (prop !== undefined && depth > 0) {
          const base = this.summarize(n.object, depth - 1);
          if (base.k === 'obj' && prop in base.props) return base.props[prop];
        }
        const r = this.resolveName(n);
        return r ? { k: 'ref', name: r } : { k: 'unknown' };
      }
      case 'LogicalExpression': {
        if (n.operator === '&&') return { k: 'unknown' };
        const left = this.summarize(n.left, depth);
        if (left.k === 'env' && !left.or) return { k: 'env', name: left.name, or: this.summarize(n.right, depth) };
        if (left.k === 'env' && left.or) return left;
        return { k: 'unknown' };
      }
      case 'CallExpression':
      case 'NewExpression': {
        const callee = unwrap(n.callee);
        const name = callee?.type === 'Identifier' ? callee.name : callee?.type === 'MemberExpression' ? propName(callee.property, callee.computed) : undefined;
        if (n.type === 'CallExpression' && name && /^(Number|parseInt|parseFloat|String|normalizePort|toNumber|toInt)$/.test(name) && n.arguments[0]) {
          const calleeObj = callee?.type === 'MemberExpression' ? unwrap(callee.object) : undefined;
          if (!calleeObj || (calleeObj.type === 'Identifier' && /^(Number|Math|_|lodash)$/.test(calleeObj.name))) return this.summarize(n.arguments[0], depth);
        }
        const resolved = this.resolveName(n.callee) ?? '?';
        const args = depth > 0 ? this.summarizeArgs(n, depth - 1) : [];
        return n.type === 'NewExpression' ? { k: 'call', callee: resolved, args, isNew: true } : { k: 'call', callee: resolved, args };
      }
      case 'UnaryExpression':
        if (n.operator === '+') return this.summarize(n.argument, depth);
        return { k: 'unknown' };
      case 'BinaryExpression': {
        if (n.operator === '*' || n.operator === '/' || n.operator === '-') {
          const l = this.summarize(n.left, depth);
          const r = this.summarize(n.right, depth);
          if (l.k !== 'num' || r.k !== 'num') return { k: 'unknown' };
          return { k: 'num', v: n.operator === '*' ? l.v * r.v : n.operator === '/' ? l.v / r.v : l.v - r.v };
        }
        if (n.operator !== '+') return { k: 'unknown' };
        const l = this.summarize(n.left, depth);
        const r = this.summarize(n.right, depth);
        const text = (v: Value) => (v.k === 'str' ? v.v : v.k === 'num' ? String(v.v) : '${…}');
        if (l.k === 'num' && r.k === 'num') return { k: 'num', v: l.v + r.v };
        if (l.k !== 'str' && r.k !== 'str') return { k: 'unknown' };
        const partial = !(l.k === 'str' || l.k === 'num') || !(r.k === 'str' || r.k === 'num') || (l.k === 'str' && l.partial) || (r.k === 'str' && r.partial);
        return partial ? { k: 'str', v: text(l) + text(r), partial: true } : { k: 'str', v: text(l) + text(r) };
      }
      case 'ObjectExpression': {
        const props: Record<string, Value> = Object.create(null) as Record<string, Value>;
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
          props[key] = p.value.type === 'FunctionExpression' || p.kind !== 'init' ? { k: 'fn' } : depth > 0 ? this.summarize(p.value, depth - 1) : { k: 'unknown' };
        }
        return spread ? { k: 'obj', props, spread: true } : { k: 'obj', props };
      }
      case 'ArrayExpression':
        return { k: 'arr', items: depth > 0 ? n.elements.slice(0, 20).map((e) => (e && e.type !== 'SpreadElement' ? this.summarize(e, depth - 1) : ({ k: 'unknown' } as Value))) : [] };
      case 'ConditionalExpression': {
        const test = this.envTest(n.test);
        const out: Value = { k: 'cond', then: this.summarize(n.consequent, depth), else: this.summarize(n.alternate, depth) };
        if (test) out.test = test;
        return out;
      }
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return { k: 'fn' };
      default:
        return { k: 'unknown' };
    }
  }

  /** A call's first six arguments, summarized (a spread is unknown). */
  summarizeArgs(call: CallNode, depth: number): Value[] {
    return call.arguments.slice(0, 6).map((a) => (a.type === 'SpreadElement' ? ({ k: 'unknown' } as Value) : this.summarize(a, depth)));
  }
}

// ---- pure helpers ---------------------------------------------------------------------

export function toRange(node: Node): Range {
  const loc = node.loc;
  if (!loc) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { line: loc.start.line, column: loc.start.column + 1, endLine: loc.end.line, endColumn: loc.end.column + 1 };
}

/** Whether a node only wraps an expression (`x as T`, `x!`, `await x`, `(x)` …). */
export function isWrapper(node: Node): boolean {
  return WRAPPERS.has(node.type);
}

/** The expression under type assertions, `await`, optional chains and parentheses. */
export function unwrap(node: Node | null | undefined): Node | undefined {
  let n = node ?? undefined;
  let guard = 0;
  while (n && WRAPPERS.has(n.type) && guard++ < 20) n = (n as { expression?: Node; argument?: Node }).expression ?? (n as { argument?: Node }).argument;
  return n;
}

/** A property key as text when it is static: `a`, `'a'`, `1`, `` `a` ``. */
export function propName(node: Node, computed: boolean): string | undefined {
  if (!computed && node.type === 'Identifier') return node.name;
  if (node.type === 'Literal' && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `node:fs` → `fs`. */
export function normalizeModule(source: string): string {
  return source.startsWith('node:') ? source.slice(5) : source;
}

export function stringOf(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The name a literal is assigned to, if any. */
export function nameFor(node: Node, parent: Node | undefined, grand: Node | undefined): string | undefined {
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
export function normalizeEnv(value: string): string {
  const v = value.toLowerCase();
  if (v === 'prod' || v === 'production') return 'production';
  if (v === 'dev' || v === 'development' || v === 'local') return 'development';
  if (v === 'test' || v === 'testing') return 'test';
  return v;
}

function join(base: string, prop: string): string {
  return base.endsWith(':') ? base + prop : `${base}.${prop}`;
}
