/**
 * The process a container starts, one computation per image and per compose service:
 * ENTRYPOINT and CMD (or compose `entrypoint`/`command`) put together as docker does,
 * then followed through entrypoint scripts (`exec "$@"`) and package.json scripts
 * (`npm start`) to the commands that really run, and the long-running main one.
 */
import type { ComposeService, Dockerfile, DockerInstruction, Manifest, Project, TextFile } from '../model.js';
import type { Range } from '../range.js';
import { getValue, type YNode } from '../yaml-tree.js';
import { resolvedString } from '../load-compose.js';
import { basename as pathBasename, dirname, joinPath, selfAndAncestors } from '../paths.js';
import { composeWords, guardsAllow, INIT_PROGRAMS, basename, joinWords, parseArgv, parseShell, type ComposeWords, type Positional, type SimpleCommand } from './shell.js';
import { copyFact, hasTransparentEntrypoint, imageFacts, sourceOfImagePath, type ImageFacts } from './image.js';
import { baseService, buildTarget, serviceImage, serviceInit } from './service.js';
import { packageManagerRun } from './commands.js';

export type PartSource = 'dockerfile-cmd' | 'dockerfile-entrypoint' | 'compose-command' | 'compose-entrypoint';

/** One of ENTRYPOINT, CMD, compose `entrypoint`, compose `command`, as docker reads it. */
export interface CommandPart {
  source: PartSource;
  /** What docker executes for this part: exec form as is, Dockerfile shell form as `[shell…, text]`, compose strings split by docker's shellwords. */
  argv: string[];
  /** As written (exec form joined with spaces). */
  text: string;
  /** JSON array (Dockerfile) or YAML list (compose). */
  exec: boolean;
  file: string;
  range: Range;
  /** `CMD`, `ENTRYPOINT`, `command of service "web"`. */
  where: string;
  instruction?: DockerInstruction;
  node?: YNode;
  /** Compose strings: what docker's shellwords dropped or refused. */
  split?: ComposeWords;
}

/** A command the container runs when it starts. */
export interface ProcessStep {
  command: SimpleCommand;
  /** The ENTRYPOINT/CMD/command it comes from. */
  part: CommandPart;
  /** How it was reached from there, outermost first: `docker-entrypoint.sh`, `npm script "start"`. Empty when written in the part itself. */
  via: string[];
  /** The file its text is written in (the part's file, a script, a package.json). */
  file: string;
}

export interface ContainerProcess {
  image?: ImageFacts;
  service?: ComposeService;
  /** The parts it is made of, entrypoint first. */
  parts: CommandPart[];
  /** The part that names the program (where findings go). */
  at: CommandPart;
  /** The full argv docker executes. */
  argv: string[];
  /** The commands of argv (`sh -c` bodies read), before any script is followed. */
  commands: SimpleCommand[];
  /** False when an image we cannot see may put its own ENTRYPOINT in front. */
  entrypointKnown: boolean;
  /** Compose `init: true`. */
  composeInit: boolean;
  /** Every command run at start, entrypoint scripts and package scripts followed, in order. */
  steps: ProcessStep[];
  /** The long-running process: the last foreground step, when there is one. */
  main?: ProcessStep;
  /** The long-running command the container itself starts (through entrypoint scripts, not into package scripts): `npm start` for `CMD ["npm", "start"]`. */
  launcher?: ProcessStep;
  /** The build context the image is built from, project-relative. */
  context?: string;
}

function instructionPart(d: Dockerfile, image: ImageFacts, inst: DockerInstruction): CommandPart {
  const keyword = inst.keyword === 'CMD' ? 'CMD' : 'ENTRYPOINT';
  const base = { source: keyword === 'CMD' ? ('dockerfile-cmd' as const) : ('dockerfile-entrypoint' as const), file: d.path, range: inst.range, where: keyword, instruction: inst };
  if (inst.exec) return { ...base, argv: inst.exec, text: inst.exec.join(' '), exec: true };
  return { ...base, argv: [...image.shell, inst.args], text: inst.args, exec: false };
}

function composePart(service: ComposeService, key: 'command' | 'entrypoint', node: YNode): CommandPart | undefined {
  const base = {
    source: key === 'command' ? ('compose-command' as const) : ('compose-entrypoint' as const),
    file: service.file.path,
    range: node.range,
    where: `${key} of service "${service.name}"`,
    node,
  };
  if (node.kind === 'seq') {
    const argv = node.items.map((i) => resolvedString(service.file, i) ?? '');
    return { ...base, argv, text: argv.join(' '), exec: true };
  }
  const text = resolvedString(service.file, node);
  if (text === undefined || text.trim() === '') return undefined;
  const split = composeWords(text);
  return { ...base, argv: split.words, text, exec: false, split };
}

/** Shell-form ENTRYPOINT ignores CMD; otherwise the argv is ENTRYPOINT followed by CMD. */
function assemble(entry: CommandPart | undefined, cmd: CommandPart | undefined): Pick<ContainerProcess, 'argv' | 'parts' | 'at'> | undefined {
  if (entry && entry.source === 'dockerfile-entrypoint' && !entry.exec) return { argv: entry.argv, parts: [entry], at: entry };
  if (entry) {
    const inEntry = parseArgv(entry.argv).some((c) => c.words.length > 0);
    return { argv: [...entry.argv, ...(cmd?.argv ?? [])], parts: cmd ? [entry, cmd] : [entry], at: inEntry || !cmd ? entry : cmd };
  }
  if (cmd) return { argv: cmd.argv, parts: [cmd], at: cmd };
  return undefined;
}

const contextCache = new WeakMap<Dockerfile, string>();

/**
 * The directory a Dockerfile is built from: its compose build context; else the nearest of its own
 * directory and the ones above it where the files it COPYs exist (`docker build -f docker/Dockerfile .`).
 */
export function buildContextOf(project: Project, d: Dockerfile): string {
  const fromCompose = d.usedBy.find((s) => s.buildContext)?.buildContext;
  if (fromCompose !== undefined) return fromCompose;
  let known = contextCache.get(d);
  if (known !== undefined) return known;
  const sources = d.instructions
    .map((i) => copyFact(i))
    .filter((c): c is NonNullable<typeof c> => Boolean(c) && c!.from === undefined)
    .flatMap((c) => c.sources)
    .filter((s) => s !== '.' && s !== '' && !/[*?[$]|^[a-z]+:\/\//i.test(s));
  const paths = new Set(project.files.map((f) => f.path));
  const present = (dir: string, rel: string) => {
    const p = joinPath(dir, rel.replace(/\/+$/, ''));
    return paths.has(p) || project.files.some((f) => f.path.startsWith(`${p}/`));
  };
  const own = dirname(d.path);
  known = own;
  if (sources.length > 0 && !sources.every((s) => present(own, s))) {
    const better = selfAndAncestors(own).find((dir) => sources.every((s) => present(dir, s)));
    if (better !== undefined) known = better;
  }
  contextCache.set(d, known);
  return known;
}

/** The build context of a service, or of the same service in the base file an overlay extends. */
export function serviceContext(project: Project, service: ComposeService): string | undefined {
  const s = service.buildContext || service.dockerfile ? service : baseService(project, service);
  if (!s) return undefined;
  return s.buildContext ?? (s.dockerfile ? buildContextOf(project, s.dockerfile) : undefined);
}

interface Expansion {
  project: Project;
  image?: ImageFacts;
  context?: string;
  scripts: Map<string, TextFile>;
  manifests: Map<string, Manifest>;
}

/** The project file a path run in the container comes from: through the image's COPY instructions, else relative to the context. */
function projectFileFor(x: Expansion, word: string): string | undefined {
  if (x.context === undefined) return undefined;
  const rel = x.image ? sourceOfImagePath(x.image, word) : undefined;
  if (rel !== undefined) return joinPath(x.context, rel);
  if (!word.startsWith('/')) return joinPath(x.context, word);
  return undefined;
}

/** The package.json a package manager reads in the container's working directory. */
function packageJsonOf(x: Expansion): Manifest | undefined {
  if (x.context === undefined) return undefined;
  const viaImage = x.image?.workdir ? projectFileFor(x, `${x.image.workdir}/package.json`) : undefined;
  return (viaImage && x.manifests.get(viaImage)) || x.manifests.get(joinPath(x.context, 'package.json'));
}

function scriptText(manifest: Manifest | undefined, name: string): string | undefined {
  const data = manifest?.data as { scripts?: Record<string, unknown> } | undefined;
  const scripts = data && typeof data === 'object' && data.scripts && typeof data.scripts === 'object' ? data.scripts : undefined;
  const v = scripts && Object.prototype.hasOwnProperty.call(scripts, name) ? scripts[name] : undefined;
  return typeof v === 'string' ? v : undefined;
}

const SHELLS = /^(sh|bash|ash|dash|zsh)$/;
/** Flags of concurrently that take a value. */
const CONCURRENTLY_VALUE_FLAGS = new Set(['-n', '--names', '-c', '--prefix-colors', '-p', '--prefix', '-l', '--prefix-length', '-t', '--timestamp-format', '--default-input-target', '--success', '-s', '--max-processes', '-m', '--restart-tries', '--restart-after', '--kill-signal', '--handle-input', '--pad-prefix', '--names-separator', '--group', '--passthrough-arguments']);

/** The commands a parallel runner starts: each quoted command of concurrently, each script of npm-run-all/run-p/run-s. */
function parallelCommands(c: SimpleCommand): { runner: string; commands: string[] } | undefined {
  const [, ...args] = c.words;
  if (c.program === 'concurrently') {
    const out: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i].startsWith('-')) {
        if (CONCURRENTLY_VALUE_FLAGS.has(args[i])) i++;
        continue;
      }
      out.push(args[i].replace(/^npm:/, 'npm run '));
    }
    return out.length ? { runner: 'concurrently', commands: out } : undefined;
  }
  if (c.program === 'npm-run-all' || c.program === 'run-p' || c.program === 'run-s') {
    const scripts = args.filter((a) => !a.startsWith('-') && !/[*{]/.test(a));
    return scripts.length ? { runner: c.program, commands: scripts.map((s) => `npm run ${s}`) } : undefined;
  }
  return undefined;
}
const isPackageScript = (via: string) => / script "[^"]*"$/.test(via);
const MAX_DEPTH = 4;

const UWSGI_HOOK = /^(hook-pre-app|hook-post-app|hook-asap|hook-master-start|exec-pre-app|exec-post-app|exec-asap|exec-as-root|exec-as-user|exec-pre-jail|exec-post-jail)$/;
const UWSGI_DAEMON = /^(attach-daemon2?|attach-smart-daemon|smart-attach-daemon2?|attach-control-daemon|mule)$/;

/** Commands uWSGI runs besides the app: `--hook-pre-app exec:python manage.py migrate`, `attach-daemon = celery worker` in its .ini. */
function uwsgiExtras(x: Expansion, c: SimpleCommand): { option: string; command: string; daemon: boolean; file?: string }[] {
  const out: { option: string; command: string; daemon: boolean; file?: string }[] = [];
  const add = (option: string, value: string, file?: string) => {
    const command = value.replace(/^exec:/, '').trim();
    if (UWSGI_HOOK.test(option) && (option.startsWith('exec') || value.startsWith('exec:'))) out.push({ option, command, daemon: false, ...(file ? { file } : {}) });
    else if (UWSGI_DAEMON.test(option) && !/\.py$/.test(command)) out.push({ option, command, daemon: true, ...(file ? { file } : {}) });
  };
  const args = c.words.slice(1);
  const inis: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(args[i]);
    if (!m) {
      if (/\.ini$/.test(args[i])) inis.push(args[i]);
      continue;
    }
    const value = m[2] ?? args[i + 1];
    if (m[2] === undefined) i++;
    if (value === undefined) continue;
    if (m[1] === 'ini') inis.push(value);
    else add(m[1], value);
  }
  for (const ini of inis) {
    const path = projectFileFor(x, ini);
    const text = path ? x.scripts.get(path)?.text : undefined;
    if (!text) continue;
    for (const line of text.split(/\r?\n/)) {
      const m = /^\s*([\w-]+)\s*=\s*(.+?)\s*$/.exec(line);
      if (m) add(m[1], m[2], path);
    }
  }
  return out;
}

/** `set -- a b` or `set a b` (not `set -e`, `set -o pipefail`): new positional parameters. */
function setsPositional(words: readonly string[]): boolean {
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w === '--') return true;
    if (w === '-o' || w === '+o') i++;
    else if (!/^[-+]/.test(w)) return true;
  }
  return false;
}

/** `"$@"`, `$@`, `${@}`, `$*`: the arguments the script was given. */
function isArgsWord(w: string): boolean {
  return /^(\$@|\$\{@\}|\$\*|\$\{\*\})$/.test(w);
}

/**
 * Follows commands into the steps the container runs. `positional` is what `$1`… hold in a script
 * run with known arguments: a step under a condition those decide against is left out
 * (`if [ "$1" = 'uwsgi' ]; then migrate` when the command is gunicorn; `case "$1"` branches).
 */
function expand(x: Expansion, commands: SimpleCommand[], part: CommandPart, via: string[], file: string, args: string[], depth: number, out: ProcessStep[], positional?: Positional): void {
  for (const c of commands) {
    if (c.words.length === 0) continue;
    if (positional) {
      if (!guardsAllow(c.guards, positional)) continue;
      // `set -- node "$@"` and `shift` change what `$1` holds.
      if (c.program === 'set' && setsPositional(c.words)) positional = undefined;
      else if (c.program === 'shift') positional = positional.slice(Number(c.words[1] ?? 1) || 1);
    }
    // `exec "$@"` in an entrypoint script: the CMD runs here.
    if (isArgsWord(c.words[0])) {
      const rest = [...args, ...c.words.slice(1).filter((w) => !isArgsWord(w))];
      if (rest.length > 0) expand(x, parseArgv(rest), part, via, file, [], depth + 1, out);
      continue;
    }
    if (depth < MAX_DEPTH) {
      // A shell script: `./docker-entrypoint.sh`, `sh start.sh`, `/usr/local/bin/entrypoint`.
      const scriptWord = SHELLS.test(c.program) && c.words[1] && !c.words[1].startsWith('-') ? c.words[1] : c.words[0];
      const scriptArgs = scriptWord === c.words[0] ? c.words.slice(1) : c.words.slice(2);
      const path = scriptWord.includes('/') || /\.(sh|bash)$/.test(scriptWord) ? projectFileFor(x, scriptWord) : undefined;
      const script = path ? x.scripts.get(path) : undefined;
      if (script) {
        const known: Positional = scriptArgs.flatMap((a) => (isArgsWord(a) ? (positional ?? args.map(() => undefined)) : [a.includes('$') || a.includes('`') ? undefined : a]));
        expand(x, parseShell(script.text), part, [...via, pathBasename(script.path)], script.path, scriptArgs, depth + 1, out, known);
        // What follows `sh script.sh` in the same list still runs.
        continue;
      }
      // uWSGI runs hook commands before the app and keeps attached daemons beside it (flags or its .ini file).
      if (c.program === 'uwsgi') {
        const extras = uwsgiExtras(x, c);
        const stepsOf = (extra: (typeof extras)[number]) => {
          const steps: ProcessStep[] = [];
          expand(x, parseShell(extra.command), part, [...via, `uwsgi ${extra.option}`], extra.file ?? file, [], depth + 1, steps);
          return steps;
        };
        // Hooks run before the app; attached daemons run beside it.
        for (const extra of extras.filter((e) => !e.daemon)) out.push(...stepsOf(extra));
        out.push({ command: c, part, via, file });
        for (const extra of extras.filter((e) => e.daemon)) out.push(...stepsOf(extra).map((s) => ({ ...s, command: { ...s.command, background: true } })));
        continue;
      }
      // Runners of several commands in one container: `concurrently "cmd" "cmd"`, `npm-run-all -p a b`, `run-p a b`.
      const parallel = parallelCommands(c);
      if (parallel) {
        out.push({ command: c, part, via, file });
        for (const words of parallel.commands) expand(x, parseShell(words), part, [...via, parallel.runner], file, [], depth + 1, out);
        continue;
      }
      const run = packageManagerRun(c.words);
      const manifest = run ? packageJsonOf(x) : undefined;
      const body = run ? scriptText(manifest, run.script) : undefined;
      if (run && manifest && body !== undefined) {
        out.push({ command: c, part, via, file });
        const label = `${run.pm} script "${run.script}"`;
        // npm (and Yarn 1) run `pre<name>` first.
        const pre = run.pm === 'npm' ? scriptText(manifest, `pre${run.script}`) : undefined;
        if (pre) expand(x, parseShell(pre), part, [...via, `${run.pm} script "pre${run.script}"`], manifest.path, [], depth + 1, out);
        expand(x, parseShell(body), part, [...via, label], manifest.path, [], depth + 1, out);
        continue;
      }
    }
    out.push({ command: c, part, via, file });
  }
}

function build(project: Project, parts: Pick<ContainerProcess, 'argv' | 'parts' | 'at'>, rest: Omit<ContainerProcess, 'argv' | 'parts' | 'at' | 'commands' | 'steps' | 'main'>): ContainerProcess {
  const commands = parseArgv(parts.argv);
  const x: Expansion = {
    project,
    ...(rest.image ? { image: rest.image } : {}),
    ...(rest.context !== undefined ? { context: rest.context } : {}),
    scripts: scriptIndex(project),
    manifests: manifestIndex(project),
  };
  const steps: ProcessStep[] = [];
  expand(x, commands, parts.at, [], parts.at.file, [], 0, steps);
  // The process that keeps running: the last step not sent to the background.
  const foreground = steps.filter((s) => !s.command.background && s.command.words.length > 0);
  const main = foreground.at(-1);
  const launcher = foreground.filter((s) => !s.via.some(isPackageScript)).at(-1);
  return { ...parts, ...rest, commands, steps, ...(main ? { main } : {}), ...(launcher ? { launcher } : {}) };
}

const scriptCache = new WeakMap<Project, Map<string, TextFile>>();
function scriptIndex(project: Project): Map<string, TextFile> {
  let m = scriptCache.get(project);
  if (!m) scriptCache.set(project, (m = new Map((project.scripts ?? []).map((s) => [s.path, s]))));
  return m;
}

const manifestCache = new WeakMap<Project, Map<string, Manifest>>();
function manifestIndex(project: Project): Map<string, Manifest> {
  let m = manifestCache.get(project);
  if (!m) manifestCache.set(project, (m = new Map(project.manifests.filter((x) => pathBasename(x.path) === 'package.json').map((x) => [x.path, x]))));
  return m;
}

const imageProcessCache = new WeakMap<ImageFacts, ContainerProcess | null>();

/** The process an image starts on its own (`docker run image`, or a stack service that only names the image). */
export function imageProcess(project: Project, d: Dockerfile, target?: string): ContainerProcess | undefined {
  const image = imageFacts(d, target);
  const known = imageProcessCache.get(image);
  if (known !== undefined) return known ?? undefined;
  const entry = image.entrypoint ? instructionPart(d, image, image.entrypoint) : undefined;
  const cmd = image.cmd ? instructionPart(d, image, image.cmd) : undefined;
  const a = assemble(entry, cmd);
  const proc = a
    ? build(project, a, { image, entrypointKnown: Boolean(entry) || hasTransparentEntrypoint(image.base?.image), composeInit: false, context: buildContextOf(project, d) })
    : undefined;
  imageProcessCache.set(image, proc ?? null);
  return proc;
}

const serviceProcessCache = new WeakMap<ComposeService, ContainerProcess | null>();

/** The process of a compose service: its own `command`/`entrypoint` over its image's. Undefined when unknown. */
export function serviceProcess(project: Project, service: ComposeService): ContainerProcess | undefined {
  const known = serviceProcessCache.get(service);
  if (known !== undefined) return known ?? undefined;
  const own = (key: 'command' | 'entrypoint') => getValue(service.overriddenBy?.node, key) ? service.overriddenBy! : getValue(service.node, key) ? service : undefined;
  const ceOwner = own('entrypoint');
  const ccOwner = own('command');
  const ceNode = ceOwner && getValue(ceOwner.node, 'entrypoint');
  const ccNode = ccOwner && getValue(ccOwner.node, 'command');
  const base = service.dockerfile ? service : baseService(project, service);
  const d = base?.dockerfile;
  const image = d ? imageFacts(d, buildTarget(base!) ?? buildTarget(service)) : undefined;
  const ce = ceNode && ceOwner ? composePart(ceOwner, 'entrypoint', ceNode) : undefined;
  const cc = ccNode && ccOwner ? composePart(ccOwner, 'command', ccNode) : undefined;
  // A compose `entrypoint` resets the image's CMD.
  const entry = ce ?? (!ceNode && d && image?.entrypoint ? instructionPart(d, image, image.entrypoint) : undefined);
  const cmd = cc ?? (!ceNode && !ccNode && d && image?.cmd ? instructionPart(d, image, image.cmd) : undefined);
  const a = assemble(entry, cmd);
  let proc: ContainerProcess | undefined;
  if (a) {
    const entrypointKnown = Boolean(entry) || (image ? hasTransparentEntrypoint(image.base?.image) : hasTransparentEntrypoint(serviceImage(service)?.value));
    const context = serviceContext(project, service);
    proc = build(project, a, {
      ...(image ? { image } : {}),
      service,
      entrypointKnown,
      composeInit: serviceInit(service),
      ...(context !== undefined ? { context } : {}),
    });
  }
  serviceProcessCache.set(service, proc ?? null);
  return proc;
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
  return { name: c.program, command: c };
}

/**
 * Whether the main step is PID 1: the container runs it directly in exec form, or runs one
 * entrypoint script directly that `exec`s it (`exec node server.js`). Not through a package
 * manager, a shell without exec, or an init.
 */
export function mainIsPid1(p: ContainerProcess): boolean {
  const main = p.main;
  if (!main || !p.entrypointKnown || hasInit(p) || p.commands.length !== 1 || !p.commands[0].exec || p.commands[0].background) return false;
  if (main.via.length === 0) return main.command === p.commands[0] || (main.command.exec && main.command.depth === 0);
  return main.via.length === 1 && /\.(sh|bash)$|entrypoint|docker-/.test(main.via[0]) && main.command.exec && !main.command.background && !main.command.piped;
}

/** The part a finding about a service's start command goes to: its own `command`/`entrypoint` when it has one. */
export function reportPart(p: ContainerProcess): CommandPart {
  if (!p.service) return p.at;
  return p.parts.find((x) => x.source === 'compose-command') ?? p.parts.find((x) => x.source === 'compose-entrypoint') ?? p.at;
}

/**
 * A step written in a shell script (an entrypoint or start script), as a key: the same step reached
 * from several images that run the script is one problem, with one finding. Undefined otherwise.
 */
export function scriptStepKey(step: ProcessStep): string | undefined {
  if (step.via.length === 0 || /(^|\/)package\.json$/.test(step.file) || /(^|\/)[^/]*Dockerfile[^/]*$|\.ya?ml$/i.test(step.file)) return undefined;
  return `${step.file}\u0000${step.command.words.join(' ')}`;
}

/** A step for a message: its words, and how it was reached (`npm start → node server.js`). */
export function describeStep(step: ProcessStep): string {
  const text = joinWords(step.command.raw.length ? step.command.raw : step.command.words);
  return step.via.length ? `${step.via.join(' → ')} → ${text}` : text;
}

/** Names of the variables a container gets from its image and compose; `unknown` when an env_file may add more. */
export function containerEnvNames(project: Project, proc: ContainerProcess): { names: Set<string>; unknown: boolean } {
  const names = new Set<string>(proc.image ? proc.image.env.keys() : []);
  let unknown = false;
  if (proc.service) {
    const env = project.facts.serviceEnv(proc.service);
    for (const k of env.vars.keys()) names.add(k);
    if (getValue(proc.service.node, 'env_file') || getValue(proc.service.overriddenBy?.node, 'env_file')) unknown = true;
  }
  return { names, unknown };
}
