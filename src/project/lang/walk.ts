import type { TsNode } from './tree-sitter.js';

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
