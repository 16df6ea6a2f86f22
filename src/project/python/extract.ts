import type { CallFact, EnvReadFact, ImportFact, JsFacts, SettingFact, StringFact, Value } from '../js/facts.js';
import type { TsNode } from '../lang/tree-sitter.js';
import { literalOf, rangeOf, walkTree } from '../lang/walk.js';

/**
 * The facts of a Python file, in the shape the source rules read (the same as JS/TS):
 * imports, environment reads with their defaults (os.environ / os.getenv, django-environ,
 * python-decouple), variables the code sets itself, and string literals that may be secrets.
 * Everything else a JS file can say (servers, clients, loggers) is not extracted yet: empty.
 */
export function extractPythonFacts(root: TsNode): JsFacts {
  const facts: JsFacts = { imports: [], calls: [], envReads: [], envWrites: [], nodeEnvChecks: [], strings: [], signalHandlers: [], dbChoices: [] };
  const names = bindings(root);
  const readNodes = new Set<number>();
  walkTree(root, (node) => {
    switch (node.type) {
      case 'import_statement':
      case 'import_from_statement':
        for (const source of importSources(node)) facts.imports.push({ source, line: node.startPosition.row + 1 } satisfies ImportFact);
        return false;
      case 'call': {
        const log = loggingCall(node);
        if (log) facts.calls.push(log);
        const read = envCall(node, names);
        if (read) {
          readNodes.add(node.id);
          if (read.write) facts.envWrites.push(read.name);
          else facts.envReads.push(envReadFact(node, read));
          if (read.fallback && !read.write) {
            const value = stringValue(read.fallback);
            if (value !== undefined) facts.strings.push({ value, range: rangeOf(read.fallback), name: read.name, envFallback: read.name });
          }
        }
        return true;
      }
      case 'subscript': {
        // os.environ['X']: a KeyError when unset; os.environ['X'] = v: set by the code.
        const value = node.childForFieldName('value');
        const key = node.childForFieldName('subscript');
        if (value && key && isEnviron(value, names)) {
          const name = stringValue(key);
          if (name === undefined) return true;
          const parent = node.parent;
          if (parent?.type === 'assignment' && parent.childForFieldName('left')?.id === node.id) facts.envWrites.push(name);
          else facts.envReads.push(envReadFact(node, { name }));
        }
        return true;
      }
      case 'comparison_operator': {
        // 'X' in os.environ: a test, the variable is optional.
        const [left, right] = node.namedChildren;
        if (left && right && /\bin\b/.test(node.text) && isEnviron(right, names)) {
          const name = stringValue(left);
          if (name !== undefined) facts.envReads.push({ name, range: rangeOf(node), hasDefault: false, condition: true });
        }
        return true;
      }
      case 'assignment': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        const name = left ? targetName(left) : undefined;
        const value = right ? stringValue(right) : undefined;
        if (name && right && value !== undefined) facts.strings.push({ value, range: rangeOf(right), name });
        return true;
      }
      case 'pair': {
        const key = node.childForFieldName('key');
        const value = node.childForFieldName('value');
        const k = key ? stringValue(key) : undefined;
        const v = value ? stringValue(value) : undefined;
        // Django LOGGING: `'class': 'logging.FileHandler', 'filename': '…'` is a handler as if constructed.
        if (k === 'class' && v && /^logging\.(handlers\.)?\w*Handler$/.test(v) && node.parent?.type === 'dictionary') {
          const props: Record<string, Value> = {};
          for (const p of node.parent.namedChildren) {
            if (p?.type !== 'pair') continue;
            const pk = p.childForFieldName('key');
            const pv = p.childForFieldName('value');
            const name = pk ? stringValue(pk) : undefined;
            const lit = pv ? literal(pv) : undefined;
            if (name && lit) props[name] = lit;
          }
          facts.calls.push({ callee: `logging:${v.slice('logging.'.length)}`, range: rangeOf(node), args: [{ k: 'obj', props }] });
        }
        if (k !== undefined && value && v !== undefined) facts.strings.push({ value: v, range: rangeOf(value), name: k });
        return true;
      }
      case 'keyword_argument': {
        const key = node.childForFieldName('name');
        const value = node.childForFieldName('value');
        const v = value ? stringValue(value) : undefined;
        if (key && value && v !== undefined && !readNodes.has(node.parent?.parent?.id ?? -1)) facts.strings.push({ value: v, range: rangeOf(value), name: key.text });
        // `env_variables={"BUCKET_NAME": …}`, `subprocess.run(…, env={…})`: the code sets these for a process it starts.
        if (key && value?.type === 'dictionary' && /^(env|environ|environment|env_?vars?|env_?variables|environment_?variables|envs)$/i.test(key.text)) {
          for (const pair of value.namedChildren) {
            const k = pair?.type === 'pair' ? pair.childForFieldName('key') : undefined;
            const name = k ? stringValue(k) : undefined;
            if (name && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) facts.envWrites.push(name);
          }
        }
        return true;
      }
      case 'string': {
        // Unnamed literals matter only by format (a key, a URL with a password).
        const v = stringValue(node);
        if (v !== undefined && v.length >= 16 && v.length <= 500 && !/\s/.test(v) && !isNamed(node)) facts.strings.push({ value: v, range: rangeOf(node) });
        return false;
      }
      default:
        return true;
    }
  });
  facts.settings = moduleSettings(root, names);
  // Variables django-environ declares with a default (`environ.Env(DEBUG=(bool, False))`) are optional.
  for (const r of facts.envReads) {
    if (!names.envDefaults.has(r.name)) continue;
    r.declaredOptional = true;
    const declared = names.envDefaults.get(r.name);
    if (!r.hasDefault && declared) Object.assign(r, { hasDefault: true, fallback: declared });
  }
  return facts;
}

/** `logging.FileHandler('app.log')`, `RotatingFileHandler(filename=…)`, `logging.basicConfig(filename=…)`, `StreamHandler()`. */
function loggingCall(call: TsNode): CallFact | undefined {
  const fn = call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
  const m = /^(?:logging\.)?(?:handlers\.)?(FileHandler|RotatingFileHandler|TimedRotatingFileHandler|WatchedFileHandler|StreamHandler|basicConfig)$/.exec(fn);
  if (!m || (m[1] === 'basicConfig' && !fn.startsWith('logging.'))) return undefined;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const props: Record<string, Value> = {};
  const positional: Value[] = [];
  for (const a of args) {
    if (!a) continue;
    if (a.type === 'keyword_argument') {
      const k = a.childForFieldName('name')?.text;
      const v = a.childForFieldName('value');
      const lit = v ? literal(v) : undefined;
      if (k) props[k] = lit ?? { k: 'unknown' };
    } else positional.push(literal(a) ?? { k: 'unknown' });
  }
  const handlers = fn.includes('handlers.') ? 'handlers.' : '';
  return { callee: `logging:${handlers}${m[1]}`, range: rangeOf(call), args: [...positional, { k: 'obj', props }] };
}

/** `UPPER_CASE = value` at module level: what a Django settings module (or any config module) sets. */
function moduleSettings(root: TsNode, b: Bindings): SettingFact[] {
  const out: SettingFact[] = [];
  for (const stmt of root.namedChildren) {
    const assignment = stmt?.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || !right || !/^[A-Z][A-Z0-9_]*$/.test(left.text)) continue;
    out.push({ name: left.text, value: summarize(right, b, 0), range: rangeOf(assignment) });
  }
  return out;
}

/** A Python expression as a Value: literals, dicts, lists, env reads with their default, calls by dotted name. */
function summarize(node: TsNode, b: Bindings, depth: number): Value {
  if (depth > 6) return { k: 'unknown' };
  const lit = literal(node);
  if (lit) return lit;
  switch (node.type) {
    case 'dictionary': {
      const props: Record<string, Value> = {};
      for (const p of node.namedChildren) {
        if (p?.type !== 'pair') continue;
        const k = p.childForFieldName('key');
        const v = p.childForFieldName('value');
        const key = k ? stringValue(k) : undefined;
        if (key !== undefined && v) props[key] = summarize(v, b, depth + 1);
      }
      return { k: 'obj', props };
    }
    case 'list':
    case 'tuple':
      return { k: 'arr', items: node.namedChildren.filter((c): c is TsNode => c !== null).map((c) => summarize(c, b, depth + 1)) };
    case 'parenthesized_expression':
      return node.namedChildren[0] ? summarize(node.namedChildren[0], b, depth + 1) : { k: 'unknown' };
    case 'call': {
      const read = envCall(node, b);
      if (read && !read.write) return { k: 'env', name: read.name, ...(read.fallback ? { or: summarize(read.fallback, b, depth + 1) } : {}) };
      const callee = node.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '';
      const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a): a is TsNode => a !== null).map((a) => {
        if (a.type !== 'keyword_argument') return summarize(a, b, depth + 1);
        const v = a.childForFieldName('value');
        return { k: 'obj' as const, props: { [a.childForFieldName('name')?.text ?? '']: v ? summarize(v, b, depth + 1) : { k: 'unknown' as const } } };
      });
      return { k: 'call', callee, args };
    }
    case 'subscript': {
      const value = node.childForFieldName('value');
      const key = node.childForFieldName('subscript');
      const name = key ? stringValue(key) : undefined;
      if (value && isEnviron(value, b) && name) return { k: 'env', name };
      return { k: 'unknown' };
    }
    case 'identifier':
      return { k: 'ref', name: node.text };
    default:
      return { k: 'unknown' };
  }
}

interface Bindings {
  /** Local names of `os.environ` (`from os import environ`). */
  environ: Set<string>;
  /** Local names of `os.getenv`. */
  getenv: Set<string>;
  /** Names bound to a django-environ `Env(…)` (`env = environ.Env()`). */
  envObjects: Set<string>;
  /** python-decouple's `config` (`from decouple import config`). */
  decouple: Set<string>;
  /** Variables `environ.Env(X=(type, default))` declares with a default, with the default when it is a literal. */
  envDefaults: Map<string, Value | undefined>;
}

function bindings(root: TsNode): Bindings {
  const b: Bindings = { environ: new Set(), getenv: new Set(), envObjects: new Set(), decouple: new Set(), envDefaults: new Map() };
  const envClass = new Set<string>();
  walkTree(root, (node) => {
    if (node.type === 'import_from_statement') {
      const module = node.childForFieldName('module_name')?.text;
      for (const n of node.childrenForFieldName('name')) {
        if (!n) continue;
        const imported = n.type === 'aliased_import' ? n.childForFieldName('name')?.text : n.text;
        const local = n.type === 'aliased_import' ? n.childForFieldName('alias')?.text : n.text;
        if (!imported || !local) continue;
        if (module === 'os' && imported === 'environ') b.environ.add(local);
        if (module === 'os' && imported === 'getenv') b.getenv.add(local);
        if (module === 'environ' && imported === 'Env') envClass.add(local);
        if (module === 'decouple' && imported === 'config') b.decouple.add(local);
      }
      return false;
    }
    if (node.type === 'assignment') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left?.type === 'identifier' && right?.type === 'call') {
        const fn = right.childForFieldName('function')?.text ?? '';
        if (fn === 'environ.Env' || envClass.has(fn)) {
          b.envObjects.add(left.text);
          for (const arg of right.childForFieldName('arguments')?.namedChildren ?? []) {
            const value = arg?.type === 'keyword_argument' ? arg.childForFieldName('value') : undefined;
            const declared = value?.type === 'tuple' ? value.namedChildren[1] : undefined;
            if (arg && declared) b.envDefaults.set(arg.childForFieldName('name')?.text ?? '', literal(declared));
          }
        }
      }
    }
    return true;
  });
  return b;
}

interface EnvCall {
  name: string;
  hasDefault?: boolean;
  fallback?: TsNode;
  write?: true;
}

const ENV_OBJECT_METHODS = /^(str|bool|int|float|json|list|tuple|dict|url|db|db_url|cache|cache_url|email|email_url|search_url|path|parse_value)$/;

/** `os.environ.get('X', d)`, `os.getenv('X')`, `os.environ.setdefault('X', v)`, `env('X', default=d)`, `env.bool('X')`, `config('X', default=d)`. */
function envCall(call: TsNode, b: Bindings): EnvCall | undefined {
  const fn = call.childForFieldName('function');
  const args = call.childForFieldName('arguments');
  if (!fn || !args) return undefined;
  const positional = args.namedChildren.filter((a): a is TsNode => a !== null && a.type !== 'keyword_argument' && a.type !== 'comment');
  const keyword = (k: string) => args.namedChildren.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === k)?.childForFieldName('value') ?? undefined;
  const name = positional[0] ? stringValue(positional[0]) : undefined;
  if (name === undefined) return undefined;
  let kind: 'get' | 'setdefault' | 'envobj' | undefined;
  if (fn.type === 'attribute') {
    const object = fn.childForFieldName('object');
    const attr = fn.childForFieldName('attribute')?.text;
    if (object && isEnviron(object, b) && (attr === 'get' || attr === 'setdefault')) kind = attr === 'get' ? 'get' : 'setdefault';
    else if (object?.type === 'identifier' && object.text === 'os' && attr === 'getenv') kind = 'get';
    else if (object?.type === 'identifier' && b.envObjects.has(object.text) && attr && ENV_OBJECT_METHODS.test(attr)) kind = 'envobj';
  } else if (fn.type === 'identifier') {
    if (b.getenv.has(fn.text)) kind = 'get';
    else if (b.envObjects.has(fn.text) || b.decouple.has(fn.text)) kind = 'envobj';
  }
  if (kind === undefined) return undefined;
  if (kind === 'setdefault') return { name, write: true };
  const fallback = kind === 'get' ? (positional[1] ?? keyword('default')) : keyword('default');
  // Python code that needs a variable writes os.environ['X'] (a KeyError); `.get('X')` and `getenv('X')` choose to go on
  // without it (None), like an explicit `None` default. django-environ and decouple raise without a default.
  return { name, hasDefault: fallback !== undefined || kind === 'get', ...(fallback && fallback.type !== 'none' ? { fallback } : {}) };
}

function isEnviron(node: TsNode, b: Bindings): boolean {
  return (node.type === 'attribute' && node.text.replace(/\s+/g, '') === 'os.environ') || (node.type === 'identifier' && b.environ.has(node.text));
}

function envReadFact(node: TsNode, read: EnvCall): EnvReadFact {
  const fact: EnvReadFact = { name: read.name, range: rangeOf(node), hasDefault: Boolean(read.hasDefault) };
  if (read.fallback) {
    const v = literal(read.fallback);
    if (v) fact.fallback = v;
  }
  // `try: os.environ['X'] except KeyError: …`: the code handles the variable being unset.
  for (let p = node.parent, c = node; p; c = p, p = p.parent) {
    if (p.type === 'try_statement' && p.childForFieldName('body')?.id === c.id && p.namedChildren.some((x) => x?.type === 'except_clause' && handlesKeyError(x))) {
      fact.condition = true;
      break;
    }
  }
  // Inside `if os.getenv('USE_S3'):`: needed only when the deploy turns the feature on.
  for (let p = node.parent, c = node; p; c = p, p = p.parent) {
    if ((p.type === 'if_statement' || p.type === 'elif_clause') && p.childForFieldName('condition')?.id !== c.id && ENV_TEST.test(p.childForFieldName('condition')?.text ?? '')) {
      fact.condition = true;
      break;
    }
  }
  // Tested rather than used: `if os.getenv('X'):`, `os.getenv('X') == 'on'`, `bool(...)`, `not ...`, `... and ...`; `... or 'd'` is a fallback.
  let child = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (p.type === 'parenthesized_expression') continue;
    if (p.type === 'boolean_operator') {
      const op = p.children.find((c) => c?.type === 'or' || c?.type === 'and')?.type;
      if (op === 'and') fact.condition = true;
      else if (op === 'or' && p.childForFieldName('left')?.id === child.id) {
        fact.hasDefault = true;
        const right = p.childForFieldName('right');
        const v = right ? literal(right) : undefined;
        if (v) fact.fallback = v;
      }
      break;
    }
    if (p.type === 'not_operator' || p.type === 'comparison_operator') fact.condition = true;
    else if ((p.type === 'if_statement' || p.type === 'elif_clause' || p.type === 'while_statement' || p.type === 'conditional_expression') && p.childForFieldName('condition')?.id === child.id) fact.condition = true;
    else if (p.type === 'call' && p.childForFieldName('function')?.text === 'bool') fact.condition = true;
    break;
  }
  return fact;
}

/** `except KeyError:`, `except (KeyError, ValueError):`, `except Exception:`, a bare `except:`. */
function handlesKeyError(clause: TsNode): boolean {
  const caught = clause.namedChildren.find((c): c is TsNode => c !== null && c.type !== 'block' && c.type !== 'comment');
  return caught === undefined || /\b(KeyError|LookupError|Exception|BaseException)\b/.test(caught.text);
}

/** A condition that reads the environment (a feature switch). */
const ENV_TEST = /\b(environ|getenv|env(\.\w+)?\(|config\()/;

function literal(node: TsNode): Value | undefined {
  return literalOf(node, stringValue);
}

/** The value of a plain string literal (no f-string interpolation, no implicit concatenation); undefined otherwise. */
export function stringValue(node: TsNode): string | undefined {
  if (node.type !== 'string') return undefined;
  let out = '';
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'interpolation') return undefined;
    if (c.type === 'string_content') out += c.text;
    else if (c.type === 'escape_sequence') out += unescape(c.text);
  }
  return out;
}

function unescape(seq: string): string {
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
  return map[seq.slice(1)] ?? seq;
}

/** The name a value is assigned to: `SECRET_KEY = …`, `self.token = …`, `settings.API_KEY = …`. */
function targetName(node: TsNode): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') return node.childForFieldName('attribute')?.text;
  return undefined;
}

/** The string is the value of an assignment, dict pair or keyword argument (collected there, with its name). */
function isNamed(node: TsNode): boolean {
  const p = node.parent;
  if (!p) return false;
  return (p.type === 'assignment' && p.childForFieldName('right')?.id === node.id) || (p.type === 'pair' && p.childForFieldName('value')?.id === node.id) || (p.type === 'keyword_argument' && p.childForFieldName('value')?.id === node.id);
}

function importSources(node: TsNode): string[] {
  if (node.type === 'import_from_statement') {
    const m = node.childForFieldName('module_name')?.text;
    return m && !m.startsWith('.') ? [m] : [];
  }
  return node.childrenForFieldName('name').flatMap((n) => {
    if (!n) return [];
    const dotted = n.type === 'aliased_import' ? n.childForFieldName('name')?.text : n.text;
    return dotted ? [dotted] : [];
  });
}



export type { StringFact };
