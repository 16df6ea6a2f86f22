import type { ImportFact } from '../facts.js';
import { stringOf, unwrap, type Node, type Scope } from './scope.js';
import type { FactVisitor } from './walk.js';

/**
 * The modules a file loads: `import`, `export … from`, `import x = require()`,
 * `import()` and `require()`, in source order; type-only imports are not loads.
 */
export function importsVisitor(scope: Scope): FactVisitor<ImportFact[]> {
  const facts: ImportFact[] = [];
  const note = (source: string, node: Node) => facts.push({ source, line: scope.line(node) });
  return {
    enter: {
      ImportDeclaration: (node) => {
        note(String(node.source.value), node);
      },
      TSImportEqualsDeclaration: (node) => {
        const ref = node.moduleReference;
        if (ref.type !== 'TSExternalModuleReference') return;
        const src = stringOf(ref.expression);
        if (src !== undefined) note(src, node);
      },
      ExportAllDeclaration: (node) => {
        if (node.source) note(String(node.source.value), node);
      },
      ExportNamedDeclaration: (node) => {
        if (node.source) note(String(node.source.value), node);
      },
      ImportExpression: (node) => {
        const src = stringOf(node.source);
        if (src !== undefined) note(src, node);
      },
      CallExpression: (node) => {
        const callee = unwrap(node.callee);
        if (callee?.type !== 'Identifier' || callee.name !== 'require') return;
        const src = stringOf(node.arguments[0]);
        if (src !== undefined) note(src, node);
      },
    },
    finish: () => facts,
  };
}
