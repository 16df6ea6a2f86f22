import type { ComposeFile, ComposeService, TextFile, TopLevelDefinition } from './model.js';
import { parseYaml, type YNode, type YMap, type YScalar } from './yaml-tree.js';
import { interpolate, type Interpolated } from './interpolate.js';
import { isStackFileName } from './classify.js';

/** Sections docker/cli interpolates (cli/compose/loader: interpolateConfig). */
export const INTERPOLATED_SECTIONS = ['services', 'networks', 'volumes', 'secrets', 'configs'] as const;

export function loadCompose(file: TextFile, env: ReadonlyMap<string, string>, maxDepth?: number): ComposeFile {
  const parsed = parseYaml(file.text, maxDepth);
  const compose: ComposeFile = {
    ...file,
    problems: parsed.problems,
    services: [],
    networks: new Map(),
    volumes: new Map(),
    secrets: new Map(),
    configs: new Map(),
    interpolation: new Map(),
    role: isStackFileName(file.path) ? 'stack' : 'compose',
  };
  const root = parsed.root;
  if (!root) return compose;
  if (root.kind !== 'map') {
    compose.problems.push({ code: 'not-a-mapping', message: 'Top-level object must be a mapping', range: root.range });
    return compose;
  }
  compose.root = root;
  for (const entry of root.entries) {
    if (entry.key === 'version') compose.version = { value: entry.value.kind === 'scalar' ? entry.value.value : undefined, range: entry.value.range };
    if ((INTERPOLATED_SECTIONS as readonly string[]).includes(entry.key)) {
      walkScalars(entry.value, [entry.key], (scalar) => {
        if (typeof scalar.value === 'string' && scalar.value.includes('$')) compose.interpolation.set(scalar, interpolate(scalar.value, env));
      });
    }
    if (entry.value.kind !== 'map') continue;
    if (entry.key === 'services') {
      for (const s of entry.value.entries) {
        if (s.value.kind !== 'map') continue;
        const service: ComposeService = { name: s.key, file: compose, keyRange: s.keyRange, node: s.value };
        compose.services.push(service);
      }
    }
    // A Map, not an object literal: a top-level key named `toString` or `__proto__` is just a key.
    const defs = new Map([['networks', compose.networks], ['volumes', compose.volumes], ['secrets', compose.secrets], ['configs', compose.configs]]).get(entry.key);
    if (defs) {
      for (const d of entry.value.entries) defs.set(d.key, { name: d.key, keyRange: d.keyRange, node: d.value } satisfies TopLevelDefinition);
    }
  }
  if (compose.role === 'compose' && compose.services.some((s) => s.node.entries.some((e) => e.key === 'deploy'))) compose.role = 'stack';
  return compose;
}

export type PathPart = string | number;

/** Visits every scalar below a node with its path (numbers for sequence items). */
export function walkScalars(node: YNode, path: PathPart[], visit: (scalar: YScalar, path: PathPart[]) => void): void {
  if (node.kind === 'scalar') visit(node, path);
  else if (node.kind === 'seq') node.items.forEach((item, i) => walkScalars(item, [...path, i], visit));
  else for (const e of node.entries) walkScalars(e.value, [...path, e.key], visit);
}

/** docker prints sequence items as `[]`: `services.web.labels.[]`. */
export function dockerPath(path: readonly PathPart[]): string {
  return path.map((p) => (typeof p === 'number' ? '[]' : p)).join('.');
}

/** The value a scalar has after interpolation (a string), or its YAML value. */
export function resolvedValue(file: ComposeFile, node: YNode | undefined): string | number | boolean | null | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  const i = file.interpolation.get(node);
  return i ? i.value : node.value;
}

export function resolvedString(file: ComposeFile, node: YNode | undefined): string | undefined {
  const v = resolvedValue(file, node);
  return v === null || v === undefined ? undefined : String(v);
}

export function interpolationOf(file: ComposeFile, node: YNode | undefined): Interpolated | undefined {
  return node && node.kind === 'scalar' ? file.interpolation.get(node) : undefined;
}

export function serviceEntry(service: ComposeService, key: string) {
  return service.node.entries.find((e) => e.key === key);
}

export function mapEntries(node: YNode | undefined): YMap['entries'] {
  return node && node.kind === 'map' ? node.entries : [];
}
