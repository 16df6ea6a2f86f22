import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml, getValue } from '../src/project/yaml-tree.js';
import type { YNode, YScalar } from '../src/project/yaml-tree.js';
import { SERVICE_KEY_SINCE, resolveSchemaVersion } from '../src/project/compose/schema-data.js';
import { castForPath } from '../src/project/compose/casts.js';
import { validateComposeSchema, type SchemaViolation } from '../src/project/compose/validator.js';
import { CORPUS } from './corpus/corpus.js';

/**
 * A small stand-in for docker's interpolation with an empty environment:
 * `${VAR:-d}`/`${VAR-d}` → d, `$$` → `$`, `$VAR`/`${VAR}` → '', and
 * `${VAR:?msg}`/`${VAR?msg}` (required) or a malformed `$` → undefined (interpolation failed).
 */
function substituteEmptyEnv(s: YScalar): string | undefined {
  if (typeof s.value !== 'string') return undefined;
  let failed = false;
  const out = s.value.replace(/\$(?:(\$)|([_a-zA-Z][_a-zA-Z0-9]*)|\{([^}]*)\}|)/g, (_m, escaped?: string, named?: string, braced?: string) => {
    if (escaped) return '$';
    if (named) return '';
    const m = braced === undefined ? null : /^([_a-zA-Z][_a-zA-Z0-9]*)(?:(:?[-?])(.*))?$/s.exec(braced);
    if (!m) {
      failed = true;
      return '';
    }
    const [, , op, rest] = m;
    if (!op) return '';
    if (op.endsWith('-')) return rest;
    failed = true;
    return '';
  });
  return failed ? undefined : out;
}

function parse(text: string): YNode {
  const parsed = parseYaml(text);
  if (!parsed.root) throw new Error(`YAML did not parse: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.root;
}

/** Validates `text` against `version`, declaring that version in the file when it has none (3.0–3.9 require it). */
function validate(text: string, version = '3.13'): SchemaViolation[] {
  const declared = /^version:/m.test(text) || version === '3.13' ? text : `version: "${version}"\n${text}`;
  return validateComposeSchema(parse(declared), version, substituteEmptyEnv);
}

const messages = (text: string, version?: string): string[] => validate(text, version).map((v) => v.message);

describe('resolveSchemaVersion', () => {
  it('maps missing, empty and "3" to the latest v3 schema', () => {
    expect(resolveSchemaVersion(undefined)).toBe('3.13');
    expect(resolveSchemaVersion('')).toBe('3.13');
    expect(resolveSchemaVersion('3')).toBe('3.13');
  });
  it('accepts exactly the bundled schema names', () => {
    for (let i = 0; i <= 13; i++) expect(resolveSchemaVersion(`3.${i}`)).toBe(`3.${i}`);
    for (const bad of ['2', '2.4', '3.14', '3.01', '3.0.0', '4', ' 3.8', 'latest']) expect(resolveSchemaVersion(bad)).toBeUndefined();
  });
});

describe('SERVICE_KEY_SINCE', () => {
  it('records the version that introduced each service key', () => {
    expect(SERVICE_KEY_SINCE).toMatchObject({
      image: '3.0',
      deploy: '3.0',
      secrets: '3.1',
      configs: '3.3',
      credential_spec: '3.3',
      isolation: '3.5',
      init: '3.7',
      cgroupns_mode: '3.9',
      oom_score_adj: '3.13',
    });
    for (const absent of ['platform', 'profiles', 'pull_policy', 'gpus', 'scale', 'runtime', 'mem_reservation']) {
      expect(SERVICE_KEY_SINCE[absent]).toBeUndefined();
    }
  });
});

describe('castForPath', () => {
  it('casts the paths docker lists in interpolate.go', () => {
    expect(castForPath(['services', 'web', 'deploy', 'replicas'], '3')).toBe(3);
    expect(castForPath(['services', 'web', 'healthcheck', 'retries'], '-2')).toBe(-2);
    expect(castForPath(['services', 'web', 'healthcheck', 'disable'], 'YES')).toBe(true);
    expect(castForPath(['services', 'web', 'read_only'], 'off')).toBe(false);
    expect(castForPath(['services', 'web', 'deploy', 'update_config', 'max_failure_ratio'], '0.25')).toBe(0.25);
    expect(castForPath(['services', 'web', 'ports', '[]', 'published'], '8080')).toBe(8080);
    expect(castForPath(['services', 'web', 'ports', '0', 'target'], '80')).toBe(80);
    expect(castForPath(['services', 'web', 'ulimits', 'nofile'], '1024')).toBe(1024);
    expect(castForPath(['services', 'web', 'ulimits', 'nofile', 'soft'], '1024')).toBe(1024);
    expect(castForPath(['networks', 'front', 'external'], 'true')).toBe(true);
    expect(castForPath(['secrets', 'tls', 'external'], 'no')).toBe(false);
  });
  it('leaves other paths as strings', () => {
    expect(castForPath(['services', 'web', 'image'], '3')).toBe('3');
    expect(castForPath(['services', 'web', 'deploy', 'resources', 'limits', 'pids'], '3')).toBe('3');
    expect(castForPath(['services', 'web', 'init'], 'true')).toBe('true');
  });
  it('reports docker’s cast errors', () => {
    expect(castForPath(['services', 'web', 'deploy', 'replicas'], 'three')).toEqual({
      error: 'failed to cast to expected type: strconv.Atoi: parsing "three": invalid syntax',
    });
    expect(castForPath(['services', 'web', 'deploy', 'replicas'], '1.5')).toHaveProperty('error');
    expect(castForPath(['services', 'web', 'deploy', 'replicas'], '99999999999999999999')).toEqual({
      error: 'failed to cast to expected type: strconv.Atoi: parsing "99999999999999999999": value out of range',
    });
    expect(castForPath(['services', 'web', 'tty'], 'maybe')).toEqual({ error: 'failed to cast to expected type: invalid boolean: maybe' });
    expect(castForPath(['services', 'web', 'deploy', 'rollback_config', 'max_failure_ratio'], 'half')).toEqual({
      error: 'failed to cast to expected type: strconv.ParseFloat: parsing "half": invalid syntax',
    });
  });
});

describe('validateComposeSchema', () => {
  it('accepts a typical stack file', () => {
    expect(
      validate(`
version: "3.8"
x-defaults: &defaults
  restart: always
services:
  web:
    <<: *defaults
    image: nginx:1.27
    init: true
    ports:
      - "80:80"
      - target: 443
        published: 443
        mode: host
      - 8080
    environment:
      A: "1"
      B: 2
      C:
    healthcheck:
      test: ["CMD", "true"]
      interval: 10s
      retries: 3
      start_period: 1m30s
    deploy:
      replicas: 2
      update_config: { parallelism: 1, order: start-first, delay: 10s }
      resources:
        limits: { cpus: "0.5", memory: 256M }
        reservations: { generic_resources: [{ discrete_resource_spec: { kind: gpu, value: 1 } }] }
      placement:
        max_replicas_per_node: 1
        constraints: [node.role == worker]
    networks:
      front:
        aliases: [www]
      default:
    volumes:
      - data:/data
      - type: bind
        source: ./conf
        target: /etc/nginx/conf.d
        read_only: true
    secrets: [tls]
    configs:
      - source: site
        target: /site
        mode: 0440
    ulimits:
      nofile: { soft: 1024, hard: 2048 }
      nproc: 512
networks:
  front:
    driver: overlay
    attachable: true
volumes:
  data:
secrets:
  tls:
    external: true
configs:
  site:
    file: ./site.conf
`, '3.8'),
    ).toEqual([]);
  });

  it('rejects unknown root keys such as name', () => {
    const [v, ...rest] = validate('name: demo\nservices:\n  web:\n    image: nginx\n');
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      dockerPath: '(root)',
      message: '(root) Additional property name is not allowed',
      kind: 'additional-property',
      property: 'name',
      range: { line: 1, column: 1 },
    });
  });

  it('rejects keys absent from the v3 schema on services', () => {
    const found = validate('services:\n  web:\n    image: nginx\n    platform: linux/amd64\n    pull_policy: always\n');
    expect(found.map((v) => v.message)).toEqual([
      'services.web Additional property platform is not allowed',
      'services.web Additional property pull_policy is not allowed',
    ]);
    expect(found[0]).toMatchObject({ dockerPath: 'services.web', property: 'platform', range: { line: 4, column: 5 } });
  });

  it('rejects nested additional properties', () => {
    expect(
      messages(`
services:
  web:
    image: nginx
    deploy:
      resources:
        reservations:
          devices:
            - capabilities: [gpu]
        impossible: {}
`),
    ).toEqual([
      'services.web.deploy.resources.reservations Additional property devices is not allowed',
      'services.web.deploy.resources Additional property impossible is not allowed',
    ]);
  });

  it('rejects long-form depends_on', () => {
    const [v] = validate('services:\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres\n');
    expect(v).toMatchObject({ message: 'services.web.depends_on must be a list', kind: 'type', dockerPath: 'services.web.depends_on', range: { line: 5 } });
  });

  it('rejects keys newer than the declared version', () => {
    const file = 'version: "3.6"\nservices:\n  web:\n    image: nginx\n    init: true\n';
    expect(messages(file, '3.6')).toEqual(['services.web Additional property init is not allowed']);
    expect(messages(file.replace('3.6', '3.7'), '3.7')).toEqual([]);
    expect(messages('services:\n  web:\n    image: nginx\n    deploy:\n      update_config:\n        order: start-first\n', '3.3')).toEqual([
      'services.web.deploy.update_config Additional property order is not allowed',
    ]);
    expect(messages('services:\n  web:\n    image: nginx\n    deploy:\n      resources:\n        limits:\n          pids: 10\n', '3.8')).toEqual([
      'services.web.deploy.resources.limits Additional property pids is not allowed',
    ]);
    expect(messages('services:\n  web:\n    image: nginx\nconfigs:\n  c:\n    file: ./c\n', '3.2')).toEqual(['(root) Additional property configs is not allowed']);
  });

  it('requires version in 3.0–3.9 schemas (only reachable with a mismatched override file)', () => {
    expect(validateComposeSchema(parse('services:\n  web:\n    image: nginx\n'), '3.9', substituteEmptyEnv).map((v) => v.message)).toEqual([
      '(root) version is required',
    ]);
    expect(messages('services:\n  web:\n    image: nginx\n', '3.10')).toEqual([]);
  });

  it('checks healthcheck retries after casting', () => {
    const hc = (retries: string) => `services:\n  web:\n    image: nginx\n    healthcheck:\n      retries: ${retries}\n`;
    expect(messages(hc('"three"'))).toEqual(['services.web.healthcheck.retries must be a number']);
    expect(messages(hc('3'))).toEqual([]);
    // interpolation changed the string, so docker casts it to an int
    expect(messages(hc('"${RETRIES:-3}"'))).toEqual([]);
    // docker only casts strings that interpolation changed: a literal quoted "3" stays a string
    expect(messages(hc('"3"'))).toEqual(['services.web.healthcheck.retries must be a number']);
    // a failed cast stops docker in interpolation; that is not a schema violation
    expect(messages(hc('"${RETRIES:-many}"'))).toEqual([]);
  });

  it('casts replicas, ports and booleans only after a substitution', () => {
    const base = 'services:\n  web:\n    image: nginx\n';
    expect(messages(`${base}    deploy:\n      replicas: "\${REPLICAS:-2}"\n`)).toEqual([]);
    expect(messages(`${base}    deploy:\n      replicas: "2"\n`)).toEqual(['services.web.deploy.replicas must be a integer']);
    expect(messages(`${base}    read_only: "\${RO:-true}"\n`)).toEqual([]);
    expect(messages(`${base}    read_only: "true"\n`)).toEqual(['services.web.read_only must be a boolean']);
    expect(messages(`${base}    ports:\n      - target: 80\n        published: "\${PORT:-8080}"\n`)).toEqual([]);
    expect(messages(`${base}    ports:\n      - target: "80"\n`)).toEqual(['services.web.ports.0.target must be a integer']);
    // init is not a cast path: the substituted string stays a string
    expect(messages(`${base}    init: "\${INIT:-true}"\n`)).toEqual(['services.web.init must be a boolean']);
  });

  it('treats values whose interpolation failed as valid', () => {
    expect(messages('services:\n  web:\n    image: nginx\n    deploy:\n      replicas: "${REPLICAS:?set it}"\n')).toEqual([]);
  });

  it('allows x- extension keys at the root and in services', () => {
    const file = 'x-common: {a: 1}\nservices:\n  web:\n    image: nginx\n    x-notes: anything\nnetworks:\n  n:\n    x-owner: me\n';
    expect(messages(file)).toEqual([]);
    expect(messages(file, '3.7')).toEqual([]);
    expect(messages(file, '3.6')).toEqual([
      'services.web Additional property x-notes is not allowed',
      'networks.n Additional property x-owner is not allowed',
    ]);
    expect(messages(file, '3.3')).toEqual([
      '(root) Additional property x-common is not allowed',
      'services.web Additional property x-notes is not allowed',
      'networks.n Additional property x-owner is not allowed',
    ]);
  });

  describe('ports format', () => {
    const valid = ['8000', '8000:8000', '8001-8005', '8001-8005:8001-8005', '8000-9000:80', '[::1]:8080:8000', '[::1]:8080-8085:8000', '127.0.0.1:8000:8000', '127.0.0.1:8000-8005:8000-8005', '127.0.0.1:8000:8000/udp', '8000:8000/udp', '53:53/SCTP', '0', ':80'];
    const invalid = ['8000:8000/http', '-1', '65536', '-1:65536/http', 'invalid', '12345678:8000:8000/tcp', '8005-8000:8005-8000', '8006-8000:8005-8000', '', '01.2.3.4:80:80', '8000-8001:9000-9005'];
    const file = (port: string) => `services:\n  foo:\n    image: busybox\n    ports:\n      - "${port}"\n`;
    it.each(valid)('accepts %j', (port) => {
      expect(messages(file(port))).toEqual([]);
      expect(messages(file(port), '3.0')).toEqual([]);
    });
    it.each(invalid)('rejects %j', (port) => {
      expect(messages(file(port))).toEqual(["services.foo.ports.0 Does not match format 'ports'"]);
      expect(messages(file(port), '3.0')).toEqual(["services.foo.ports.0 Does not match format 'ports'"]);
    });
    it('checks numeric ports and reports the value', () => {
      const [v] = validate('services:\n  foo:\n    image: busybox\n    ports:\n      - 70000\n      - 8080\n');
      expect(v).toMatchObject({ message: "services.foo.ports.0 Does not match format 'ports'", kind: 'format', range: { line: 5, column: 9 } });
      // the checker reads a number as a big.Rat and keeps its numerator: 80.5 = 161/2 → port 161
      expect(messages('services:\n  foo:\n    image: busybox\n    ports: [80.5]\n')).toEqual([]);
      expect(messages('services:\n  foo:\n    image: busybox\n    ports: [-1]\n')).toEqual(["services.foo.ports.0 Does not match format 'ports'"]);
    });
    it('reports the long form’s own errors', () => {
      expect(messages('services:\n  foo:\n    image: busybox\n    ports:\n      - target: 80\n        host_ip: 127.0.0.1\n')).toEqual([
        'services.foo.ports.0 Additional property host_ip is not allowed',
      ]);
      expect(messages('services:\n  foo:\n    image: busybox\n    ports:\n      - true\n')).toEqual(['services.foo.ports.0 must be a number']);
      expect(messages('services:\n  foo:\n    image: busybox\n    ports:\n      - true\n', '3.1')).toEqual(['services.foo.ports.0 must be a string or number']);
      expect(messages('services:\n  foo:\n    image: busybox\n    ports:\n      - target: 80\n', '3.1')).toEqual(['services.foo.ports.0 must be a string or number']);
    });
    it('requires unique ports', () => {
      expect(messages('services:\n  foo:\n    image: busybox\n    ports: ["80:80", "80:80"]\n')).toEqual(['services.foo.ports array items[0,1] must be unique']);
    });
  });

  it('does not enforce the expose format (no checker is registered)', () => {
    expect(messages('services:\n  web:\n    image: nginx\n    expose: ["not a port", 80]\n')).toEqual([]);
  });

  it('checks durations with Go syntax', () => {
    const file = (d: string) => `services:\n  web:\n    image: nginx\n    stop_grace_period: ${d}\n`;
    for (const ok of ['1m30s', '10s', '"0"', '1.5h', '300ms', '-1s', '2h45m0.5s']) expect(messages(file(ok))).toEqual([]);
    expect(messages(file('10'))).toEqual(['services.web.stop_grace_period must be a string']);
    for (const bad of ['"10"', '1 m', '1d', '"s"', '""']) expect(messages(file(bad))).toEqual(["services.web.stop_grace_period Does not match format 'duration'"]);
    // healthcheck durations only gained the format in 3.4
    expect(messages('services:\n  web:\n    image: nginx\n    healthcheck:\n      interval: 10\n', '3.3')).toEqual(['services.web.healthcheck.interval must be a string']);
    expect(messages('services:\n  web:\n    image: nginx\n    healthcheck:\n      interval: ten\n', '3.3')).toEqual([]);
    expect(messages('services:\n  web:\n    image: nginx\n    healthcheck:\n      interval: ten\n', '3.4')).toEqual(["services.web.healthcheck.interval Does not match format 'duration'"]);
  });

  it('accepts any deploy.mode, including replicated-job in 3.13', () => {
    expect(messages('services:\n  job:\n    image: busybox\n    deploy:\n      mode: replicated-job\n')).toEqual([]);
    expect(messages('services:\n  job:\n    image: busybox\n    deploy:\n      mode: global-job\n', '3.0')).toEqual([]);
  });

  it('reports enum errors the way docker prints them (field twice)', () => {
    expect(messages('services:\n  web:\n    image: nginx\n    deploy:\n      rollback_config:\n        order: random\n')).toEqual([
      'services.web.deploy.rollback_config.order services.web.deploy.rollback_config.order must be one of the following: "start-first", "stop-first"',
    ]);
  });

  it('uses docker’s wording for oneOf failures', () => {
    const base = 'services:\n  web:\n    image: nginx\n';
    expect(messages(`${base}    environment:\n      FOO: true\n`)).toEqual(['services.web.environment.FOO must be a string, number or null']);
    expect(messages(`${base}    environment: FOO=bar\n`)).toEqual(['services.web.environment must be a mapping']);
    expect(messages(`${base}    command: 42\n`)).toEqual(['services.web.command must be a string']);
    expect(messages(`${base}    volumes:\n      - source: data\n        target: /data\n`)).toEqual(['services.web.volumes.0 type is required']);
    expect(messages(`${base}    ulimits:\n      nofile:\n        soft: 1\n`)).toEqual(['services.web.ulimits.nofile hard is required']);
    expect(messages(`${base}    networks:\n      front:\n        priority: 1\n`)).toEqual(['services.web.networks.front Additional property priority is not allowed']);
    expect(messages(`${base}    secrets:\n      - source: s\n        target: /run/s\n        mode: "0440"\n`)).toEqual(['services.web.secrets.0.mode must be a number']);
  });

  it('reproduces docker/cli loader test messages', () => {
    expect(messages('version: "3"\nservices:\n  foo:\n    image: busybox\n', '3')).toEqual([]);
    expect(messages('version: "3"\nfoo:\n  bar: baz\n', '3')).toEqual(['(root) Additional property foo is not allowed']);
    expect(messages('version: "3"\nservices:\n', '3')).toEqual(['services must be a mapping']);
    expect(messages('version: "3"\nservices:\n  foo: busybox\n', '3')).toEqual(['services.foo must be a mapping']);
    expect(messages('version: "3"\nnetworks:\n  default: bridge\n', '3')).toEqual(['networks.default must be a mapping or null']);
    expect(messages('version: "3"\nvolumes:\n  data: local\n', '3')).toEqual(['volumes.data must be a mapping or null']);
    expect(messages('version: "3"\nservices:\n  foo:\n    image: ["busybox", "latest"]\n', '3')).toEqual(['services.foo.image must be a string']);
    expect(messages('version: 3.7\nservices:\n  foo:\n    image: busybox\n', '3.7')).toEqual(['version must be a string']);
    const tmpfs = (v: string, size: string) =>
      `version: "${v}"\nservices:\n  tmpfs:\n    image: nginx:latest\n    volumes:\n      - type: tmpfs\n        target: /app\n        tmpfs:\n          size: ${size}\n`;
    expect(messages(tmpfs('3.5', '10000'), '3.5')).toEqual(['services.tmpfs.volumes.0 Additional property tmpfs is not allowed']);
    expect(messages(tmpfs('3.6', '0.0001'), '3.6')).toEqual(['services.tmpfs.volumes.0.tmpfs.size must be a integer']);
    expect(messages(tmpfs('3.6', '-1'), '3.6')).toEqual(['services.tmpfs.volumes.0.tmpfs.size Must be greater than or equal to 0']);
    // build is free-form from 3.11 on
    expect(messages('services:\n  foo:\n    image: busybox\n    build:\n      context: .\n      unsupported_prop: foo\n')).toEqual([]);
    expect(messages('services:\n  foo:\n    image: busybox\n    build:\n      context: .\n      unsupported_prop: foo\n', '3.10')).toEqual([
      'services.foo.build Additional property unsupported_prop is not allowed',
    ]);
  });

  it('rejects invalid service names and duplicate list entries', () => {
    expect(messages('services:\n  "my web":\n    image: nginx\n')).toEqual(['services Additional property my web is not allowed']);
    expect(messages('services:\n  web:\n    image: nginx\n    depends_on: [db, db]\n')).toEqual(['services.web.depends_on array items[0,1] must be unique']);
  });

  it('returns every violation, sorted by position', () => {
    const found = validate(`
name: x
services:
  web:
    image: 1
    platform: linux/amd64
    healthcheck:
      retries: "x"
    deploy:
      replicas: 1.5
`);
    expect(found.map((v) => v.message)).toEqual([
      '(root) Additional property name is not allowed',
      'services.web.image must be a string',
      'services.web Additional property platform is not allowed',
      'services.web.healthcheck.retries must be a number',
      'services.web.deploy.replicas must be a integer',
    ]);
    const lines = found.map((v) => v.range.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('returns nothing for an unsupported version or a non-mapping root', () => {
    expect(validate('services: {web: {platform: x}}\n', '2.4')).toEqual([]);
    expect(validate('- a\n- b\n')).toEqual([]);
  });
});

// ---- the oracle corpus: what a real `docker stack deploy` (CLI 28.2.2) said ----

const CORPUS_PRESENT = existsSync(join(CORPUS, 'verdicts.jsonl'));
// In CI the shared corpus must be there: a missing checkout fails loudly instead of skipping.
if (!CORPUS_PRESENT && process.env.CI) throw new Error(`The Swarm corpus is missing: ${CORPUS} (expected ../shared/corpus beside the project)`);
/** messages produced by the schema step (cli/compose/schema) */
const SCHEMA_MESSAGE = /^\S+ (Additional property .+ is not allowed|must be a .+|Does not match format '.+'|.+ is required|.+ must be one of the following: .+|Must validate .+|array items\[\d+,\d+\] must be unique)$/;
/** steps that run before the schema: when docker stopped there, the schema verdict is unknown */
const BEFORE_SCHEMA = /^(unsupported Compose file version|invalid interpolation format|error while interpolating|compose file contains unsupported options|version mismatched|yaml: |top-level object must be a mapping)/i;

interface Verdict {
  file: string;
  deployed: boolean;
  messages: string[];
}

const verdicts: Verdict[] = CORPUS_PRESENT
  ? readFileSync(join(CORPUS, 'verdicts.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Verdict)
  : [];

describe.skipIf(verdicts.length === 0)('oracle corpus', () => {
  it.each(verdicts.map((v) => [v.file, v] as const))('%s', (_name, verdict) => {
    const parsed = parseYaml(readFileSync(join(CORPUS, verdict.file), 'utf8'));
    if (!parsed.root || parsed.root.kind !== 'map') return;
    const versionNode = getValue(parsed.root, 'version');
    const declared = versionNode?.kind === 'scalar' && versionNode.value !== null ? String(versionNode.value) : undefined;
    const version = resolveSchemaVersion(declared);
    if (!version) return; // e.g. version: '2' — docker stops before the schema
    const found = validateComposeSchema(parsed.root, version, substituteEmptyEnv);
    const ours = found.map((v) => v.message);
    const expected = verdict.messages.filter((m) => SCHEMA_MESSAGE.test(m));
    if (expected.length > 0) {
      // docker prints one error; we report that one among all we find …
      for (const m of expected) expect(ours).toContain(m);
      // … and it is one of the most specific (most dotted path), as getMostSpecificError picks
      const depth = (v: SchemaViolation) => v.dockerPath.split('.').length;
      const printed = found.find((v) => v.message === expected[0]) as SchemaViolation;
      expect(depth(printed)).toBe(Math.max(...found.map(depth)));
    } else if (!verdict.messages.some((m) => BEFORE_SCHEMA.test(m))) {
      // docker got past the schema (deployed, or failed later): nothing to report
      expect(ours).toEqual([]);
    }
  });

  it('covers the whole corpus', () => {
    expect(verdicts.length).toBe(60);
  });
});
