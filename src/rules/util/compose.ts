import type { ComposeFile, ComposeService } from '../../project/model.js';
import type { Range } from '../../project/range.js';
import { getValue, type YNode, type YScalar } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';

export interface ComposeEnvVar {
  key: string;
  /** Value after interpolation; undefined for `- KEY` (taken from the shell). */
  value: string | undefined;
  /** The value exactly as written. */
  raw: string | undefined;
  node: YNode;
  range: Range;
}

/** `environment:` as a map or a list of `KEY=value`. */
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
      out.push({
        key,
        value: i < 0 ? undefined : resolved.slice(resolved.indexOf('=') + 1),
        raw: i < 0 ? undefined : item.value.slice(i + 1),
        node: item,
        range: item.range,
      });
    }
  }
  return out;
}

/** The image a service runs after interpolation, if it names one. */
export function serviceImage(service: ComposeService): { value: string; node: YScalar } | undefined {
  const node = getValue(service.node, 'image');
  if (!node || node.kind !== 'scalar') return undefined;
  const value = resolvedString(service.file, node);
  return value ? { value, node } : undefined;
}

export function allServices(files: readonly ComposeFile[]): ComposeService[] {
  return files.flatMap((f) => f.services);
}

/** Backing-service images by family, for parity and backing-service rules. */
export const BACKING_IMAGE_FAMILIES: Record<string, RegExp> = {
  postgres: /(^|\/)(postgres|postgis\/postgis|timescale\/timescaledb[\w-]*|bitnami\/postgresql)(:|$)/,
  mysql: /(^|\/)(mysql|mariadb|percona|bitnami\/mysql|bitnami\/mariadb)(:|$)/,
  mongo: /(^|\/)(mongo|bitnami\/mongodb)(:|$)/,
  redis: /(^|\/)(redis|valkey\/valkey|bitnami\/redis|redis\/redis-stack[\w-]*)(:|$)/,
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
