/**
 * Compose file v3 schema validation as `docker stack deploy` (docker/cli 28.2.2) does it.
 *
 * docker/cli validates the interpolated config against one of its bundled
 * `config_schema_v3.N.json` files with gojsonschema and prints the single
 * "most specific" error. This module carries its own compact, versioned
 * description of those schemas (a small DSL, below) and a validator that
 * mirrors gojsonschema's algorithm closely enough to reproduce docker's
 * messages: the error order, the oneOf "best branch" scoring, and
 * docker/cli's getMostSpecificError/getDescription wording. Unlike docker it
 * reports every independent problem, not just one.
 */
import type { YNode, YScalar } from '../yaml-tree.js';
import type { Range } from '../range.js';
import { casterFor } from './casts.js';
import { resolveSchemaVersion, schemaFor, type Format, type JsonType, type Schema } from './schema-data.js';

export interface SchemaViolation {
  /** dotted path as docker prints it: 'services.web', '(root)', 'services.web.healthcheck.retries' */
  dockerPath: string;
  /** the exact message docker would print, e.g. 'services.web Additional property platform is not allowed' */
  message: string;
  /** where to point the user: the offending key (for additional properties) or the value */
  range: Range;
  /** short kind for the rule: 'additional-property' | 'type' | 'format' | 'required' | 'enum' | 'other' */
  kind: string;
  /** for additional-property: the property name */
  property?: string;
}

// ---------------------------------------------------------------------------
// Document model: the interpolated, cast config with source positions.

interface Located {
  range: Range;
  /** range of the key this value sits under, when it is a mapping value */
  keyRange?: Range;
}
type JValue = Located &
  (
    | { t: 'null' }
    | { t: 'boolean'; v: boolean }
    | { t: 'number'; v: number; /** decimal text for the ports checker */ text: string }
    | { t: 'string'; v: string }
    | { t: 'array'; items: JValue[] }
    | { t: 'object'; entries: Map<string, JValue> }
    /** interpolation or cast failed: another rule reports it; docker never gets to the schema */
    | { t: 'any' }
  );

interface Unsupported {
  path: string[];
  value: number;
  range: Range;
}

function toJValue(
  node: YNode,
  path: string[],
  keyRange: Range | undefined,
  substitute: (s: YScalar) => string | undefined,
  unsupported: Unsupported[],
): JValue {
  const base = { range: node.range, ...(keyRange ? { keyRange } : {}) };
  if (node.kind === 'seq') {
    // docker's interpolation path uses '[]' for every list item
    return { ...base, t: 'array', items: node.items.map((item) => toJValue(item, [...path, '[]'], undefined, substitute, unsupported)) };
  }
  if (node.kind === 'map') {
    const entries = new Map<string, JValue>();
    for (const e of node.entries) entries.set(e.key, toJValue(e.value, [...path, e.key], e.keyRange, substitute, unsupported));
    return { ...base, t: 'object', entries };
  }
  const value = node.value;
  if (value === null) return { ...base, t: 'null' };
  if (typeof value === 'boolean') return { ...base, t: 'boolean', v: value };
  if (typeof value === 'number') return numberValue(base, value, path, unsupported);
  const substituted = substitute(node);
  if (substituted === undefined) return { ...base, t: 'any' };
  // interpolation.go: the cast only runs when substitution changed the string
  if (substituted !== value) {
    const caster = casterFor(path);
    if (caster) {
      const cast = caster(substituted);
      if (cast !== null && typeof cast === 'object') return { ...base, t: 'any' };
      if (typeof cast === 'boolean') return { ...base, t: 'boolean', v: cast };
      if (typeof cast === 'number') return numberValue(base, cast, path, unsupported);
    }
  }
  return { ...base, t: 'string', v: substituted };
}

function numberValue(base: Located, v: number, path: string[], unsupported: Unsupported[]): JValue {
  // json.Marshal (inside gojsonschema's Go loader) refuses NaN and ±Inf
  if (!Number.isFinite(v)) unsupported.push({ path, value: v, range: base.range });
  return { ...base, t: 'number', v, text: String(v) };
}

// ---------------------------------------------------------------------------
// The validator: a transcription of gojsonschema v1.2.0's validateRecursive,
// including its scores, which decide the oneOf branch whose errors are shown.

type ErrorType =
  | 'invalid_type'
  | 'number_one_of'
  | 'required'
  | 'additional_property_not_allowed'
  | 'enum'
  | 'unique'
  | 'format'
  | 'number_gte';

interface RawError {
  type: ErrorType;
  /** gojsonschema Field(): context without the '(root).' prefix */
  field: string;
  description: string;
  /** invalid_type: types.String() of the expected types */
  expected?: string;
  range: Range;
  property?: string;
}

/** Errors are kept in groups: a failed oneOf and the errors of its best branch make one group, i.e. one docker message. */
class Result {
  groups: RawError[][] = [];
  score = 0;
  add(error: RawError): void {
    this.groups.push([error]);
    this.score -= 2; // net -1 with the increment at the end of the check, as in gojsonschema
  }
  merge(other: Result): void {
    this.groups.push(...other.groups);
    this.score += other.score;
  }
  inc(): void {
    this.score++;
  }
  get valid(): boolean {
    return this.groups.length === 0;
  }
}

const ROOT_CONTEXT = '(root)';
const fieldOf = (ctx: readonly string[]): string => (ctx.length === 0 ? ROOT_CONTEXT : ctx.join('.'));
const typeString = (types: readonly JsonType[]): string => (types.length > 1 ? `[${types.join(',')}]` : types[0]);

function givenType(value: JValue): JsonType {
  switch (value.t) {
    case 'number':
      return Number.isInteger(value.v) ? 'integer' : 'number';
    case 'any':
      return 'null'; // unreachable: 'any' values are accepted before type checks
    default:
      return value.t;
  }
}

function subValidate(schema: Schema, value: JValue, ctx: readonly string[]): Result {
  const result = new Result();
  validateRecursive(schema, value, result, ctx);
  return result;
}

function validateRecursive(schema: Schema, value: JValue, result: Result, ctx: readonly string[]): void {
  if (value.t === 'any') {
    result.inc();
    return;
  }
  if (schema.type) {
    const given = givenType(value);
    const ok = schema.type.includes(given) || (given === 'integer' && schema.type.includes('number'));
    if (!ok) {
      const expected = typeString(schema.type);
      result.add({
        type: 'invalid_type',
        field: fieldOf(ctx),
        description: `Invalid type. Expected: ${expected}, given: ${given}`,
        expected,
        range: value.range,
      });
      return;
    }
  }
  validateSchema(schema, value, result, ctx);
  switch (value.t) {
    case 'number':
      validateNumber(schema, value, result, ctx);
      validateCommon(schema, value, result, ctx);
      break;
    case 'string':
      validateCommon(schema, value, result, ctx);
      validateString(schema, value, result, ctx);
      break;
    case 'array':
      validateArray(schema, value, result, ctx);
      validateCommon(schema, value, result, ctx);
      break;
    case 'object':
      validateObject(schema, value, result, ctx);
      validateCommon(schema, value, result, ctx);
      for (const [key, child] of schema.properties ?? []) {
        const v = value.entries.get(key);
        if (v) validateRecursive(child, v, result, [...ctx, key]);
      }
      break;
    default:
      validateCommon(schema, value, result, ctx);
  }
  result.inc();
}

function validateSchema(schema: Schema, value: JValue, result: Result, ctx: readonly string[]): void {
  if (schema.oneOf && schema.oneOf.length > 0) {
    let validated = 0;
    let best: Result | undefined;
    for (const alternative of schema.oneOf) {
      const r = subValidate(alternative, value, ctx);
      if (r.valid) validated++;
      else if (validated === 0 && (!best || r.score > best.score)) best = r;
    }
    if (validated !== 1) {
      const oneOfError: RawError = {
        type: 'number_one_of',
        field: fieldOf(ctx),
        description: 'Must validate one and only one schema (oneOf)',
        range: value.range,
      };
      const group = [oneOfError];
      result.score -= 2;
      if (validated === 0 && best) {
        group.push(...best.groups.flat());
        result.score += best.score;
      }
      result.groups.push(group);
    }
  }
  result.inc();
}

function validateCommon(schema: Schema, value: JValue, result: Result, ctx: readonly string[]): void {
  if (schema.enum && schema.enum.length > 0) {
    const allowed = schema.enum.map((e) => JSON.stringify(e));
    if (!allowed.includes(canonicalJson(value))) {
      const field = fieldOf(ctx);
      // gojsonschema's enum template itself starts with the field, so docker prints it twice
      result.add({ type: 'enum', field, description: `${field} must be one of the following: ${allowed.join(', ')}`, range: value.range });
    }
  }
  result.inc();
}

function validateArray(schema: Schema, value: JValue & { t: 'array' }, result: Result, ctx: readonly string[]): void {
  if (schema.items) {
    value.items.forEach((item, i) => result.merge(subValidate(schema.items as Schema, item, [...ctx, String(i)])));
  }
  if (schema.uniqueItems) {
    const seen = new Map<string, number>();
    value.items.forEach((item, j) => {
      const key = item.t === 'any' ? `\0any${j}` : canonicalJson(item);
      const i = seen.get(key);
      if (i !== undefined) {
        result.add({ type: 'unique', field: fieldOf(ctx), description: `array items[${i},${j}] must be unique`, range: item.range });
      }
      seen.set(key, j);
    });
  }
  result.inc();
}

function validateObject(schema: Schema, value: JValue & { t: 'object' }, result: Result, ctx: readonly string[]): void {
  for (const property of schema.required ?? []) {
    if (value.entries.has(property)) result.inc();
    else {
      result.add({
        type: 'required',
        field: fieldOf(ctx),
        description: `${property} is required`,
        range: value.keyRange ?? value.range,
        property,
      });
    }
  }
  for (const [key, child] of value.entries) {
    const found = schema.properties?.has(key) ?? false;
    let matched = false;
    for (const [re, patternSchema] of schema.patternProperties ?? []) {
      if (re.test(key)) {
        matched = true;
        result.merge(subValidate(patternSchema, child, [...ctx, key]));
      }
    }
    if (matched) result.inc();
    if (!found && !matched && schema.additionalProperties === false) {
      result.add({
        type: 'additional_property_not_allowed',
        field: fieldOf(ctx),
        description: `Additional property ${key} is not allowed`,
        range: child.keyRange ?? child.range,
        property: key,
      });
    }
  }
  result.inc();
}

function validateString(schema: Schema, value: JValue & { t: 'string' }, result: Result, ctx: readonly string[]): void {
  if (schema.format && !isFormat(schema.format, value)) {
    result.add({ type: 'format', field: fieldOf(ctx), description: `Does not match format '${schema.format}'`, range: value.range });
  }
  result.inc();
}

function validateNumber(schema: Schema, value: JValue & { t: 'number' }, result: Result, ctx: readonly string[]): void {
  if (schema.minimum !== undefined && value.v < schema.minimum) {
    result.add({ type: 'number_gte', field: fieldOf(ctx), description: `Must be greater than or equal to ${schema.minimum}`, range: value.range });
  }
  if (schema.format && !isFormat(schema.format, value)) {
    result.add({ type: 'format', field: fieldOf(ctx), description: `Does not match format '${schema.format}'`, range: value.range });
  }
  result.inc();
}

/** JSON with sorted keys, as gojsonschema compares values for enum and uniqueItems. */
function canonicalJson(value: JValue): string {
  switch (value.t) {
    case 'null':
    case 'any':
      return 'null';
    case 'boolean':
      return value.v ? 'true' : 'false';
    case 'number':
      return JSON.stringify(value.v);
    case 'string':
      return JSON.stringify(value.v);
    case 'array':
      return `[${value.items.map(canonicalJson).join(',')}]`;
    case 'object':
      return `{${[...value.entries.keys()]
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonicalJson(value.entries.get(k) as JValue)}`)
        .join(',')}}`;
  }
}

// ---- docker/cli's choice of the message (cli/compose/schema/schema.go) ------

const specificity = (e: RawError): number => e.field.split('.').length;

function mostSpecific(group: readonly RawError[]): { parent: RawError; child?: RawError } {
  let best = 0;
  group.forEach((e, i) => {
    if (specificity(e) > specificity(group[best])) best = i;
    else if (specificity(e) === specificity(group[best]) && e.type === 'invalid_type' && group[best].type !== 'invalid_type') best = i;
  });
  const parent = group[best];
  if (best + 1 < group.length && parent.type === 'number_one_of') return { parent, child: group[best + 1] };
  return { parent };
}

function humanReadableType(definition: string): string {
  if (definition.startsWith('[')) {
    const all = definition.slice(1, -1).split(',').map(humanReadableType);
    return `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}`;
  }
  if (definition === 'object') return 'mapping';
  if (definition === 'array') return 'list';
  return definition;
}

const KINDS: Readonly<Record<ErrorType, string>> = {
  invalid_type: 'type',
  number_one_of: 'other',
  required: 'required',
  additional_property_not_allowed: 'additional-property',
  enum: 'enum',
  unique: 'other',
  format: 'format',
  number_gte: 'other',
};

function toViolation(group: readonly RawError[]): SchemaViolation {
  const { parent, child } = mostSpecific(group);
  let description: string;
  if (parent.type === 'invalid_type' && parent.expected) description = `must be a ${humanReadableType(parent.expected)}`;
  else if (parent.type === 'number_one_of' && child) description = child.description;
  else description = parent.description;
  const source = child ?? parent;
  return {
    dockerPath: parent.field,
    message: `${parent.field} ${description}`,
    range: source.range,
    kind: KINDS[source.type],
    ...(source.type === 'additional_property_not_allowed' && source.property ? { property: source.property } : {}),
  };
}

/**
 * Validate like docker/cli does AFTER interpolation and casting.
 * `substitute(scalar)` returns the interpolated string for a string scalar (or undefined if interpolation failed, then treat as valid).
 * Cast the substituted value by docker's cast paths before type checks.
 */
export function validateComposeSchema(root: YNode, version: string, substitute: (s: YScalar) => string | undefined): SchemaViolation[] {
  const resolved = resolveSchemaVersion(version);
  // A non-mapping root fails YAML loading ("top-level object must be a mapping") before the schema.
  if (resolved === undefined || root.kind !== 'map') return [];
  const unsupported: Unsupported[] = [];
  const document = toJValue(root, [], undefined, substitute, unsupported);
  const result = new Result();
  validateRecursive(schemaFor(Number(resolved.slice(2))), document, result, []);
  const violations = result.groups.map(toViolation);
  for (const u of unsupported) {
    // json.Marshal fails before any schema check; docker prints Go's error verbatim.
    const text = Number.isNaN(u.value) ? 'NaN' : u.value > 0 ? '+Inf' : '-Inf';
    violations.push({ dockerPath: fieldOf(u.path), message: `json: unsupported value: ${text}`, range: u.range, kind: 'other' });
  }
  return violations.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

// ---------------------------------------------------------------------------
// Format checkers registered by docker/cli ("ports", "duration"); unknown
// formats ("expose") pass, as gojsonschema does.

function isFormat(format: Format, value: JValue & { t: 'string' | 'number' }): boolean {
  if (format === 'ports') return isPortSpec(value.t === 'string' ? value.v : ratNumerator(value.text));
  if (format === 'duration') return value.t === 'string' && isGoDuration(value.v);
  return true;
}

/** The checker formats a number as a big.Rat ("161/2") and keeps the part before '/'. */
function ratNumerator(text: string): string {
  const m = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  if (!m) return text;
  const exponent = Number(m[4] ?? 0) - (m[3]?.length ?? 0);
  let numerator = BigInt((m[2] || '0') + (m[3] ?? ''));
  let denominator = 1n;
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator = 10n ** BigInt(-exponent);
  numerator /= gcd(numerator, denominator);
  return `${m[1] && numerator !== 0n ? '-' : ''}${numerator}`;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

/** go-connections nat.ParsePortSpec, reduced to "does it parse". */
function isPortSpec(raw: string): boolean {
  const parts = raw.split(':');
  const n = parts.length;
  let container = parts[n - 1];
  let ip = '';
  let host = '';
  if (n === 2) host = parts[0];
  else if (n === 3) [ip, host] = [parts[0], parts[1]];
  else if (n > 3) [ip, host] = [parts.slice(0, n - 2).join(':'), parts[n - 2]];

  // SplitProtoPort
  let proto = 'tcp';
  const pp = container.split('/');
  if (container.length === 0 || pp[0].length === 0) [proto, container] = ['', ''];
  else if (pp.length > 1 && pp[1].length > 0) [proto, container] = [pp[1], pp[0]];
  else if (pp.length > 1) container = pp[0];

  if (ip !== '' && ip.startsWith('[')) {
    const stripped = bracketHost(`${ip}:`);
    if (stripped === undefined) return false;
    ip = stripped;
  }
  if (ip !== '' && !isGoIP(ip)) return false;
  if (container === '') return false;
  const c = parsePortRange(container);
  if (!c) return false;
  if (host.length > 0) {
    const h = parsePortRange(host);
    if (!h) return false;
    // a host range is only allowed against a single container port
    if (c[1] - c[0] !== h[1] - h[0] && c[1] !== c[0]) return false;
  }
  return ['tcp', 'udp', 'sctp'].includes(proto.toLowerCase());
}

function parsePortRange(ports: string): [number, number] | undefined {
  if (ports === '') return undefined;
  if (!ports.includes('-')) {
    const p = parseUint16(ports);
    return p === undefined ? undefined : [p, p];
  }
  const [a, b] = ports.split('-'); // further '-' parts are ignored, as in Go
  const start = parseUint16(a);
  const end = parseUint16(b);
  if (start === undefined || end === undefined || end < start) return undefined;
  return [start, end];
}

function parseUint16(s: string): number | undefined {
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 65535 ? n : undefined;
}

/** net.SplitHostPort(ip + ':') for a bracketed host; returns the host or undefined on error. */
function bracketHost(hostport: string): string | undefined {
  const lastColon = hostport.lastIndexOf(':');
  const end = hostport.indexOf(']');
  if (end < 0 || end + 1 !== lastColon) return undefined;
  if (hostport.slice(1).includes('[') || hostport.slice(end + 1).includes(']')) return undefined;
  return hostport.slice(1, end);
}

/** net.ParseIP: dotted IPv4 without leading zeros, or IPv6 without a zone. */
function isGoIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIPv6(s: string): boolean {
  if (!s.includes(':')) return false;
  let text = s;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    text = `${s.slice(0, lastColon + 1)}0:0`; // an embedded IPv4 takes two groups
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((h) => (h === '' ? [] : h.split(':')));
  if (!groups.every((g) => g.every((x) => /^[0-9a-fA-F]{1,4}$/.test(x)))) return false;
  const count = groups.reduce((sum, g) => sum + g.length, 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

const DURATION_UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  '\u00b5s': 1_000n,
  '\u03bcs': 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const MAX_DURATION = 1n << 63n;

/** Go's time.ParseDuration grammar: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+, or "0". */
function isGoDuration(input: string): boolean {
  let s = input;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return true;
  if (s === '') return false;
  let total = 0n;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s) as RegExpExecArray;
    const whole = m[1];
    const fraction = m[2];
    if (whole === '' && (fraction === undefined || fraction === '')) return false;
    s = s.slice(m[0].length);
    const unitMatch = /^[^0-9.]+/.exec(s);
    if (!unitMatch) return false;
    const unit = DURATION_UNITS[unitMatch[0]];
    if (unit === undefined) return false;
    s = s.slice(unitMatch[0].length);
    let v = BigInt(whole || '0');
    if (v > MAX_DURATION / unit) return false;
    v *= unit;
    if (fraction) v += BigInt(Math.floor(Number(`0.${fraction}`) * Number(unit)));
    total += v;
    if (total > MAX_DURATION) return false;
  }
  return negative || total <= MAX_DURATION - 1n;
}

