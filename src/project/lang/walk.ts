import type { Value } from '../js/facts.js';
import type { TsNode } from './tree-sitter.js';
import type { Range } from '../range.js';

/** Pre-order walk of a tree-sitter tree; the visitor returns false to skip a node's children. Iterative: deep nesting cannot exhaust the stack. */
export function walkTree(root: TsNode, visit: (node: TsNode) => boolean): void {
  const stack: TsNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!visit(node)) continue;
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      if (c) stack.push(c);
    }
  }
}

/** A node's span, 1-based as everywhere in the project. */
export function rangeOf(node: TsNode): Range {
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1, endLine: node.endPosition.row + 1, endColumn: node.endPosition.column + 1 };
}

/**
 * A literal as a Value: a string (read by the language's own `stringValue`), a number, a boolean
 * (`true`/`false` nodes, or PHP's `boolean`); undefined for anything else.
 */
export function literalOf(node: TsNode, stringValue: (node: TsNode) => string | undefined): Value | undefined {
  const s = stringValue(node);
  if (s !== undefined) return { k: 'str', v: s };
  if (node.type === 'integer' || node.type === 'float') return { k: 'num', v: Number(node.text.replace(/_/g, '')) };
  if (node.type === 'true' || node.type === 'false') return { k: 'bool', v: node.type === 'true' };
  if (node.type === 'boolean') return { k: 'bool', v: /^true$/i.test(node.text) };
  return undefined;
}
