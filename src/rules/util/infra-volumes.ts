import type { ComposeService, Project } from '../../project/model.js';
import { dirname } from '../../project/classify.js';
import type { ServiceVolume } from './volumes.js';
import { isInside } from './infra-files.js';

/** Project-relative path of a relative bind-mount source (`./src` in `api/compose.yaml` → `api/src`). */
export function bindSourcePath(service: ComposeService, source: string): string | undefined {
  if (!/^\.{1,2}(\/|$)/.test(source)) return undefined;
  const parts = (dirname(service.file.path) === '.' ? [] : dirname(service.file.path).split('/')).concat(source.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (out.length === 0 || out.at(-1) === '..') out.push('..');
      else out.pop();
    } else out.push(p);
  }
  return out.join('/') || '.';
}

/**
 * A bind mount of the project's source over the container's code: a relative
 * host directory (not a single file) that is the service's build context or
 * holds source files or a dependency manifest.
 */
export function isSourceMount(project: Project, service: ComposeService, volume: ServiceVolume): boolean {
  if (volume.type !== 'bind' || !volume.source || !volume.target) return false;
  const path = bindSourcePath(service, volume.source);
  if (path === undefined || path.startsWith('..')) return false;
  if (project.files.some((f) => f.path === path)) return false;
  if (service.buildContext !== undefined && path === service.buildContext) return true;
  return project.files.some((f) => (f.kind === 'source' || f.kind === 'manifest' || f.kind === 'dockerfile') && isInside(f.path, path));
}
