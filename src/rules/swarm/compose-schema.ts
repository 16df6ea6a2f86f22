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
import type { YNode, YScalar, ScalarValue } from '../../project/yaml-tree.js';
import type { Range } from '../../project/range.js';

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
// Versions

const LATEST_MINOR = 13;
const SUPPORTED = new Set(Array.from({ length: LATEST_MINOR + 1 }, (_, i) => `3.${i}`));

/** Supported versions '3.0'..'3.13'; returns undefined for unsupported. Missing/''/'3' → '3.13'. */
export function resolveSchemaVersion(version: string | undefined): string | undefined {
  // docker/cli normalizeVersion: only these three spellings mean "latest 3.x".
  if (version === undefined || version === '' || version === '3') return `3.${LATEST_MINOR}`;
  // It then opens data/config_schema_v<version>.json, so the spelling must match exactly ('3.01' fails).
  return SUPPORTED.has(version) ? version : undefined;
}

// ---------------------------------------------------------------------------
// Schema model: the subset of JSON Schema draft 4 the compose v3 schemas use.

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
/** 'expose' is declared by the schemas but no checker is registered, so gojsonschema accepts anything. */
type Format = 'ports' | 'duration' | 'expose';

interface Schema {
  readonly type?: readonly JsonType[];
  readonly properties?: ReadonlyMap<string, Schema>;
  readonly patternProperties?: readonly (readonly [RegExp, Schema])[];
  /** Only `false` matters: absent and `true` both allow unknown keys. */
  readonly additionalProperties?: false;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly uniqueItems?: true;
  readonly oneOf?: readonly Schema[];
  readonly enum?: readonly string[];
  readonly format?: Format;
  readonly minimum?: number;
}

// ---------------------------------------------------------------------------
// The DSL. A `Def` yields the concrete schema for a minor version (3.<minor>),
// or undefined when the construct does not exist in that version, so one
// description covers 3.0 … 3.13 and "introduced in" is written next to each key.

type Def = (minor: number) => Schema | undefined;

const of = (schema: Schema): Def => () => schema;
const typed = (...type: JsonType[]): Def => of({ type });
const ANY = of({});
const str = typed('string');
const int = typed('integer');
const num = typed('number');
const bool = typed('boolean');
const duration = of({ type: ['string'], format: 'duration' });

/** Present from 3.<minor> on. */
const since = (minor: number, def: Def): Def => (v) => (v >= minor ? def(v) : undefined);
/** Different shapes per version: the last entry whose minor is <= v wins. */
const byVersion = (...alternatives: readonly (readonly [number, Def])[]): Def => (v) => {
  let chosen: Def | undefined;
  for (const [minor, def] of alternatives) if (v >= minor) chosen = def;
  return chosen?.(v);
};

interface ObjectSpec {
  type?: readonly JsonType[];
  props?: Readonly<Record<string, Def>>;
  patterns?: readonly (readonly [string, Def])[];
  /** additionalProperties: false (per version when a function) */
  closed?: boolean | ((minor: number) => boolean);
  required?: readonly string[] | ((minor: number) => readonly string[]);
}

const object = (spec: ObjectSpec): Def => {
  // Compile regexes once; Go's RE2 and JS agree on these simple patterns.
  const patterns = (spec.patterns ?? []).map(([re, def]) => [new RegExp(re), def] as const);
  return (v) => {
    const properties = new Map<string, Schema>();
    for (const [key, def] of Object.entries(spec.props ?? {})) {
      const s = def(v);
      if (s) properties.set(key, s);
    }
    const patternProperties: (readonly [RegExp, Schema])[] = [];
    for (const [re, def] of patterns) {
      const s = def(v);
      if (s) patternProperties.push([re, s]);
    }
    const closed = typeof spec.closed === 'function' ? spec.closed(v) : spec.closed === true;
    const required = typeof spec.required === 'function' ? spec.required(v) : spec.required;
    return {
      type: spec.type ?? ['object'],
      ...(properties.size > 0 ? { properties } : {}),
      ...(patternProperties.length > 0 ? { patternProperties } : {}),
      ...(closed ? { additionalProperties: false as const } : {}),
      ...(required && required.length > 0 ? { required } : {}),
    };
  };
};
const closed = (props: Readonly<Record<string, Def>>, extra: Omit<ObjectSpec, 'props' | 'closed'> = {}): Def =>
  object({ ...extra, props, closed: true });
const open = (props: Readonly<Record<string, Def>>, extra: Omit<ObjectSpec, 'props' | 'closed'> = {}): Def =>
  object({ ...extra, props, closed: false });

const arr = (items: Def, unique = false): Def => (v) => {
  const s = items(v);
  return { type: ['array'], ...(s ? { items: s } : {}), ...(unique ? { uniqueItems: true as const } : {}) };
};
const oneOf = (...alternatives: Def[]): Def => (v) => ({
  oneOf: alternatives.map((d) => d(v)).filter((s): s is Schema => s !== undefined),
});
const withEnum = (def: Def, values: readonly string[]): Def => (v) => {
  const s = def(v);
  return s && { ...s, enum: values };
};

// ---- shared definitions (the schemas' "definitions") -----------------------

const NAME = '^[a-zA-Z0-9._-]+$';
/** `x-*` extension keys: root since 3.4, services/networks/volumes/secrets/configs since 3.7. */
const ext = (minor: number) => ['^x-', since(minor, ANY)] as const;

const listOfStrings = arr(str, true);
const stringOrList = oneOf(str, listOfStrings);
const listOrDict = oneOf(
  object({ patterns: [['.+', typed('string', 'number', 'null')]], closed: true }),
  arr(str, true),
);
const uniqueStrings = arr(str, true);
const stringOrStrings = oneOf(str, arr(str));
const driverOpts = object({ patterns: [['^.+$', typed('string', 'number')]] });
/** long syntax of service `secrets:` / `configs:` entries — note: not closed in any version */
const fileReference = arr(oneOf(str, open({ source: str, target: str, uid: str, gid: str, mode: num })));

const updateConfig = closed({
  parallelism: int,
  delay: duration,
  failure_action: str,
  monitor: duration,
  max_failure_ratio: num,
  order: since(4, withEnum(str, ['start-first', 'stop-first'])),
});

const genericResources = arr(closed({ discrete_resource_spec: closed({ kind: str, value: num }) }));

const deployment = closed(
  {
    mode: str, // no enum in any version: replicated-job/global-job pass the schema
    endpoint_mode: since(2, str),
    replicas: int,
    labels: listOrDict,
    rollback_config: since(7, updateConfig),
    update_config: updateConfig,
    resources: closed({
      limits: closed({ cpus: str, memory: str, pids: since(9, int) }),
      reservations: closed({ cpus: str, memory: str, generic_resources: since(5, genericResources) }),
    }),
    restart_policy: closed({ condition: str, delay: duration, max_attempts: int, window: duration }),
    placement: closed({
      constraints: arr(str),
      preferences: since(3, arr(closed({ spread: str }))),
      max_replicas_per_node: since(8, int),
    }),
  },
  { type: ['object', 'null'] },
);

const healthcheck = closed({
  disable: bool,
  // interval/timeout gained format "duration" in 3.4
  interval: byVersion([0, str], [4, duration]),
  retries: num,
  test: stringOrStrings,
  timeout: byVersion([0, str], [4, duration]),
  start_period: since(4, duration),
  start_interval: since(12, duration),
});

const shortPort = of({ type: ['string', 'number'], format: 'ports' });
const longPorts = oneOf(
  of({ type: ['number'], format: 'ports' }),
  of({ type: ['string'], format: 'ports' }),
  closed({ mode: str, target: int, published: int, protocol: str }),
);

const longVolume = closed(
  {
    type: str,
    source: str,
    target: str,
    read_only: bool,
    consistency: str,
    bind: open({ propagation: str }),
    volume: open({ nocopy: bool }),
    tmpfs: since(6, open({ size: of({ type: ['integer'], minimum: 0 }) })),
  },
  { required: ['type'] },
);
/** 3.2+ moved uniqueItems from the array onto the item (where it has no effect). */
const volumeItem: Def = (v) => {
  const s = oneOf(str, longVolume)(v);
  return s && { ...s, uniqueItems: true };
};

const build = oneOf(
  str,
  object({
    props: {
      context: str,
      dockerfile: str,
      args: listOrDict,
      labels: since(3, listOrDict),
      cache_from: since(2, listOfStrings),
      network: since(4, str),
      target: since(4, str),
      shm_size: since(5, typed('integer', 'string')),
      extra_hosts: since(9, listOrDict),
    },
    closed: (v) => v <= 10, // 3.11 opened build to unknown keys
  }),
);

const serviceNetworks = oneOf(
  listOfStrings,
  object({
    patterns: [
      [
        NAME,
        oneOf(closed({ aliases: listOfStrings, driver_opts: since(13, driverOpts), ipv4_address: str, ipv6_address: str }), typed('null')),
      ],
    ],
    closed: true,
  }),
);

const ulimits = object({
  patterns: [['^[a-z]+$', oneOf(int, closed({ hard: int, soft: int }, { required: ['soft', 'hard'] }))]],
});

const SERVICE_PROPS: Readonly<Record<string, Def>> = {
  deploy: deployment,
  build,
  cap_add: uniqueStrings,
  cap_drop: uniqueStrings,
  cgroupns_mode: since(9, str),
  cgroup_parent: str,
  command: stringOrStrings,
  configs: since(3, fileReference),
  container_name: str,
  credential_spec: since(3, closed({ config: since(8, str), file: str, registry: str })),
  depends_on: listOfStrings,
  devices: uniqueStrings,
  dns: stringOrList,
  dns_search: stringOrList,
  domainname: str,
  entrypoint: stringOrStrings,
  env_file: stringOrList,
  environment: listOrDict,
  expose: arr(of({ type: ['string', 'number'], format: 'expose' }), true),
  external_links: uniqueStrings,
  extra_hosts: listOrDict,
  healthcheck,
  hostname: str,
  image: str,
  init: since(7, bool),
  ipc: str,
  isolation: since(5, str),
  labels: listOrDict,
  links: uniqueStrings,
  logging: closed({ driver: str, options: object({ patterns: [['^.+$', typed('string', 'number', 'null')]] }) }),
  mac_address: str,
  network_mode: str,
  networks: serviceNetworks,
  pid: typed('string', 'null'),
  ports: byVersion([0, arr(shortPort, true)], [2, arr(longPorts, true)]),
  privileged: bool,
  read_only: bool,
  restart: str,
  security_opt: uniqueStrings,
  shm_size: typed('number', 'string'),
  secrets: since(1, fileReference),
  sysctls: listOrDict,
  stdin_open: bool,
  stop_grace_period: duration,
  stop_signal: str,
  tmpfs: stringOrList,
  tty: bool,
  ulimits,
  oom_score_adj: since(13, int),
  user: str,
  userns_mode: str,
  volumes: byVersion([0, arr(str, true)], [2, arr(volumeItem)]),
  working_dir: str,
};

const service = closed(SERVICE_PROPS, { patterns: [ext(7)] });

const external = (closedObject: boolean): Def => object({ type: ['boolean', 'object'], props: { name: str }, closed: closedObject });

const network = closed(
  {
    name: since(5, str),
    driver: str,
    driver_opts: driverOpts,
    ipam: closed({ driver: str, config: arr(closed({ subnet: str })) }),
    external: external(true),
    internal: bool,
    attachable: since(2, bool),
    labels: listOrDict,
  },
  { type: ['object', 'null'], patterns: [ext(7)] },
);

const segments = arr(open({ segments: listOrDict }));
const clusterSpec = open({
  group: str,
  access_mode: open({
    scope: str,
    sharing: str,
    block_volume: typed('object'),
    mount_volume: open({ fs_type: str, mount_flags: arr(str) }),
  }),
  accessibility_requirements: open({ requisite: segments, preferred: segments }),
  capacity_range: open({ required_bytes: str, limit_bytes: str }),
  availability: str,
});

const volume = closed(
  {
    name: since(4, str),
    driver: str,
    driver_opts: driverOpts,
    external: external(true),
    labels: listOrDict,
    'x-cluster-spec': since(10, clusterSpec),
  },
  { type: ['object', 'null'], patterns: [ext(7)] },
);

const secret = closed(
  {
    name: since(5, str),
    file: str,
    external: external(false),
    labels: listOrDict,
    driver: since(8, str),
    driver_opts: since(8, driverOpts),
    template_driver: since(8, str),
  },
  { patterns: [ext(7)] },
);

const config = closed(
  { name: since(5, str), file: str, external: external(false), labels: listOrDict, template_driver: since(8, str) },
  { patterns: [ext(7)] },
);

const named = (def: Def, closedMap = true): Def => object({ patterns: [[NAME, def]], closed: closedMap });

const ROOT = closed(
  {
    version: str,
    services: named(service),
    networks: named(network, false), // networks never had additionalProperties: false
    volumes: named(volume),
    secrets: since(1, named(secret)),
    configs: since(3, named(config)),
  },
  { patterns: [ext(4)], required: (v) => (v <= 9 ? ['version'] : []) },
);

const compiled = new Map<number, Schema>();
function schemaFor(minor: number): Schema {
  let s = compiled.get(minor);
  if (!s) {
    s = ROOT(minor) as Schema;
    compiled.set(minor, s);
  }
  return s;
}

/** For each top-level service key: the schema version that introduced it (e.g. init: '3.7'); used by other rules. */
export const SERVICE_KEY_SINCE: Readonly<Record<string, string>> = (() => {
  const out: Record<string, string> = {};
  for (let v = 0; v <= LATEST_MINOR; v++) {
    for (const key of service(v)?.properties?.keys() ?? []) out[key] ??= `3.${v}`;
  }
  return Object.freeze(out);
})();

// ---------------------------------------------------------------------------
// Casting after interpolation (cli/compose/loader/interpolate.go)

type Caster = (value: string) => ScalarValue | { error: string };

/** Go's strconv.Quote is close enough to JSON quoting for messages. */
const goQuote = (s: string): string => JSON.stringify(s);

const toInt: Caster = (value) => {
  // strconv.Atoi: optional sign, decimal digits only, must fit int64
  if (!/^[+-]?\d+$/.test(value)) return { error: `failed to cast to expected type: strconv.Atoi: parsing ${goQuote(value)}: invalid syntax` };
  const big = BigInt(value);
  if (big > 9223372036854775807n || big < -9223372036854775808n) {
    return { error: `failed to cast to expected type: strconv.Atoi: parsing ${goQuote(value)}: value out of range` };
  }
  return Number(big);
};

const toFloat: Caster = (value) => {
  // strconv.ParseFloat: decimal or hex (0x…p…) floats, inf/infinity with sign, bare nan
  if (/^nan$/i.test(value)) return NaN;
  const inf = /^([+-]?)inf(inity)?$/i.exec(value);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  let n: number;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) n = Number(value);
  else if (/^[+-]?0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+$/.test(value)) n = parseHexFloat(value);
  else return { error: `failed to cast to expected type: strconv.ParseFloat: parsing ${goQuote(value)}: invalid syntax` };
  if (!Number.isFinite(n)) return { error: `failed to cast to expected type: strconv.ParseFloat: parsing ${goQuote(value)}: value out of range` };
  return n;
};

function parseHexFloat(s: string): number {
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(s) as RegExpExecArray;
  const mantissa = parseInt(m[2] || '0', 16) + (m[3] ? parseInt(m[3], 16) / 16 ** m[3].length : 0);
  const n = mantissa * 2 ** Number(m[4]);
  return m[1] === '-' ? -n : n;
}

/** YAML 1.1 booleans, case-insensitive, as docker's toBoolean. */
const toBoolean: Caster = (value) => {
  switch (value.toLowerCase()) {
    case 'y':
    case 'yes':
    case 'true':
    case 'on':
      return true;
    case 'n':
    case 'no':
    case 'false':
    case 'off':
      return false;
    default:
      return { error: `failed to cast to expected type: invalid boolean: ${value}` };
  }
};

/** '*' matches any one key; '[]' is a list position. */
const CASTS: readonly (readonly [readonly string[], Caster])[] = [
  [['services', '*', 'configs', '[]', 'mode'], toInt],
  [['services', '*', 'secrets', '[]', 'mode'], toInt],
  [['services', '*', 'healthcheck', 'retries'], toInt],
  [['services', '*', 'healthcheck', 'disable'], toBoolean],
  [['services', '*', 'deploy', 'replicas'], toInt],
  [['services', '*', 'deploy', 'update_config', 'parallelism'], toInt],
  [['services', '*', 'deploy', 'update_config', 'max_failure_ratio'], toFloat],
  [['services', '*', 'deploy', 'rollback_config', 'parallelism'], toInt],
  [['services', '*', 'deploy', 'rollback_config', 'max_failure_ratio'], toFloat],
  [['services', '*', 'deploy', 'restart_policy', 'max_attempts'], toInt],
  [['services', '*', 'deploy', 'placement', 'max_replicas_per_node'], toInt],
  [['services', '*', 'ports', '[]', 'target'], toInt],
  [['services', '*', 'ports', '[]', 'published'], toInt],
  [['services', '*', 'ulimits', '*'], toInt],
  [['services', '*', 'ulimits', '*', 'hard'], toInt],
  [['services', '*', 'ulimits', '*', 'soft'], toInt],
  [['services', '*', 'privileged'], toBoolean],
  [['services', '*', 'oom_score_adj'], toInt],
  [['services', '*', 'read_only'], toBoolean],
  [['services', '*', 'stdin_open'], toBoolean],
  [['services', '*', 'tty'], toBoolean],
  [['services', '*', 'volumes', '[]', 'read_only'], toBoolean],
  [['services', '*', 'volumes', '[]', 'volume', 'nocopy'], toBoolean],
  [['networks', '*', 'external'], toBoolean],
  [['networks', '*', 'internal'], toBoolean],
  [['networks', '*', 'attachable'], toBoolean],
  [['volumes', '*', 'external'], toBoolean],
  [['secrets', '*', 'external'], toBoolean],
  [['configs', '*', 'external'], toBoolean],
];

function casterFor(path: readonly string[]): Caster | undefined {
  for (const [pattern, caster] of CASTS) {
    if (pattern.length !== path.length) continue;
    // A numeric index from the caller counts as a list position.
    if (pattern.every((p, i) => p === '*' || p === path[i] || (p === '[]' && /^\d+$/.test(path[i])))) return caster;
  }
  return undefined;
}

/**
 * docker/cli's cast: returns the typed value for a dotted path like ['services','web','deploy','replicas'], or the string unchanged; `{ error }` when the cast fails ('failed to cast to expected type').
 * List positions may be given as '[]' (docker's notation) or as an index. The error text is the
 * cause docker wraps: it prints `error while interpolating <path with []>: <error>`.
 * Note docker only casts strings that interpolation changed: a literal `"3"` stays a string.
 */
export function castForPath(path: readonly string[], value: string): ScalarValue | { error: string } {
  const caster = casterFor(path);
  return caster ? caster(value) : value;
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
