import type { ComposeService, Dockerfile, DockerInstruction } from '../../project/model.js';
import type { Range } from '../../project/range.js';
import { getValue, type YNode } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';

/** A command a container runs, with where it is written. */
export interface StartCommand {
  /** The command as one shell-like string (exec form joined with spaces). */
  text: string;
  /** Words, when known (exec form or split shell form). */
  words: string[];
  exec: boolean;
  file: string;
  range: Range;
  source: 'dockerfile-cmd' | 'dockerfile-entrypoint' | 'compose-command' | 'compose-entrypoint';
}

export function fromInstruction(dockerfile: Dockerfile, inst: DockerInstruction): StartCommand {
  return {
    text: inst.exec ? inst.exec.join(' ') : inst.args,
    words: inst.exec ?? inst.args.split(/\s+/).filter(Boolean),
    exec: Boolean(inst.exec),
    file: dockerfile.path,
    range: inst.range,
    source: inst.keyword === 'CMD' ? 'dockerfile-cmd' : 'dockerfile-entrypoint',
  };
}

function fromComposeNode(service: ComposeService, node: YNode, source: StartCommand['source']): StartCommand | undefined {
  if (node.kind === 'seq') {
    const words = node.items.map((i) => resolvedString(service.file, i) ?? '');
    return { text: words.join(' '), words, exec: true, file: service.file.path, range: node.range, source };
  }
  const text = resolvedString(service.file, node);
  if (text === undefined) return undefined;
  return { text, words: text.split(/\s+/).filter(Boolean), exec: false, file: service.file.path, range: node.range, source };
}

/** The commands a compose service's containers start with: its own command/entrypoint, else its image's. */
export function serviceStartCommands(service: ComposeService): StartCommand[] {
  const out: StartCommand[] = [];
  const command = getValue(service.node, 'command');
  const entrypoint = getValue(service.node, 'entrypoint');
  if (entrypoint) {
    const c = fromComposeNode(service, entrypoint, 'compose-entrypoint');
    if (c) out.push(c);
  } else if (service.dockerfile?.entrypoint) out.push(fromInstruction(service.dockerfile, service.dockerfile.entrypoint));
  if (command) {
    const c = fromComposeNode(service, command, 'compose-command');
    if (c) out.push(c);
  } else if (service.dockerfile?.cmd && !entrypoint) out.push(fromInstruction(service.dockerfile, service.dockerfile.cmd));
  return out;
}

/** CMD and ENTRYPOINT of a Dockerfile's final stage. */
export function dockerfileStartCommands(dockerfile: Dockerfile): StartCommand[] {
  return [dockerfile.entrypoint, dockerfile.cmd].filter((i): i is DockerInstruction => Boolean(i)).map((i) => fromInstruction(dockerfile, i));
}

/** Every start command in the project: Dockerfile CMD/ENTRYPOINT and compose command/entrypoint, each once. */
export function allStartCommands(project: { dockerfiles: Dockerfile[]; composeFiles: { services: ComposeService[] }[] }): StartCommand[] {
  const out: StartCommand[] = [];
  for (const d of project.dockerfiles) out.push(...dockerfileStartCommands(d));
  for (const f of project.composeFiles) {
    for (const s of f.services) {
      for (const key of ['command', 'entrypoint'] as const) {
        const node = getValue(s.node, key);
        if (!node) continue;
        const c = fromComposeNode(s, node, key === 'command' ? 'compose-command' : 'compose-entrypoint');
        if (c) out.push(c);
      }
    }
  }
  return out;
}

/** Splits a shell command line at `&&`, `||`, `;` and `|` (quotes respected roughly). */
export function shellSegments(text: string): string[] {
  return text
    .split(/&&|\|\||;|\|/)
    .map((s) => s.trim())
    .filter(Boolean);
}
