import type { JsFacts, Value } from '../js/facts.js';
import type { TsNode } from '../lang/tree-sitter.js';
import { literalOf, rangeOf, walkTree } from '../lang/walk.js';

/**
 * The facts of a Ruby file, in the shape the source rules read: environment reads (`ENV['X']` is
 * nil when unset, `ENV.fetch('X')` raises, `ENV.fetch('X', d)` and `ENV.fetch('X') { d }` fall
 * back), variables the code sets (`ENV['X'] = …`), named string literals, and `require`s.
 */
export function extractRubyFacts(root: TsNode): JsFacts {
  const facts: JsFacts = { imports: [], calls: [], envReads: [], envWrites: [], nodeEnvChecks: [], strings: [], signalHandlers: [], dbChoices: [] };
  walkTree(root, (node) => {
    switch (node.type) {
      case 'element_reference': {
        const object = node.childForFieldName('object');
        const key = node.namedChildren[1];
        const name = key ? stringValue(key) : undefined;
        if (object?.text !== 'ENV' || name === undefined) return true;
        const parent = node.parent;
        if (parent?.type === 'assignment' && parent.childForFieldName('left')?.id === node.id) facts.envWrites.push(name);
        else facts.envReads.push({ name, range: rangeOf(node), hasDefault: true, ...(isCheck(node) ? { condition: true as const } : {}) });
        return true;
      }
      case 'call': {
        const receiver = node.childForFieldName('receiver');
        const method = node.childForFieldName('method')?.text;
        const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is TsNode => a !== null);
        if (receiver?.text === 'ENV' && method === 'fetch') {
          const name = args[0] ? stringValue(args[0]) : undefined;
          if (name === undefined) return true;
          const fallback = args[1];
          const block = node.childForFieldName('block');
          const lit = fallback ? literal(fallback) : undefined;
          facts.envReads.push({ name, range: rangeOf(node), hasDefault: fallback !== undefined || block !== null, ...(lit ? { fallback: lit } : {}) });
          if (fallback && lit?.k === 'str') facts.strings.push({ value: lit.v, range: rangeOf(fallback), name, envFallback: name });
        } else if (receiver?.text === 'ENV' && /^(key\?|has_key\?|include\?|member\?)$/.test(method ?? '')) {
          // `ENV.key?('OIDC_ISSUER')`: the code asks whether it is set.
          const name = args[0] ? stringValue(args[0]) : undefined;
          if (name !== undefined) facts.envReads.push({ name, range: rangeOf(node), hasDefault: true, condition: true });
        } else if (!receiver && (method === 'require' || method === 'require_relative')) {
          const source = args[0] ? stringValue(args[0]) : undefined;
          if (source && method === 'require') facts.imports.push({ source, line: node.startPosition.row + 1 });
        }
        return true;
      }
      case 'assignment': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const v = right ? stringValue(right) : undefined;
        const name = left && /^(constant|identifier|instance_variable|class_variable|global_variable)$/.test(left.type) ? left.text.replace(/^[@$]+/, '') : undefined;
        if (name && right && v !== undefined) facts.strings.push({ value: v, range: rangeOf(right), name });
        return true;
      }
      case 'pair': {
        const key = node.childForFieldName('key');
        const value = node.childForFieldName('value');
        const k = key ? (key.type === 'hash_key_symbol' || key.type === 'simple_symbol' ? key.text.replace(/^:/, '') : stringValue(key)) : undefined;
        const v = value ? stringValue(value) : undefined;
        if (k !== undefined && value && v !== undefined) facts.strings.push({ value: v, range: rangeOf(value), name: k });
        return true;
      }
      default:
        return true;
    }
  });
  return facts;
}

/**
 * A read that tests whether the variable is set: in the condition of an `if`/`unless`/`while`/ternary
 * (`if !ENV['X'].to_s.empty?`), or asked a predicate (`ENV['X'].present?`). Code that then calls
 * `ENV.fetch('X')` in the same file does so only when it is set.
 */
function isCheck(node: TsNode): boolean {
  let child = node;
  for (let p = node.parent, depth = 0; p && depth < 8; child = p, p = p.parent, depth++) {
    if (p.type === 'call' && /\?$/.test(p.childForFieldName('method')?.text ?? '')) return true;
    if (/^(if|unless|while|until|if_modifier|unless_modifier|while_modifier|until_modifier|conditional|elsif)$/.test(p.type)) return p.childForFieldName('condition')?.id === child.id;
    if (!/^(call|unary|binary|parenthesized_statements|argument_list)$/.test(p.type)) return false;
  }
  return false;
}

function literal(node: TsNode): Value | undefined {
  return literalOf(node, stringValue);
}

/** A plain string literal (no interpolation); undefined otherwise. */
function stringValue(node: TsNode): string | undefined {
  if (node.type !== 'string') return undefined;
  let out = '';
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'interpolation') return undefined;
    if (c.type === 'string_content') out += c.text;
    else if (c.type === 'escape_sequence') out += c.text;
  }
  return out;
}
