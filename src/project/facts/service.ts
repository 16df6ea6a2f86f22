/**
 * Facts about one compose service, read once: its environment (from `environment:`
 * and `env_file:`), image, volumes, ports, init, deploy settings. Values are after
 * interpolation with the deploy environment.
 */
import type { ComposeFile, ComposeService, EnvFile, Project } from '../model.js';
import type { Range } from '../range.js';
import { getValue, scalarString, type YNode, type YScalar } from '../yaml-tree.js';
import { resolvedString } from '../load-compose.js';
import { basename, dirname } from '../paths.js';
import { imageFacts } from './image.js';
import { isInside, joinPath } from '../paths.js';

export interface ComposeEnvVar {
  key: string;
  /** Value after interpolation; undefined for `- KEY` (taken from the shell). */
  value: string | undefined;
  /** The value exactly as written. */
  raw: string | undefined;
  node: YNode;
  range: Range;
}

/** `environment:` as a map or a list of `KEY=value`, as written in this service's own node. */
export function serviceEnvironment(service: ComposeService): ComposeEnvVar[] {
  const env = getValue(service.node, 'environment');
  const out: ComposeEnvVar[] = [];
  if (env?.kind === 'map') {
    for (const e of env.entries) {
      const raw = e.value.kind === 'scalar' && e.value.value !== null ? String(e.value.value) : undefined;
      out.push({ key: e.key, value: resolvedString(service.file, e.value), raw, node: e.value, range: { ...e.keyRange, endLine: e.value.range.endLine, endColumn: e.value.range.endColumn } });
    }
  } else if (env?.kind === 'seq') {
    for (const item of env.items) {
      if (item.kind !== 'scalar' || typeof item.value !== 'string') continue;
      const resolved = resolvedString(service.file, item) ?? item.value;
      const i = item.value.indexOf('=');
      const key = i < 0 ? item.value : item.value.slice(0, i);
      out.push({ key, value: i < 0 ? undefined : resolved.slice(resolved.indexOf('=') + 1), raw: i < 0 ? undefined : item.value.slice(i + 1), node: item, range: item.range });
    }
  }
  return out;
}

/**
 * A compose scalar's value when it is certain at audit time: variables that fall back to their
 * default or are unset may be different at deploy, so their value is unknown (undefined).
 */
export function knownString(file: ComposeFile, node: YNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  const interpolated = file.interpolation.get(node);
  if (interpolated && (interpolated.error || interpolated.vars.some((v) => v.origin !== 'env'))) return undefined;
  return resolvedString(file, node);
}

/** Paths of a service's `env_file:` entries, project-relative, in order. */
export function envFilePaths(service: ComposeService): { path: string; node: YNode }[] {
  const envFile = getValue(service.node, 'env_file');
  const items: YNode[] = envFile?.kind === 'seq' ? envFile.items : envFile ? [envFile] : [];
  const out: { path: string; node: YNode }[] = [];
  for (const item of items) {
    const p = resolvedString(service.file, item.kind === 'map' ? getValue(item, 'path') : item);
    if (p) out.push({ path: joinPath(dirname(service.file.path), p), node: item });
  }
  return out;
}

export interface ServiceEnvValue {
  /** Undefined when the value is not known at audit time. */
  value: string | undefined;
  /** The file that sets it (compose file or env file). */
  file: string;
}

export interface ServiceEnv {
  vars: Map<string, ServiceEnvValue>;
  /** An `env_file` that is not in the project may set more. */
  incomplete: boolean;
}

/** Variables the service's containers get from compose: its env_file files, then `environment` (override files merged). */
export function serviceEnv(project: Project, service: ComposeService): ServiceEnv {
  const vars = new Map<string, ServiceEnvValue>();
  let incomplete = false;
  const envFiles = new Map<string, EnvFile>(project.envFiles.map((e) => [e.path, e]));
  for (const s of service.overriddenBy ? [service, service.overriddenBy] : [service]) {
    for (const { path } of envFilePaths(s)) {
      const env = envFiles.get(path);
      if (!env) incomplete = true;
      for (const e of env?.entries ?? []) vars.set(e.key, { value: e.value, file: env!.path });
    }
    for (const v of serviceEnvironment(s)) {
      const known = knownString(s.file, v.node);
      const value = known === undefined ? undefined : v.node.kind === 'scalar' && typeof v.node.value === 'string' && v.node.value.includes('=') && getValue(s.node, 'environment')?.kind === 'seq' ? known.slice(known.indexOf('=') + 1) : known;
      vars.set(v.key, { value: v.value === undefined ? undefined : value, file: s.file.path });
    }
  }
  return { vars, incomplete };
}

/** The image a service runs after interpolation, if it names one. */
export function serviceImage(service: ComposeService): { value: string; node: YScalar } | undefined {
  const node = getValue(service.node, 'image');
  if (!node || node.kind !== 'scalar') return undefined;
  const value = resolvedString(service.file, node);
  return value ? { value, node } : undefined;
}

/** `build.target`, when the service builds a named stage. */
export function buildTarget(service: ComposeService): string | undefined {
  const build = getValue(service.node, 'build');
  return build?.kind === 'map' ? resolvedString(service.file, getValue(build, 'target')) : undefined;
}

/** `init: true`. */
export function serviceInit(service: ComposeService): boolean {
  const s = service.overriddenBy && getValue(service.overriddenBy.node, 'init') ? service.overriddenBy : service;
  const init = getValue(s.node, 'init');
  return init?.kind === 'scalar' && (init.value === true || resolvedString(s.file, init) === 'true');
}

export interface ServiceVolume {
  type: 'bind' | 'volume' | 'tmpfs' | 'npipe' | 'anonymous' | 'unknown';
  source?: string;
  target?: string;
  readOnly: boolean;
  node: YNode;
  /** The string as written, for short syntax. */
  spec?: string;
}

/** A short-syntax source is a host path when it looks like a path (docker/cli: isFilePath). */
export function isHostPath(source: string): boolean {
  return /^([./~]|[A-Za-z]:[\\/]|\\\\)/.test(source);
}

export function parseShortVolume(spec: string): Omit<ServiceVolume, 'node'> {
  const parts = spec.split(':');
  // Windows drive letters (C:\data:/data) are rare in stack files; treat the first part as the source.
  if (parts.length === 1) return { type: 'anonymous', target: parts[0], readOnly: false, spec };
  const [source, target, mode = ''] = parts;
  const readOnly = mode.split(',').includes('ro');
  return { type: isHostPath(source) ? 'bind' : 'volume', source, target, readOnly, spec };
}

export function serviceVolumes(service: ComposeService): ServiceVolume[] {
  const node = getValue(service.node, 'volumes');
  if (!node || node.kind !== 'seq') return [];
  const out: ServiceVolume[] = [];
  for (const item of node.items) {
    if (item.kind === 'scalar') {
      const spec = resolvedString(service.file, item);
      if (spec) out.push({ ...parseShortVolume(spec), node: item });
    } else if (item.kind === 'map') {
      const type = (resolvedString(service.file, getValue(item, 'type')) ?? 'unknown') as ServiceVolume['type'];
      out.push({
        type,
        source: resolvedString(service.file, getValue(item, 'source')),
        target: resolvedString(service.file, getValue(item, 'target')),
        readOnly: scalarString(getValue(item, 'read_only')) === 'true',
        node: item,
      });
    }
  }
  return out;
}

/** Host paths mounted for node-level access (the Docker socket, the clock), not for app state. */
export const SYSTEM_MOUNTS = /^(\/var\/run\/docker\.sock|\/run\/docker\.sock|\/etc\/localtime|\/etc\/timezone|\/proc|\/sys|\/dev|\/var\/lib\/docker|\/rootfs|\/|\/etc\/hostname|\/var\/run|\/run\/udev|\/lib\/modules|\/etc\/machine-id)(\/|$)/;

/**
 * The service is pinned to chosen nodes (by hostname, id or a node label), or runs one task per node.
 * A role constraint (`node.role == worker`) still lets Swarm move tasks between many nodes.
 */
export function isPinned(service: ComposeService): boolean {
  const deploy = getValue(service.node, 'deploy');
  const constraints = getValue(getValue(deploy, 'placement'), 'constraints');
  if (constraints?.kind === 'seq' && constraints.items.some((c) => /^\s*node\.(hostname|id|labels\.[\w.-]+)\s*==/.test(scalarString(c) ?? ''))) return true;
  return scalarString(getValue(deploy, 'mode')) === 'global';
}

/** Any placement constraint at all: the deployer chose where the service runs. */
export function hasPlacementConstraint(service: ComposeService): boolean {
  const constraints = getValue(getValue(getValue(service.node, 'deploy'), 'placement'), 'constraints');
  return constraints?.kind === 'seq' && constraints.items.length > 0;
}

/** Container ports a service publishes (`ports:` target side). */
export function publishedTargets(service: ComposeService): number[] {
  const out: number[] = [];
  const ports = getValue(service.node, 'ports');
  if (ports?.kind !== 'seq') return out;
  for (const item of ports.items) {
    let target: number | undefined;
    if (item.kind === 'map') target = Number(knownString(service.file, getValue(item, 'target')));
    else {
      const spec = knownString(service.file, item) ?? '';
      const last = spec.split('/')[0].split(':').pop() ?? '';
      const m = /^(\d+)$/.exec(last);
      target = m ? Number(m[1]) : undefined;
    }
    if (target && Number.isInteger(target)) out.push(target);
  }
  return out;
}

/** `deploy.replicas` when set to a number; 'global' for global mode. */
export function replicas(service: ComposeService): number | 'global' | undefined {
  const deploy = getValue(service.node, 'deploy');
  if (scalarString(getValue(deploy, 'mode')) === 'global') return 'global';
  const r = resolvedString(service.file, getValue(deploy, 'replicas'));
  if (r === undefined || !/^\d+$/.test(r)) return undefined;
  return Number(r);
}

/** Backing-service images by family, for parity and backing-service rules. */
export const BACKING_IMAGE_FAMILIES: Record<string, RegExp> = {
  postgres: /(^|\/)(postgres|postgis\/postgis|timescale\/timescaledb[\w-]*|bitnami\/postgresql|pgvector\/pgvector)(:|$)/,
  mysql: /(^|\/)(mysql|mariadb|percona|bitnami\/mysql|bitnami\/mariadb)(:|$)/,
  mongo: /(^|\/)(mongo|bitnami\/mongodb)(:|$)/,
  redis: /(^|\/)(redis|valkey\/valkey|bitnami\/redis|redis\/redis-stack[\w-]*|eqalpha\/keydb|docker\.dragonflydb\.io\/dragonflydb\/dragonfly)(:|$)/,
  rabbitmq: /(^|\/)(rabbitmq|bitnami\/rabbitmq)(:|$)/,
  elasticsearch: /(^|\/)(elasticsearch|docker\.elastic\.co\/elasticsearch\/elasticsearch|opensearchproject\/opensearch)(:|$)/,
  memcached: /(^|\/)memcached(:|$)/,
  mssql: /mssql\/server(:|$)|azure-sql-edge(:|$)/,
  sqlite: /sqlite/,
};

export function backingFamily(image: string): string | undefined {
  const name = image.toLowerCase();
  for (const [family, re] of Object.entries(BACKING_IMAGE_FAMILIES)) if (re.test(name)) return family;
  return undefined;
}

/** Variables an image's entrypoint refuses to start without (empty counts as unset), by family. */
export const IMAGE_REQUIRED_ENV: Record<string, RegExp> = {
  postgres: /^POSTGRES_PASSWORD$/,
  mysql: /^(MYSQL_ROOT_PASSWORD|MARIADB_ROOT_PASSWORD)$/,
  mssql: /^(SA_PASSWORD|MSSQL_SA_PASSWORD|ACCEPT_EULA)$/,
};

/** Families whose image keeps state on disk (a cache such as memcached does not). */
export const STATEFUL_FAMILIES = new Set(['postgres', 'mysql', 'mongo', 'rabbitmq', 'elasticsearch', 'mssql']);

/**
 * For an overlay file used with `-f` (`docker-compose.prod.yml` that only sets `command:`), the
 * service of the same name in a file of the same folder that says how it is built.
 */
export function baseService(project: { composeFiles: ComposeFile[] }, service: ComposeService): ComposeService | undefined {
  if (getValue(service.node, 'build') || getValue(service.node, 'image')) return undefined;
  const dir = dirname(service.file.path);
  return project.composeFiles
    .filter((f) => f !== service.file && dirname(f.path) === dir)
    .flatMap((f) => f.services)
    .find((s) => s.name === service.name && (s.dockerfile || s.buildContext));
}

/** Project-relative path of a relative bind-mount source (`./src` in `api/compose.yaml` → `api/src`). */
export function bindSourcePath(service: ComposeService, source: string): string | undefined {
  if (!/^\.{1,2}(\/|$)/.test(source)) return undefined;
  return joinPath(dirname(service.file.path), source);
}

/**
 * A bind mount of the project's source over the container's code: a relative
 * host directory (not a single file) that is the service's build context or
 * holds source files or a dependency manifest.
 */
/** Official language runtime images: a service on one runs whatever code is mounted into it. */
const RUNTIME_IMAGE = /^(?:docker\.io\/)?(?:library\/)?(node|python|pypy|ruby|php|golang|openjdk|eclipse-temurin|amazoncorretto|maven|gradle|rust|elixir|erlang|perl|bun|oven\/bun|denoland\/deno|mcr\.microsoft\.com\/dotnet\/[\w-]+|composer|ghcr\.io\/astral-sh\/uv|alpine|debian|ubuntu|busybox)(:|@|$)/i;

/** The image is one of the project's own (a compose service or workflow builds it) or a language runtime. */
function runsProjectCode(project: Project, image: string): boolean {
  if (RUNTIME_IMAGE.test(image)) return true;
  const repo = image.replace(/[:@].*$/, '').toLowerCase();
  const name = repo.split('/').pop() ?? repo;
  // The project's image is named for it somewhere: a service that builds it, or a repository/folder name.
  const built = project.composeFiles.some((f) => f.services.some((s) => s.buildContext !== undefined && serviceImage(s)?.value.replace(/[:@].*$/, '').toLowerCase() === repo));
  // Or the image is named like the project: its folder, or its git remote (`github.com/mediacms-io/mediacms` → mediacms/mediacms).
  const remotes = (project.git?.remotes ?? []).map((r) => basename(r.replace(/\.git$/, '')).toLowerCase());
  const projectNames = [basename(project.root).toLowerCase(), ...remotes].filter((n) => n.length >= 3);
  return built || (project.dockerfiles.length > 0 && projectNames.some((n) => name === n || name.startsWith(`${n}-`) || n.includes(name)));
}

export function isSourceMount(project: Project, service: ComposeService, volume: ServiceVolume): boolean {
  if (volume.type !== 'bind' || !volume.source || !volume.target) return false;
  const path = bindSourcePath(service, volume.source);
  if (path === undefined || path.startsWith('..')) return false;
  if (project.files.some((f) => f.path === path)) return false;
  // A database, cache or other application image runs no project code: `./db:/config` on mariadb, `./cube/schema` on
  // cubejs/cube are their data or config. Only the project's own images and language runtimes (`node:20` + `.:/app`) run it.
  const image = service.buildContext === undefined ? serviceImage(service) : undefined;
  if (image && (backingFamily(image.value) || !runsProjectCode(project, image.value))) return false;
  // `./configuration:/etc/netbox/config:ro`: a folder mounted outside the image's working directory is its config, not its code.
  const workdir = service.dockerfile ? imageFacts(service.dockerfile, buildTarget(service)).workdir : undefined;
  if (workdir && workdir !== '/' && volume.readOnly && !isInside(volume.target, workdir) && !isInside(workdir, volume.target)) return false;
  if (service.buildContext !== undefined && path === service.buildContext) return true;
  return project.files.some((f) => (f.kind === 'source' || f.kind === 'manifest' || f.kind === 'dockerfile') && isInside(f.path, path));
}
