import type { ComposeService, Project } from '../../project/model.js';
import { getValue } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { dockerfileStartCommands, type StartCommand } from './start-command.js';
import { isDevOnlyCompose, isDevOnlyPath, isDevStageName } from './infra-files.js';

export interface ReleaseStartCommand extends StartCommand {
  /** The compose service, for compose commands. */
  service?: ComposeService;
}

/** A compose service built from a development stage (`build: { target: dev }`). */
export function buildsDevTarget(service: ComposeService): boolean {
  const build = getValue(service.node, 'build');
  const target = build?.kind === 'map' ? resolvedString(service.file, getValue(build, 'target')) : undefined;
  return isDevStageName(target);
}

/**
 * Start commands of what gets released: CMD/ENTRYPOINT of Dockerfiles and
 * `command`/`entrypoint` of compose services, each once, without the files
 * named for development (`Dockerfile.dev`, `compose.override.yml`,
 * `docker-compose.dev.yml`), Dockerfiles whose final stage is a dev stage, and
 * services built from a dev stage.
 */
export function releaseStartCommands(project: Project): ReleaseStartCommand[] {
  const out: ReleaseStartCommand[] = [];
  for (const d of project.dockerfiles) {
    if (isDevOnlyPath(d.path) || isDevStageName(d.final?.name)) continue;
    out.push(...dockerfileStartCommands(d));
  }
  for (const file of project.composeFiles) {
    if (isDevOnlyCompose(file)) continue;
    for (const service of file.services) {
      if (buildsDevTarget(service)) continue;
      for (const key of ['entrypoint', 'command'] as const) {
        const node = getValue(service.node, key);
        if (!node) continue;
        const source = key === 'command' ? 'compose-command' : 'compose-entrypoint';
        if (node.kind === 'seq') {
          const words = node.items.map((i) => resolvedString(file, i) ?? '');
          out.push({ text: words.join(' '), words, exec: true, file: file.path, range: node.range, source, service });
        } else {
          const text = resolvedString(file, node);
          if (text) out.push({ text, words: text.split(/\s+/).filter(Boolean), exec: false, file: file.path, range: node.range, source, service });
        }
      }
    }
  }
  return out;
}

/** The shell text a start command runs (`sh -c "…"` unwrapped by the caller's parser). */
export function startCommandText(command: StartCommand): string {
  if (!command.exec) return command.text;
  return command.words.map((w) => (/^[\w./:@=+,%^-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}
