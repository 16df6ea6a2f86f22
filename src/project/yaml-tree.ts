import { Composer, LineCounter, Parser, visit, isAlias, isMap, isScalar, isSeq, isPair, isNode, Scalar } from 'yaml';
import type { Alias, CST, Document, Node as YamlAstNode } from 'yaml';
import { DEFAULT_LIMITS, limitName } from './limits.js';
import type { Range } from './range.js';

/**
 * A position-carrying YAML tree with aliases and merge keys already resolved.
 * Rules read this instead of the `yaml` AST so they never deal with aliases,
 * merge keys or offsets.
 */
export type YNode = YMap | YSeq | YScalar;

export interface YEntry {
  key: string;
  keyRange: Range;
  value: YNode;
  /** True when the entry came in through a `<<` merge key. */
  merged: boolean;
}

export interface YMap {
  kind: 'map';
  range: Range;
  entries: YEntry[];
}

export interface YSeq {
  kind: 'seq';
  range: Range;
  items: YNode[];
}

export type ScalarValue = string | number | boolean | null;

export interface YScalar {
  kind: 'scalar';
  range: Range;
  value: ScalarValue;
  /** Whether the scalar was written quoted or as a block; plain scalars are typed by YAML. */
  quoted: boolean;
}

export interface YamlProblem {
  message: string;
  range: Range;
  code: 'syntax' | 'duplicate-key' | 'alias-limit' | 'depth-limit' | 'not-a-mapping';
}

export interface ParsedYaml {
  root: YNode | undefined;
  problems: YamlProblem[];
  /** Comments are needed for suppression directives; kept as raw text. */
  text: string;
}

/** Upper bound on nodes produced by alias expansion: a "billion laughs" file stops here. */
export const MAX_EXPANDED_NODES = 100_000;

class ExpansionLimit extends Error {}
class DepthLimit extends Error {}

export function parseYaml(text: string, maxDepth: number = DEFAULT_LIMITS.maxDepth): ParsedYaml {
  const lineCounter = new LineCounter();
  const problems: YamlProblem[] = [];
  let doc: Document.Parsed | undefined;
  try {
    // The library's parser is iterative but its composer recurses: deep nesting is refused
    // from the token tree before composing, with a message that names the limit.
    const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
    const deep = tooDeep(tokens, maxDepth);
    if (deep !== undefined) {
      problems.push({ message: `YAML nests more than ${maxDepth} levels deep (${limitName('maxDepth')}); the file was not read`, range: rangeOf(lineCounter, [deep, deep]), code: 'depth-limit' });
      return { root: undefined, problems, text };
    }
    // uniqueKeys in the library compares each key with every earlier one (quadratic in a
    // map's size); duplicateKeys below does the same check with a set.
    const composer = new Composer({ merge: false, uniqueKeys: false, prettyErrors: false, strict: false });
    for (const composed of composer.compose(tokens, true, text.length)) {
      if (!doc) doc = composed;
      else {
        problems.push({ message: 'Source contains multiple documents', range: rangeOf(lineCounter, composed.range), code: 'syntax' });
        break;
      }
    }
  } catch (error) {
    problems.push({ message: `YAML could not be parsed: ${(error as Error).message}`, range: rangeOf(lineCounter, [0, 0]), code: 'syntax' });
    return { root: undefined, problems, text };
  }
  if (!doc) return { root: undefined, problems, text };
  for (const err of doc.errors) {
    const code = /unique/i.test(err.message) ? 'duplicate-key' : 'syntax';
    problems.push({ message: firstLine(err.message), range: rangeOf(lineCounter, err.pos), code });
  }
  if (problems.length === 0 && doc.errors.length === 0) {
    for (const key of duplicateKeys(doc)) problems.push({ message: 'Map keys must be unique', range: rangeOf(lineCounter, key.range ?? undefined), code: 'duplicate-key' });
  }
  if (problems.length > 0) return { root: undefined, problems, text };
  const contents = doc.contents as YamlAstNode | null;
  if (!contents) return { root: undefined, problems, text };
  const builder = new TreeBuilder(doc, lineCounter, maxDepth);
  try {
    return { root: builder.build(contents), problems, text };
  } catch (error) {
    if (error instanceof ExpansionLimit) {
      problems.push({
        message: `YAML aliases expand to more than ${MAX_EXPANDED_NODES} nodes; the file was not read further (possible alias bomb)`,
        range: rangeOf(lineCounter, [0, 0]),
        code: 'alias-limit',
      });
      return { root: undefined, problems, text };
    }
    if (error instanceof DepthLimit) {
      problems.push({ message: `YAML aliases nest more than ${maxDepth} levels deep (${limitName('maxDepth')}); the file was not read`, range: rangeOf(lineCounter, [0, 0]), code: 'depth-limit' });
      return { root: undefined, problems, text };
    }
    throw error;
  }
}

type Token = CST.Token | CST.CollectionItem['key'];

/** Offset of the first collection nested deeper than maxDepth, if any (walked with an explicit stack). */
function tooDeep(tokens: readonly CST.Token[], maxDepth: number): number | undefined {
  const stack: { token: Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: Token; depth: number };
    if (!token) continue;
    if (token.type === 'document') {
      stack.push({ token: token.value, depth });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > maxDepth) return token.offset;
      for (const item of token.items) {
        stack.push({ token: item.key, depth: depth + 1 });
        stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function rangeOf(lc: LineCounter, pos: readonly number[] | undefined): Range {
  const start = pos?.[0] ?? 0;
  const end = pos?.[1] ?? start;
  const a = lc.linePos(start);
  const b = lc.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/** Scalar keys repeated within one mapping, in document order (what YAML forbids and docker refuses). */
function duplicateKeys(doc: Document.Parsed): YamlAstNode[] {
  const found: YamlAstNode[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) found.push(pair.key);
        else seen.add(pair.key.value);
      }
    },
  });
  return found;
}

/**
 * The node each alias refers to: the last node with that anchor before the
 * alias in document order. One pass over the document; the library's
 * Alias.resolve walks the document again for every alias, which made a
 * chain of a few thousand aliases take minutes.
 */
function aliasTargets(doc: Document.Parsed): Map<Alias, YamlAstNode> {
  const anchors = new Map<string, YamlAstNode>();
  const targets = new Map<Alias, YamlAstNode>();
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
    } else if (isNode(node) && node.anchor) {
      anchors.set(node.anchor, node);
    }
  });
  return targets;
}

class TreeBuilder {
  private count = 0;
  private readonly stack = new Set<YamlAstNode>();
  private readonly targets: Map<Alias, YamlAstNode>;

  private depth = 0;

  constructor(doc: Document.Parsed, private readonly lc: LineCounter, private readonly maxDepth: number) {
    this.targets = aliasTargets(doc);
  }

  build(node: unknown, fallback?: Range): YNode {
    if (++this.count > MAX_EXPANDED_NODES) throw new ExpansionLimit();
    // Aliases can nest what the text does not (a chain of lists each holding the previous one).
    if (this.depth > this.maxDepth * 2) throw new DepthLimit();
    this.depth++;
    try {
      return this.buildNode(node, fallback);
    } finally {
      this.depth--;
    }
  }

  private buildNode(node: unknown, fallback?: Range): YNode {
    if (isAlias(node)) {
      const target = this.targets.get(node);
      if (!target || this.stack.has(target)) return { kind: 'scalar', value: null, quoted: false, range: this.range(node) };
      this.stack.add(target);
      try {
        return this.build(target, this.range(node));
      } finally {
        this.stack.delete(target);
      }
    }
    if (isMap(node)) {
      const entries: YEntry[] = [];
      const merges: YNode[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode ?? '');
        const keyRange = isScalar(keyNode) || isMap(keyNode) || isSeq(keyNode) ? this.range(keyNode) : fallback ?? this.range(node);
        if (key === '<<' && isScalar(keyNode) && keyNode.type === Scalar.PLAIN) {
          merges.push(this.build(pair.value, keyRange));
          continue;
        }
        const value = pair.value == null ? nullAfter(keyRange) : this.build(pair.value, keyRange);
        entries.push({ key, keyRange, value, merged: false });
      }
      // Merge keys: explicit keys win; among merged maps the first one listed wins.
      const seen = new Set(entries.map((e) => e.key));
      for (const source of merges) {
        const maps = source.kind === 'map' ? [source] : source.kind === 'seq' ? source.items.filter((i): i is YMap => i.kind === 'map') : [];
        for (const map of maps) {
          for (const entry of map.entries) {
            if (seen.has(entry.key)) continue;
            seen.add(entry.key);
            entries.push({ ...entry, merged: true });
          }
        }
      }
      return { kind: 'map', range: this.range(node), entries };
    }
    if (isSeq(node)) {
      return { kind: 'seq', range: this.range(node), items: node.items.map((item) => this.build(item, this.range(node))) };
    }
    if (isScalar(node)) {
      const v = node.value;
      const value: ScalarValue =
        v === null || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      const quoted = node.type !== Scalar.PLAIN && node.type !== undefined;
      return { kind: 'scalar', range: this.range(node), value, quoted };
    }
    return { kind: 'scalar', range: fallback ?? { line: 1, column: 1, endLine: 1, endColumn: 1 }, value: null, quoted: false };
  }

  private range(node: { range?: readonly number[] | null } | null | undefined): Range {
    return rangeOf(this.lc, node?.range ?? undefined);
  }
}

function nullAfter(keyRange: Range): YScalar {
  return { kind: 'scalar', value: null, quoted: false, range: { line: keyRange.endLine, column: keyRange.endColumn, endLine: keyRange.endLine, endColumn: keyRange.endColumn } };
}

// ---- small helpers rules use -------------------------------------------------

export function getEntry(node: YNode | undefined, key: string): YEntry | undefined {
  if (!node || node.kind !== 'map') return undefined;
  return node.entries.find((e) => e.key === key);
}

export function getValue(node: YNode | undefined, key: string): YNode | undefined {
  return getEntry(node, key)?.value;
}

export function getPath(node: YNode | undefined, path: readonly (string | number)[]): YNode | undefined {
  let cur = node;
  for (const part of path) {
    if (!cur) return undefined;
    if (typeof part === 'number') cur = cur.kind === 'seq' ? cur.items[part] : undefined;
    else cur = getValue(cur, part);
  }
  return cur;
}

export function scalarString(node: YNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

export function isNullNode(node: YNode | undefined): boolean {
  return !node || (node.kind === 'scalar' && node.value === null);
}

/** Plain JavaScript value of a node (used for schema checks and hashing). */
export function toPlain(node: YNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toPlain);
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const e of node.entries) out[e.key] = toPlain(e.value);
  return out;
}

/** The last line a YAML node covers: a block map's range ends at column 1 of the next line. */
export function lastLine(range: { line: number; endLine: number; endColumn: number }): number {
  return range.endColumn === 1 && range.endLine > range.line ? range.endLine - 1 : range.endLine;
}
