/**
 * docker/cli's bundled compose schemas v3.0–3.13 (`config_schema_v3.N.json`), written as a
 * compact versioned description: which keys exist in which version, and their types.
 * The validator (validator.ts) walks these to reproduce `docker stack deploy`'s messages.
 */
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

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';
/** 'expose' is declared by the schemas but no checker is registered, so gojsonschema accepts anything. */
export type Format = 'ports' | 'duration' | 'expose';

export interface Schema {
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
export function schemaFor(minor: number): Schema {
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

