import type { ComposeFile, ComposeService, Project } from '../model.js';
import type { Range } from '../range.js';
import { getValue, scalarString, type YNode, type YScalar } from '../yaml-tree.js';
import { resolvedString, walkScalars, INTERPOLATED_SECTIONS, type PathPart } from '../load-compose.js';
import { resolveSchemaVersion } from './schema-data.js';
import type { Interpolated } from '../interpolate.js';

/** Service keys `docker stack deploy` ignores with "Ignoring unsupported options: …" (cli/compose/loader). */
export const IGNORED_SERVICE_KEYS = [
  'build',
  'cgroup_parent',
  'cgroupns_mode',
  'devices',
  'domainname',
  'external_links',
  'ipc',
  'links',
  'mac_address',
  'network_mode',
  'pid',
  'privileged',
  'restart',
  'security_opt',
  'shm_size',
  'userns_mode',
] as const;

/** "Ignoring deprecated options:" keys and docker's explanation. */
export const DEPRECATED_SERVICE_KEYS: Record<string, string> = {
  container_name: 'Setting the container name is not supported.',
  expose: "Exposing ports is unnecessary - services on the same network can access each other's containers on any port.",
};

/** Keys docker refuses before interpolation: "Compose file contains unsupported options:". */
export const FORBIDDEN_SERVICE_KEYS: Record<string, string> = {
  extends: 'Support for `extends` is not implemented yet.',
  volume_driver:
    'Instead of setting the volume driver on the service, define a volume using the top-level `volumes` option and specify the driver there.',
  volumes_from:
    'To share a volume between services, define it using the top-level `volumes` option and reference it from each service that shares it using the service-level `volumes` option.',
  cpu_quota: 'Set resource limits using deploy.resources',
  cpu_shares: 'Set resource limits using deploy.resources',
  cpuset: 'Set resource limits using deploy.resources',
  mem_limit: 'Set resource limits using deploy.resources',
  memswap_limit: 'Set resource limits using deploy.resources',
};

/** The version docker/cli reads (before interpolation): `fmt.Sprintf("%v")` of the raw value. */
export function rawVersion(file: ComposeFile): string | undefined {
  if (!file.version) return undefined;
  const v = file.version.value;
  if (v === null || v === undefined) return '';
  return String(v);
}

/** '3.x' the file is validated against, or undefined when docker rejects the version. */
export function schemaVersion(file: ComposeFile): string | undefined {
  return resolveSchemaVersion(rawVersion(file));
}

/** Whether the file loads at all: YAML fine and a mapping at the top. */
export function loadable(file: ComposeFile): boolean {
  return file.root !== undefined && file.problems.length === 0;
}

/** Compose files a stack deploy would read: every loadable compose file (override files included: `-c` takes any). */
export function stackFiles(project: Project): ComposeFile[] {
  return project.composeFiles.filter(loadable);
}

export interface InterpolatedScalar {
  node: YScalar;
  path: PathPart[];
  result: Interpolated;
}

/** Every interpolated scalar of the sections docker interpolates, with its path. */
export function interpolatedScalars(file: ComposeFile): InterpolatedScalar[] {
  const out: InterpolatedScalar[] = [];
  if (!file.root) return out;
  for (const entry of file.root.entries) {
    if (!(INTERPOLATED_SECTIONS as readonly string[]).includes(entry.key)) continue;
    walkScalars(entry.value, [entry.key], (node, path) => {
      const result = file.interpolation.get(node);
      if (result) out.push({ node, path, result });
    });
  }
  return out;
}

/** Names a service references in a list-or-map field (`networks`, `secrets`, `configs`). */
export function referencedNames(file: ComposeFile, node: YNode | undefined): { name: string; range: Range }[] {
  if (!node) return [];
  if (node.kind === 'map') return node.entries.map((e) => ({ name: e.key, range: e.keyRange }));
  if (node.kind !== 'seq') return [];
  const out: { name: string; range: Range }[] = [];
  for (const item of node.items) {
    const name = item.kind === 'map' ? resolvedString(file, getValue(item, 'source')) : resolvedString(file, item);
    if (name) out.push({ name, range: item.range });
  }
  return out;
}

/** `external: true` or the legacy `external: {name: x}` form. */
export function isExternal(def: YNode | undefined): boolean {
  const ext = getValue(def, 'external');
  if (!ext) return false;
  if (ext.kind === 'map') return true;
  return scalarString(ext) === 'true';
}

/** The name an external resource has in the swarm. */
export function externalName(name: string, def: YNode | undefined, file: ComposeFile): string {
  const ext = getValue(def, 'external');
  return resolvedString(file, getValue(ext, 'name')) ?? resolvedString(file, getValue(def, 'name')) ?? name;
}

export function servicesOf(file: ComposeFile): ComposeService[] {
  return file.services;
}

/**
 * The restart policy docker/cli converts a service's `restart:` into (cli/compose/convert): always and
 * unless-stopped → any, on-failure[:N] → on-failure with N attempts, no/false → none; undefined for other values.
 */
export function restartPolicyOf(value: string): { condition: 'any' | 'on-failure' | 'none'; maxAttempts?: number } | undefined {
  const m = /^(no|false|always|unless-stopped|on-failure)(?::(\d+))?$/.exec(value);
  if (!m) return undefined;
  if (m[1] === 'no' || m[1] === 'false') return { condition: 'none' };
  if (m[1] === 'on-failure') return m[2] ? { condition: 'on-failure', maxAttempts: Number(m[2]) } : { condition: 'on-failure' };
  return { condition: 'any' };
}
