import type { JsFacts, Value } from '../js/facts.js';
import type { TsNode } from '../lang/tree-sitter.js';
import { literalOf, rangeOf, walkTree } from '../lang/walk.js';

/**
 * The facts of a PHP file, in the shape the source rules read: environment reads (`getenv('X')`
 * is false and Laravel's `env('X')` null when unset, `env('X', d)` falls back, `$_ENV['X']`,
 * `$_SERVER['X']`), variables the code sets (`putenv('X=…')`), and named string literals
 * (`$password = '…'`, `'password' => '…'`, `const API_KEY = '…'`).
 */
export function extractPhpFacts(root: TsNode): JsFacts {
  const facts: JsFacts = { imports: [], calls: [], envReads: [], envWrites: [], nodeEnvChecks: [], strings: [], signalHandlers: [], dbChoices: [] };
  walkTree(root, (node) => {
    switch (node.type) {
      case 'function_call_expression': {
        const fn = node.childForFieldName('function')?.text;
        const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is TsNode => a?.type === 'argument').map((a) => a.namedChildren[0]).filter((a): a is TsNode => a !== null && a !== undefined);
        const name = args[0] ? stringValue(args[0]) : undefined;
        if (name === undefined) return true;
        if (fn === 'putenv') facts.envWrites.push(name.split('=')[0]);
        else if (fn === 'getenv' || fn === 'env') {
          const lit = args[1] ? literal(args[1]) : undefined;
          facts.envReads.push({ name, range: rangeOf(node), hasDefault: true, ...(lit ? { fallback: lit } : {}) });
          if (lit?.k === 'str') facts.strings.push({ value: lit.v, range: rangeOf(args[1]!), name, envFallback: name });
        }
        return true;
      }
      case 'subscript_expression': {
        const [object, key] = node.namedChildren;
        const name = key ? stringValue(key) : undefined;
        if (name !== undefined && /^\$_(ENV|SERVER)$/.test(object?.text ?? '')) facts.envReads.push({ name, range: rangeOf(node), hasDefault: true });
        return true;
      }
      case 'assignment_expression': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const v = right ? stringValue(right) : undefined;
        const name = left?.type === 'variable_name' ? left.text.replace(/^\$/, '') : left?.type === 'member_access_expression' ? left.childForFieldName('name')?.text : undefined;
        if (name && right && v !== undefined) facts.strings.push({ value: v, range: rangeOf(right), name });
        return true;
      }
      case 'array_element_initializer': {
        const [key, value] = node.namedChildren;
        const k = key && value ? stringValue(key) : undefined;
        const v = value ? stringValue(value) : undefined;
        if (k !== undefined && value && v !== undefined) facts.strings.push({ value: v, range: rangeOf(value), name: k });
        return true;
      }
      case 'const_element': {
        const [name, value] = node.namedChildren;
        const v = value ? stringValue(value) : undefined;
        if (name && value && v !== undefined) facts.strings.push({ value: v, range: rangeOf(value), name: name.text });
        return true;
      }
      default:
        return true;
    }
  });
  return facts;
}

function literal(node: TsNode): Value | undefined {
  return literalOf(node, stringValue);
}

/** A plain string literal: single-quoted, or double-quoted without variables; undefined otherwise. */
function stringValue(node: TsNode): string | undefined {
  if (node.type !== 'string' && node.type !== 'encapsed_string') return undefined;
  let out = '';
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'string_content' || c.type === 'string_value') out += c.text;
    else if (c.type === 'escape_sequence') out += c.text;
    else return undefined;
  }
  return out;
}
