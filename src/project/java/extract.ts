import type { JsFacts } from '../js/facts.js';
import type { TsNode } from '../lang/tree-sitter.js';
import { rangeOf, walkTree } from '../lang/walk.js';

/**
 * The facts of a Java file, in the shape the source rules read: environment reads
 * (`System.getenv("X")` is null when unset, `System.getenv().getOrDefault("X", d)` falls back)
 * and named string literals (fields, local variables, assignments), plus imports.
 */
export function extractJavaFacts(root: TsNode): JsFacts {
  const facts: JsFacts = { imports: [], calls: [], envReads: [], envWrites: [], nodeEnvChecks: [], strings: [], signalHandlers: [], dbChoices: [] };
  walkTree(root, (node) => {
    switch (node.type) {
      case 'import_declaration': {
        const name = node.namedChildren.find((c) => c?.type === 'scoped_identifier' || c?.type === 'identifier');
        if (name) facts.imports.push({ source: name.text, line: node.startPosition.row + 1 });
        return false;
      }
      case 'method_invocation': {
        const object = node.childForFieldName('object');
        const method = node.childForFieldName('name')?.text;
        const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is TsNode => a !== null);
        const name = args[0] ? stringValue(args[0]) : undefined;
        if (name === undefined) return true;
        // System.getenv("X"): null when unset, as the code goes on without it.
        if (object?.text === 'System' && method === 'getenv') facts.envReads.push({ name, range: rangeOf(node), hasDefault: true });
        // System.getenv().getOrDefault("X", "d")
        else if (object?.type === 'method_invocation' && object.text.replace(/\s+/g, '') === 'System.getenv()' && method === 'getOrDefault') {
          const d = args[1] ? stringValue(args[1]) : undefined;
          facts.envReads.push({ name, range: rangeOf(node), hasDefault: true, ...(d !== undefined ? { fallback: { k: 'str' as const, v: d } } : {}) });
          if (d !== undefined) facts.strings.push({ value: d, range: rangeOf(args[1]!), name, envFallback: name });
        }
        return true;
      }
      case 'variable_declarator': {
        const name = node.childForFieldName('name')?.text;
        const value = node.childForFieldName('value');
        const v = value ? stringValue(value) : undefined;
        if (name && value && v !== undefined) facts.strings.push({ value: v, range: rangeOf(value), name });
        return true;
      }
      case 'assignment_expression': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const v = right ? stringValue(right) : undefined;
        const name = left?.type === 'identifier' ? left.text : left?.type === 'field_access' ? left.childForFieldName('field')?.text : undefined;
        if (name && right && v !== undefined) facts.strings.push({ value: v, range: rangeOf(right), name });
        return true;
      }
      default:
        return true;
    }
  });
  return facts;
}

/** A plain string literal; undefined for anything else (text blocks with escapes are read as written). */
function stringValue(node: TsNode): string | undefined {
  if (node.type !== 'string_literal') return undefined;
  let out = '';
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'string_fragment' || c.type === 'escape_sequence' || c.type === 'multiline_string_fragment') out += c.text;
    else return undefined;
  }
  return out;
}
