import type { EnvReadFact, JsFacts } from '../js/facts.js';
import type { TsNode } from '../lang/tree-sitter.js';
import { rangeOf, walkTree } from '../lang/walk.js';

/**
 * The facts of a Go file, in the shape the source rules read: imports, environment reads
 * (`os.Getenv`, `os.LookupEnv`, and whether the code checks the value), variables the code sets
 * itself (`os.Setenv`), and string literals that may be secrets (named by the constant, variable,
 * struct field or key they are given to).
 */
export function extractGoFacts(root: TsNode): JsFacts {
  const facts: JsFacts = { imports: [], calls: [], envReads: [], envWrites: [], nodeEnvChecks: [], strings: [], signalHandlers: [], dbChoices: [] };
  const os = osNames(root);
  // Locals compared with "" (`if port == "" { port = "8080" }`): a read stored in one of them is checked.
  const checked = new Set<string>();
  walkTree(root, (node) => {
    if (node.type === 'binary_expression' && /^(==|!=)$/.test(node.childForFieldName('operator')?.text ?? '')) {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      for (const [a, b] of [[left, right], [right, left]] as const) if (a?.type === 'identifier' && b && stringValue(b) === '') checked.add(a.text);
    }
    return true;
  });
  walkTree(root, (node) => {
    switch (node.type) {
      case 'import_spec': {
        const path = node.childForFieldName('path');
        const source = path ? stringValue(path) : undefined;
        if (source) facts.imports.push({ source, line: node.startPosition.row + 1 });
        return false;
      }
      case 'call_expression': {
        const fn = node.childForFieldName('function');
        const args = node.childForFieldName('arguments')?.namedChildren ?? [];
        if (fn?.type !== 'selector_expression' || !os.has(fn.childForFieldName('operand')?.text ?? '')) return true;
        const name = args[0] ? stringValue(args[0]) : undefined;
        if (name === undefined) return true;
        const method = fn.childForFieldName('field')?.text;
        if (method === 'Setenv') facts.envWrites.push(name);
        else if (method === 'Getenv' || method === 'LookupEnv') facts.envReads.push(envRead(node, name, method === 'LookupEnv', checked));
        return true;
      }
      case 'field_declaration': {
        // `DSN string \`env:"DATABASE_URL,required"\`` (caarlos0/env), `\`envconfig:"PORT" default:"8080"\`` (envconfig).
        const tag = node.childForFieldName('tag');
        const read = tag ? tagRead(tag) : undefined;
        if (read) facts.envReads.push({ name: read.name, range: rangeOf(tag!), hasDefault: !read.required, ...(read.fallback !== undefined ? { fallback: { k: 'str' as const, v: read.fallback } } : {}) });
        return true;
      }
      case 'const_spec':
      case 'var_spec': {
        const names = node.childrenForFieldName('name').filter((n): n is TsNode => n !== null);
        const values = node.childForFieldName('value')?.namedChildren ?? [];
        names.forEach((n, i) => {
          const v = values[i] ? stringValue(values[i]!) : undefined;
          if (v !== undefined) facts.strings.push({ value: v, range: rangeOf(values[i]!), name: n.text });
        });
        return true;
      }
      case 'short_var_declaration':
      case 'assignment_statement': {
        const left = node.childForFieldName('left')?.namedChildren ?? [];
        const right = node.childForFieldName('right')?.namedChildren ?? [];
        left.forEach((l, i) => {
          const r = right[i];
          const v = r ? stringValue(r) : undefined;
          const name = l?.type === 'identifier' ? l.text : l?.type === 'selector_expression' ? l.childForFieldName('field')?.text : undefined;
          if (name && r && v !== undefined) facts.strings.push({ value: v, range: rangeOf(r), name });
        });
        return true;
      }
      case 'keyed_element': {
        // Config{Password: "…"}, map[string]string{"token": "…"}
        const [key, value] = node.namedChildren;
        const k = key ? (key.namedChildren[0]?.type === 'identifier' ? key.namedChildren[0].text : key.namedChildren[0] ? stringValue(key.namedChildren[0]) : undefined) : undefined;
        const literal = value?.namedChildren[0];
        const v = literal ? stringValue(literal) : undefined;
        if (k && literal && v !== undefined) facts.strings.push({ value: v, range: rangeOf(literal), name: k });
        return true;
      }
      default:
        return true;
    }
  });
  return facts;
}

/** Local names of the os package (`import "os"`, `import sys "os"`). */
function osNames(root: TsNode): Set<string> {
  const out = new Set<string>();
  walkTree(root, (node) => {
    if (node.type !== 'import_spec') return node.type === 'source_file' || node.type === 'import_declaration' || node.type === 'import_spec_list';
    const path = node.childForFieldName('path');
    if (path && stringValue(path) === 'os') out.add(node.childForFieldName('name')?.text ?? 'os');
    return false;
  });
  return out;
}

/** An env var a struct tag binds: its name, whether the library requires it, its default. */
function tagRead(tag: TsNode): { name: string; required: boolean; fallback?: string } | undefined {
  const text = tag.text.slice(1, -1);
  const value = (key: string) => new RegExp(`(?:^|\\s)${key}:"([^"]*)"`).exec(text)?.[1];
  const env = value('env');
  if (env !== undefined) {
    const [name, ...options] = env.split(',');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return undefined;
    const fallback = value('envDefault');
    return { name, required: options.includes('required') || options.includes('notEmpty'), ...(fallback !== undefined ? { fallback } : {}) };
  }
  const name = value('envconfig');
  if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return undefined;
  const fallback = value('default');
  return { name, required: value('required') === 'true', ...(fallback !== undefined ? { fallback } : {}) };
}

function envRead(call: TsNode, name: string, lookup: boolean, checked: ReadonlySet<string>): EnvReadFact {
  // Go code goes on with "" when a variable is unset: a required one is declared (a struct tag) or checked and fatal.
  const read: EnvReadFact = { name, range: rangeOf(call), hasDefault: !lookup, ...(!lookup ? { fallback: { k: 'str' as const, v: '' } } : {}) };
  // `v, ok := os.LookupEnv("X")`: the code asks whether it is set.
  if (lookup) read.condition = true;
  const parent = call.parent;
  // `if os.Getenv("DEBUG") != "" {`, `os.Getenv("X") == "true"`: a test.
  if (parent?.type === 'binary_expression') read.condition = true;
  // `port := os.Getenv("PORT")` then `if port == "" { port = "8080" }`.
  const decl = parent?.type === 'expression_list' ? parent.parent : undefined;
  if (decl && (decl.type === 'short_var_declaration' || decl.type === 'assignment_statement' || decl.type === 'var_spec')) {
    const target = decl.type === 'var_spec' ? decl.childForFieldName('name') : decl.childForFieldName('left')?.namedChildren[0];
    if (target && checked.has(target.text)) read.condition = true;
  }
  return read;
}

/** The value of a Go string literal (interpreted or raw); undefined for anything else. */
export function stringValue(node: TsNode): string | undefined {
  if (node.type === 'raw_string_literal') return node.text.slice(1, -1);
  if (node.type !== 'interpreted_string_literal') return undefined;
  let out = '';
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'interpreted_string_literal_content') out += c.text;
    else if (c.type === 'escape_sequence') out += c.text.length === 2 ? ({ n: '\n', t: '\t', '"': '"', '\\': '\\' } as Record<string, string>)[c.text[1]] ?? c.text : c.text;
  }
  return out;
}

