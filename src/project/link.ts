import type { ComposeFile, Project } from './model.js';
import { overrideBaseName } from './classify.js';
import { basename, dirname, joinPath } from './paths.js';
import { resolvedString } from './load-compose.js';
import { getValue } from './yaml-tree.js';

/** Project-relative, normalized, forward slashes; may start with `../`. */
/** Cross-file facts: override pairs, service → Dockerfile, existence of referenced paths. */
export function link(project: Project): void {
  linkOverrides(project.composeFiles);
  const dockerfiles = new Map(project.dockerfiles.map((d) => [d.path, d]));
  const referenced = new Set<string>();
  for (const file of project.composeFiles) {
    const dir = dirname(file.path);
    referenced.add(joinPath(dir, '.env'));
    for (const service of file.services) {
      const build = getValue(service.node, 'build');
      if (build) {
        let context: string | undefined;
        let dockerfile = 'Dockerfile';
        if (build.kind === 'scalar') context = resolvedString(file, build);
        else if (build.kind === 'map') {
          context = resolvedString(file, getValue(build, 'context')) ?? '.';
          dockerfile = resolvedString(file, getValue(build, 'dockerfile')) ?? 'Dockerfile';
        }
        if (context !== undefined && !/^[a-z]+:\/\//i.test(context) && !context.startsWith('git@')) {
          service.buildContext = joinPath(dir, context);
          service.dockerfilePath = joinPath(service.buildContext, dockerfile);
          const linked = dockerfiles.get(service.dockerfilePath);
          if (linked) {
            service.dockerfile = linked;
            linked.usedBy.push(service);
          }
        }
      }
      const envFile = getValue(service.node, 'env_file');
      const envFiles = envFile?.kind === 'seq' ? envFile.items : envFile ? [envFile] : [];
      for (const item of envFiles) {
        const p = resolvedString(file, item.kind === 'map' ? getValue(item, 'path') : item);
        if (p) referenced.add(joinPath(dir, p));
      }
    }
    for (const defs of [file.secrets, file.configs]) {
      for (const def of defs.values()) {
        const p = resolvedString(file, getValue(def.node, 'file'));
        if (p) referenced.add(joinPath(dir, p));
      }
    }
  }
  const known = new Set(project.files.map((f) => f.path));
  const exists = new Map<string, boolean>();
  for (const rel of referenced) exists.set(rel, known.has(rel) || (!rel.startsWith('/') && !rel.startsWith('..') ? project.reader.exists(rel) : false));
  project.pathExists = (rel: string) => exists.get(rel) ?? known.has(rel);
}

function linkOverrides(files: ComposeFile[]): void {
  for (const file of files) {
    const base = overrideBaseName(file.path);
    if (!base) continue;
    const dir = dirname(file.path);
    const target = files.find((f) => f !== file && dirname(f.path) === dir && new RegExp(`^${base}\\.ya?ml$`, 'i').test(basename(f.path)));
    if (!target) continue;
    target.override = file;
    file.overrides = target;
    file.role = 'override';
    for (const service of target.services) {
      const over = file.services.find((s) => s.name === service.name);
      if (over) service.overriddenBy = over;
    }
  }
}

