import type { ComposeService } from '../../project/model.js';
import { getValue, scalarString, type YNode } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';

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
