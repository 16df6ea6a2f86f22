/**
 * What a container runs: the final image stage, its base image, its environment
 * and the process Docker starts (ENTRYPOINT + CMD, or the compose overrides).
 */
import type { ComposeFile, ComposeService, Dockerfile, DockerInstruction, DockerStage } from '../../project/model.js';
import { dirname } from '../../project/classify.js';
import { getValue, type YNode } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { parseImageRef } from '../../project/load-dockerfile.js';
import { envPairs } from '../config/secret-in-dockerfile.js';
import { fromInstruction, type StartCommand } from './start-command.js';
import { serviceEnvironment } from './compose.js';
import { basename, INIT_PROGRAMS, parseArgv, parseShell, tokenize, type SimpleCommand } from './runtime-command.js';

/** The final stage and the stages it is built FROM, final first. */
export function stageChain(d: Dockerfile): DockerStage[] {
  const out: DockerStage[] = [];
  let s = d.final;
  while (s && !out.includes(s)) {
    out.push(s);
    if (!s.fromStage) break;
    const parent = s.imageResolved.toLowerCase();
    const index = s.index;
    s = d.stages.find((p) => p.index < index && p.name?.toLowerCase() === parent);
  }
  return out;
}

/** Instructions of the final stage chain in build order (ancestors first). */
export function chainInstructions(d: Dockerfile): DockerInstruction[] {
  return stageChain(d)
    .reverse()
    .flatMap((s) => s.instructions);
}

/** The external image the final stage is built on (after ARG substitution), with its FROM. */
export function runtimeBase(d: Dockerfile): { image: string; from: DockerInstruction } | undefined {
  const chain = stageChain(d);
  const root = chain.at(-1);
  if (!root || root.fromStage) return undefined;
  return { image: root.imageResolved, from: root.fromInstruction };
}

/** Image name without registry `docker.io/library/` and without tag/digest, lower case. */
export function imageName(ref: string): string {
  return parseImageRef(ref.toLowerCase())
    .name.replace(/^(docker\.io\/|index\.docker\.io\/|registry-1\.docker\.io\/)/, '')
    .replace(/^library\//, '');
}

/** Official images whose ENTRYPOINT is absent or ends in `exec "$@"`: the CMD becomes the main process. */
const TRANSPARENT_ENTRYPOINT =
  /^(node|python|pypy|ruby|golang|php|perl|elixir|erlang|rust|openjdk|eclipse-temurin|amazoncorretto|ibmjava|sapmachine|alpine|debian|ubuntu|busybox|buildpack-deps|centos|fedora|rockylinux|almalinux|oraclelinux|amazonlinux|archlinux|opensuse\/[\w.-]+|redhat\/ubi\d+(-minimal)?|registry\.access\.redhat\.com\/ubi\d+(\/[\w-]+)?|oven\/bun|mcr\.microsoft\.com\/dotnet\/(aspnet|runtime|runtime-deps|sdk)|nginx|httpd|caddy)$/;

export function hasTransparentEntrypoint(image: string | undefined): boolean {
  return image !== undefined && TRANSPARENT_ENTRYPOINT.test(imageName(image));
}

/**
 * The instruction as written, flags included, continuations joined. `DockerInstruction.args`
 * leaves out flags such as `COPY --from=build` / `--chown`.
 */
export function rawArgs(d: Dockerfile, inst: DockerInstruction): string {
  const lines = d.lines.slice(inst.range.line - 1, inst.range.endLine);
  if (lines.length === 0) return inst.args;
  lines[lines.length - 1] = lines[lines.length - 1].slice(0, inst.range.endColumn - 1);
  lines[0] = lines[0].slice(inst.range.column - 1);
  const text = lines
    .map((l) => l.replace(/\\\s*$/, ''))
    .filter((l) => !/^\s*#/.test(l))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.replace(/^\S+\s*/, '');
}

/** ENV values of the final image (ARG-free; later ENV wins). */
export function imageEnv(d: Dockerfile): Map<string, string | undefined> {
  const env = new Map<string, string | undefined>();
  for (const inst of chainInstructions(d)) {
    if (inst.keyword !== 'ENV') continue;
    for (const { name, value } of envPairs(inst.args, 'ENV')) env.set(name, value);
  }
  return env;
}

/** The last HEALTHCHECK of the final image chain, if any. */
export function imageHealthcheck(d: Dockerfile): DockerInstruction | undefined {
  return chainInstructions(d)
    .filter((i) => i.keyword === 'HEALTHCHECK')
    .at(-1);
}

/** Compose `command`/`entrypoint` strings are split like shell words (no shell runs them). */
export function shellWords(text: string): string[] {
  return tokenize(text).map((t) => t.value);
}

/** The simple commands of one start command as written (exec form, shell form, or compose string). */
export function partCommands(part: StartCommand): SimpleCommand[] {
  if (part.exec) return parseArgv(part.words);
  if (part.source.startsWith('compose')) return parseArgv(shellWords(part.text));
  return parseShell(part.text);
}

function partArgv(part: StartCommand): string[] {
  if (part.exec) return part.words;
  if (part.source.startsWith('compose')) return shellWords(part.text);
  return ['/bin/sh', '-c', part.text];
}

/** The process a container starts, put together from ENTRYPOINT and CMD (and compose overrides). */
export interface ContainerProcess {
  /** Full argv Docker executes; shell form is `/bin/sh -c <text>`. */
  argv: string[];
  commands: SimpleCommand[];
  /** The parts it is made of (entrypoint first). */
  parts: StartCommand[];
  /** The part that names the program (where findings go). */
  at: StartCommand;
  /** False when an image we cannot see may put its own ENTRYPOINT in front. */
  entrypointKnown: boolean;
  /** `init: true` in compose. */
  composeInit: boolean;
  dockerfile?: Dockerfile;
  service?: ComposeService;
}

function assemble(entry: StartCommand | undefined, cmd: StartCommand | undefined): Pick<ContainerProcess, 'argv' | 'parts' | 'at'> | undefined {
  if (entry && !entry.exec && !entry.source.startsWith('compose')) {
    // Shell-form ENTRYPOINT ignores CMD.
    return { argv: partArgv(entry), parts: [entry], at: entry };
  }
  if (entry) {
    const entryArgv = partArgv(entry);
    const argv = [...entryArgv, ...(cmd ? partArgv(cmd) : [])];
    const inEntry = parseArgv(entryArgv).some((c) => c.words.length > 0);
    return { argv, parts: cmd ? [entry, cmd] : [entry], at: inEntry || !cmd ? entry : cmd };
  }
  if (cmd) return { argv: partArgv(cmd), parts: [cmd], at: cmd };
  return undefined;
}

export function dockerfileProcess(d: Dockerfile): ContainerProcess | undefined {
  const entry = d.entrypoint ? fromInstruction(d, d.entrypoint) : undefined;
  const cmd = d.cmd ? fromInstruction(d, d.cmd) : undefined;
  const a = assemble(entry, cmd);
  if (!a) return undefined;
  return { ...a, commands: parseArgv(a.argv), entrypointKnown: Boolean(entry) || hasTransparentEntrypoint(runtimeBase(d)?.image), composeInit: false, dockerfile: d };
}

function composePart(service: ComposeService, node: YNode, source: StartCommand['source']): StartCommand | undefined {
  if (node.kind === 'seq') {
    const words = node.items.map((i) => resolvedString(service.file, i) ?? '');
    return { text: words.join(' '), words, exec: true, file: service.file.path, range: node.range, source };
  }
  const text = resolvedString(service.file, node);
  if (text === undefined || text.trim() === '') return undefined;
  return { text, words: shellWords(text), exec: false, file: service.file.path, range: node.range, source };
}

/**
 * For an overlay file used with `-f` (`docker-compose.prod.yml` that only sets `command:`), the
 * service of the same name in a file of the same folder that says how it is built.
 */
export function baseService(project: { composeFiles: ComposeFile[] } | undefined, service: ComposeService): ComposeService | undefined {
  if (!project || getValue(service.node, 'build') || getValue(service.node, 'image')) return undefined;
  const dir = dirname(service.file.path);
  return project.composeFiles
    .filter((f) => f !== service.file && dirname(f.path) === dir)
    .flatMap((f) => f.services)
    .find((s) => s.name === service.name && (s.dockerfile || s.buildContext));
}

/** The process of a compose service: its own command/entrypoint over its image's. Undefined when unknown. */
export function serviceProcess(service: ComposeService, project?: { composeFiles: ComposeFile[] }): ContainerProcess | undefined {
  const ceNode = getValue(service.node, 'entrypoint');
  const ccNode = getValue(service.node, 'command');
  const d = service.dockerfile ?? baseService(project, service)?.dockerfile;
  const ce = ceNode ? composePart(service, ceNode, 'compose-entrypoint') : undefined;
  const cc = ccNode ? composePart(service, ccNode, 'compose-command') : undefined;
  const entry = ce ?? (!ceNode && d?.entrypoint ? fromInstruction(d, d.entrypoint) : undefined);
  const cmd = cc ?? (!ceNode && !ccNode && d?.cmd ? fromInstruction(d, d.cmd) : undefined);
  const a = assemble(entry, cmd);
  if (!a) return undefined;
  const image = resolvedString(service.file, getValue(service.node, 'image'));
  const entrypointKnown = Boolean(entry) || (d ? hasTransparentEntrypoint(runtimeBase(d)?.image) : hasTransparentEntrypoint(image));
  const init = getValue(service.node, 'init');
  const composeInit = init?.kind === 'scalar' && (init.value === true || resolvedString(service.file, init) === 'true');
  return { ...a, commands: parseArgv(a.argv), entrypointKnown, composeInit, ...(d ? { dockerfile: d } : {}), service };
}

/** Whether an init (tini, dumb-init, docker-init via `init: true`, s6 `/init`) sits at PID 1. */
export function hasInit(p: ContainerProcess): boolean {
  if (p.composeInit) return true;
  return p.commands.some((c) => c.init !== undefined) || INIT_PROGRAMS.has(basename(p.argv[0] ?? ''));
}

/**
 * The program that is PID 1, when it can be told: exec form with a known entrypoint,
 * or `sh -c "exec x"`. Undefined for shell form and unknown entrypoints.
 */
export function pid1(p: ContainerProcess): { name: string; command: SimpleCommand } | undefined {
  if (!p.entrypointKnown || hasInit(p) || p.commands.length !== 1) return undefined;
  const c = p.commands[0];
  if (!c.exec || c.background || c.words.length === 0) return undefined;
  return { name: basename(c.words[0]), command: c };
}

/** Environment variable names a service's containers get from compose and the image; `unknown` when an env_file may add more. */
export function runtimeEnvNames(service: ComposeService | undefined, d: Dockerfile | undefined): { names: Set<string>; unknown: boolean } {
  const names = new Set<string>();
  let unknown = false;
  if (d) for (const k of imageEnv(d).keys()) names.add(k);
  if (service) {
    for (const v of serviceEnvironment(service)) names.add(v.key);
    if (getValue(service.node, 'env_file')) unknown = true;
    if (service.overriddenBy) {
      for (const v of serviceEnvironment(service.overriddenBy)) names.add(v.key);
      if (getValue(service.overriddenBy.node, 'env_file')) unknown = true;
    }
  }
  return { names, unknown };
}

/** A start command as written somewhere in the project, with what runs it. */
export interface StartPart {
  part: StartCommand;
  /** Words describing where: `CMD`, `ENTRYPOINT`, `command of service "web"`. */
  where: string;
  /** Its simple commands; an exec-form ENTRYPOINT gets the CMD that follows it as arguments. */
  commands: SimpleCommand[];
  dockerfile?: Dockerfile;
  service?: ComposeService;
}

function withArgs(entry: StartCommand, cmd: StartCommand | undefined): SimpleCommand[] {
  if (!cmd || (!entry.exec && !entry.source.startsWith('compose'))) return partCommands(entry);
  return parseArgv([...partArgv(entry), ...partArgv(cmd)]);
}

/** Final-stage CMD/ENTRYPOINT of every Dockerfile and every compose command/entrypoint, once each. */
export function startParts(project: { dockerfiles: Dockerfile[]; composeFiles: { services: ComposeService[] }[] }): StartPart[] {
  const out: StartPart[] = [];
  for (const d of project.dockerfiles) {
    const entry = d.entrypoint ? fromInstruction(d, d.entrypoint) : undefined;
    const cmd = d.cmd ? fromInstruction(d, d.cmd) : undefined;
    if (entry) out.push({ part: entry, where: 'ENTRYPOINT', commands: withArgs(entry, cmd), dockerfile: d });
    if (cmd) out.push({ part: cmd, where: 'CMD', commands: partCommands(cmd), dockerfile: d });
  }
  for (const f of project.composeFiles) {
    for (const s of f.services) {
      const eNode = getValue(s.node, 'entrypoint');
      const cNode = getValue(s.node, 'command');
      const entry = eNode && composePart(s, eNode, 'compose-entrypoint');
      const cmd = cNode && composePart(s, cNode, 'compose-command');
      if (entry) out.push({ part: entry, where: `entrypoint of service "${s.name}"`, commands: withArgs(entry, cmd), service: s, dockerfile: s.dockerfile });
      if (cmd) out.push({ part: cmd, where: `command of service "${s.name}"`, commands: partCommands(cmd), service: s, dockerfile: s.dockerfile });
    }
  }
  return out;
}

/** Shortens a step for a message. */
export function short(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 3)}...` : t;
}
