import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Context, EnvTest } from '../facts.js';
import { propName, type CallNode, type Node, type Scope } from './scope.js';

/**
 * The one walk over a program. It keeps where a node sits (its ancestors, the
 * call it is part of, its `Context`) and hands each node to the visitors'
 * handlers for its type, then to the scope's, so that a visitor sees the names
 * as they were before the node (`const { X } = process.env` is judged before it
 * declares anything). Type-only code is never entered.
 */

/** Called as the walk enters a node, before its children; `false` keeps the walk out of them (for every visitor). */
export type Handler<N extends Node = Node> = (node: N, at: Walk) => false | void;
export type Handlers = { [T in Node['type']]?: Handler<Extract<Node, { type: T }>> };

export interface Visitor {
  readonly enter: Handlers;
}

/** A visitor that turns what it collected into facts once the walk is over (resolution needs every declaration). */
export interface FactVisitor<T> extends Visitor {
  finish(): T;
}

/** Keys that never hold runtime code (types) or are not children. */
const SKIP_KEYS = new Set(['type', 'loc', 'range', 'parent', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments', 'implements', 'decorators']);
const SKIP_TYPES = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSDeclareFunction', 'TSEmptyBodyFunctionExpression', 'TSAbstractMethodDefinition', 'TSAbstractPropertyDefinition', 'TSIndexSignature']);

export class Walk {
  /** Enclosing nodes, outermost first. */
  readonly ancestors: Node[] = [];
  /** The context of the node being entered. */
  ctx: Context | undefined;
  /** The innermost call whose callee or arguments hold the node being entered. */
  call: CallNode | undefined;
  private readonly handlers = new Map<string, Handler[]>();

  constructor(private readonly scope: Scope) {}

  get parent(): Node | undefined {
    return this.ancestors[this.ancestors.length - 1];
  }

  get grand(): Node | undefined {
    return this.ancestors[this.ancestors.length - 2];
  }

  run(program: TSESTree.Program, visitors: readonly Visitor[]): void {
    for (const visitor of [...visitors, this.scope]) {
      for (const [type, handler] of Object.entries(visitor.enter) as [string, Handler][]) {
        const list = this.handlers.get(type);
        if (list) list.push(handler);
        else this.handlers.set(type, [handler]);
      }
    }
    this.visit(program, undefined);
  }

  private visit(node: Node, ctx: Context | undefined): void {
    if (SKIP_TYPES.has(node.type) || (node.type === 'ImportDeclaration' && node.importKind === 'type')) return;
    if (!this.enter(node, ctx)) return;
    switch (node.type) {
      // Leaves: no runtime code below, and a module name is not one of the program's strings.
      case 'ImportDeclaration':
      case 'TSImportEqualsDeclaration':
      case 'Literal':
        return;
      case 'TemplateLiteral':
        if (node.expressions.length === 0) return;
        break;
      case 'CallExpression':
      case 'NewExpression': {
        const saved = this.call;
        this.call = node;
        this.ancestors.push(node);
        this.visit(node.callee, ctx);
        for (const a of node.arguments) this.visit(a, ctx);
        this.ancestors.pop();
        this.call = saved;
        return;
      }
      case 'Property': {
        const key = propName(node.key, node.computed);
        this.ancestors.push(node);
        if (node.computed) this.visit(node.key, ctx);
        this.visit(node.value, key === undefined ? ctx : withKey(ctx, key));
        this.ancestors.pop();
        return;
      }
      case 'IfStatement':
      case 'ConditionalExpression': {
        const test = this.scope.envTest(node.test);
        this.ancestors.push(node);
        this.visit(node.test, ctx);
        this.visit(node.consequent, withEnv(ctx, test, true));
        if (node.alternate) this.visit(node.alternate, withEnv(ctx, test, false));
        this.ancestors.pop();
        return;
      }
      default:
        break;
    }
    this.ancestors.push(node);
    forEachChild(node, (child) => this.visit(child, ctx), this.scope.tree?.childKeys);
    this.ancestors.pop();
  }

  /** Hands a node to the handlers for its type; false when one of them keeps the walk out of its children. */
  private enter(node: Node, ctx: Context | undefined): boolean {
    const handlers = this.handlers.get(node.type);
    if (!handlers) return true;
    this.ctx = ctx;
    let into = true;
    for (const handler of handlers) if (handler(node, this) === false) into = false;
    return into;
  }
}

/**
 * The keys that hold a node type's children, in the order to visit them. typescript-estree builds
 * its nodes with their keys in alphabetical order, and the order facts are found in follows it;
 * oxc-parser's nodes have another order (`callee` before `arguments`), so for them the walk takes
 * oxc's `visitorKeys`, sorted (see childKeysOf).
 */
export type ChildKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** A parser's visitor keys in typescript-estree's order (alphabetical), without the keys the walk skips. */
export function childKeysOf(visitorKeys: Readonly<Record<string, readonly string[]>>): ChildKeys {
  const out: Record<string, readonly string[]> = {};
  for (const [type, keys] of Object.entries(visitorKeys)) out[type] = keys.filter((k) => !SKIP_KEYS.has(k)).sort();
  return out;
}

/** Calls `fn` on each child node that may hold runtime code, in the order of `keys`, else in the node's own key order. */
export function forEachChild(node: Node, fn: (child: Node) => void, keys?: ChildKeys): void {
  const record = node as Node & Record<string, unknown>;
  const ordered = keys?.[node.type];
  if (ordered) {
    for (const key of ordered) visitValue(record[key], fn);
    return;
  }
  for (const key in record) if (!SKIP_KEYS.has(key)) visitValue(record[key], fn);
}

function visitValue(child: unknown, fn: (child: Node) => void): void {
  if (!child || typeof child !== 'object') return;
  if (Array.isArray(child)) {
    for (const c of child) if (c && typeof c === 'object' && typeof (c as Node).type === 'string') fn(c as Node);
  } else if (typeof (child as Node).type === 'string') fn(child as Node);
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
