/**
 * What an image built from a Dockerfile is: the stage that is built (the last one,
 * or a compose `build.target`), the stages it is built FROM, the stages it copies
 * from, its environment, working directory, ports, healthcheck, stop signal and
 * start command. One computation per (Dockerfile, target), shared by every rule.
 */
import type { Dockerfile, DockerInstruction, DockerStage } from '../model.js';
import { instructionPairs, parseExecForm, parseImageRef, substituteArgs } from '../load-dockerfile.js';
import { parseArgv, parseShell, type ShellVars, type SimpleCommand } from './shell.js';

export interface ImageFacts {
  dockerfile: Dockerfile;
  /** The build target asked for (compose `build.target`), if any. */
  target?: string;
  /** The stage that is built: the target, else the last stage. */
  release?: DockerStage;
  /** The release stage and the stages it is built FROM, root first, release last. */
  chain: DockerStage[];
  /** Every stage whose output ends up in the image: the chain and the stages it copies from (`COPY --from`), transitively. */
  built: Set<number>;
  /** The external image at the root of the chain (after ARG substitution), with its FROM. */
  base?: { image: string; from: DockerInstruction };
  /** Instructions of the chain, in build order. */
  instructions: DockerInstruction[];
  /** ENV of the final image; a value is undefined when it cannot be resolved. */
  env: Map<string, string | undefined>;
  workdir?: string;
  /** Ports the image EXPOSEs (ARG defaults substituted). */
  exposed: number[];
  healthcheck?: DockerInstruction;
  cmd?: DockerInstruction;
  entrypoint?: DockerInstruction;
  stopSignal?: DockerInstruction;
  /** `SHELL ["…"]` in effect for shell-form CMD/ENTRYPOINT, default /bin/sh -c. */
  shell: string[];
  user?: string;
}

function stageByName(d: Dockerfile, name: string, before: number): DockerStage | undefined {
  const lower = name.toLowerCase();
  return d.stages.find((s) => s.index < before && s.name?.toLowerCase() === lower);
}

/** Stage names that say a stage is not the release: tests, CI helpers, artifact uploads, nightly and PR builds, docs. */
const NOT_RELEASE_STAGE = /^(test|tests|testing|dev|devel|develop|development|debug|ci|lint|check|e2e|docs?|pr|pr-[\w-]+|[\w-]*-?(artifact|artifacts|upload|publish)[\w-]*|nightly[\w-]*|bench[\w-]*)$/i;
const RELEASE_STAGE = /^(release|production|prod|runtime|final)$/i;

/**
 * The stage a build target names (by name or, as docker also accepts, by index). Without a target,
 * the last stage, unless it is named for tests, CI or artifacts: then the stage named `release`
 * (or production/runtime/final), else the last stage with another name.
 */
export function releaseStage(d: Dockerfile, target?: string): DockerStage | undefined {
  if (target === undefined || target === '') {
    const last = d.stages.at(-1);
    if (!last?.name || !NOT_RELEASE_STAGE.test(last.name)) return last;
    return d.stages.find((s) => s.name && RELEASE_STAGE.test(s.name)) ?? [...d.stages].reverse().find((s) => !s.name || !NOT_RELEASE_STAGE.test(s.name)) ?? last;
  }
  const lower = target.toLowerCase();
  return d.stages.find((s) => s.name?.toLowerCase() === lower) ?? (/^\d+$/.test(target) ? d.stages[Number(target)] : undefined);
}

/** A stage and the stages it is built FROM, root first. */
export function stageChain(d: Dockerfile, stage: DockerStage | undefined): DockerStage[] {
  const out: DockerStage[] = [];
  let s = stage;
  while (s && !out.includes(s)) {
    out.unshift(s);
    if (!s.fromStage) break;
    s = stageByName(d, s.imageResolved, s.index);
  }
  return out;
}

/** Stages whose output reaches a stage: its chain, plus `COPY --from=<stage>` sources, transitively. */
function builtStages(d: Dockerfile, stage: DockerStage | undefined): Set<number> {
  const out = new Set<number>();
  const visit = (s: DockerStage | undefined) => {
    for (const c of stageChain(d, s)) {
      if (out.has(c.index)) continue;
      out.add(c.index);
      for (const inst of c.instructions) {
        const from = inst.keyword === 'COPY' || inst.keyword === 'ADD' ? inst.flags.from : undefined;
        if (from === undefined) continue;
        const src = stageByName(d, from, c.index) ?? (/^\d+$/.test(from) ? d.stages[Number(from)] : undefined);
        if (src) visit(src);
      }
    }
  };
  visit(stage);
  return out;
}

/**
 * Variables a RUN/CMD shell sees at each instruction of a stage: ARGs declared in the stage
 * (global defaults apply only when re-declared), and ENV of the stage and its parents.
 */
export function variablesAt(d: Dockerfile, inst: DockerInstruction): Map<string, string | undefined> {
  const stage = d.stages[inst.stage];
  const vars = new Map<string, string | undefined>();
  if (!stage) return vars;
  for (const s of stageChain(d, stage)) {
    const args = new Map<string, string | undefined>();
    for (const i of s.instructions) {
      if (s === stage && i === inst) break;
      if (i.keyword === 'ARG') {
        for (const p of instructionPairs(i.args, 'ARG')) {
          const value = p.value !== undefined ? substituteArgs(p.value, vars) : d.globalArgs.get(p.name);
          args.set(p.name, value);
          vars.set(p.name, value);
        }
      } else if (i.keyword === 'ENV') {
        for (const p of instructionPairs(i.args, 'ENV')) vars.set(p.name, p.value === undefined ? undefined : substituteArgs(p.value, vars));
      }
    }
    // ARGs are not inherited by a child stage; ENV is.
    if (s !== stage) for (const name of args.keys()) vars.delete(name);
  }
  return vars;
}

const cache = new WeakMap<Dockerfile, Map<string, ImageFacts>>();

export function imageFacts(d: Dockerfile, target?: string): ImageFacts {
  let byTarget = cache.get(d);
  if (!byTarget) cache.set(d, (byTarget = new Map()));
  const key = target ?? '';
  let facts = byTarget.get(key);
  if (!facts) byTarget.set(key, (facts = computeImage(d, target)));
  return facts;
}

function computeImage(d: Dockerfile, target: string | undefined): ImageFacts {
  const release = releaseStage(d, target);
  const chain = stageChain(d, release);
  const instructions = chain.flatMap((s) => s.instructions);
  const root = chain[0];
  const facts: ImageFacts = {
    dockerfile: d,
    ...(target !== undefined ? { target } : {}),
    ...(release ? { release } : {}),
    chain,
    built: builtStages(d, release),
    ...(root && !root.fromStage ? { base: { image: root.imageResolved, from: root.fromInstruction } } : {}),
    instructions,
    env: new Map(),
    exposed: [],
    shell: ['/bin/sh', '-c'],
  };
  const exposed = new Set<number>();
  let workdir: string | undefined;
  for (const s of chain) {
    // ARGs are scoped to their stage; a global default applies only when the stage re-declares it.
    const args = new Map<string, string | undefined>();
    for (const inst of s.instructions) {
      switch (inst.keyword) {
        case 'ARG':
          for (const p of instructionPairs(inst.args, 'ARG')) args.set(p.name, p.value !== undefined ? expandKnown(p.value, scope(args, facts.env)) : d.globalArgs.get(p.name));
          break;
        case 'ENV':
          for (const p of instructionPairs(inst.args, 'ENV')) {
            if (p.value === undefined) continue;
            facts.env.set(p.name, expandKnown(p.value, scope(args, facts.env)));
          }
          break;
        case 'WORKDIR': {
          const value = substituteArgs(inst.args.trim().replace(/^["']|["']$/g, ''), scope(args, facts.env));
          workdir = posixNormalize(value.startsWith('/') ? value : `${workdir ?? ''}/${value}`);
          break;
        }
        case 'EXPOSE':
          for (const word of substituteArgs(inst.args, scope(args, facts.env)).split(/\s+/)) {
            // `8080`, `8080/tcp`, `53/udp`, `8000-8010`.
            const m = /^(\d+)(?:-(\d+))?(\/\w+)?$/.exec(word);
            if (!m) continue;
            const from = Number(m[1]);
            const to = m[2] ? Number(m[2]) : from;
            for (let p = from; p <= to && p - from < 1000; p++) exposed.add(p);
          }
          break;
        case 'HEALTHCHECK':
          facts.healthcheck = inst;
          break;
        case 'CMD':
          facts.cmd = inst;
          break;
        case 'ENTRYPOINT':
          facts.entrypoint = inst;
          // An ENTRYPOINT resets a CMD inherited from the parent stage (as from a base image); one set in the same stage stays.
          if (facts.cmd && facts.cmd.stage !== inst.stage) delete facts.cmd;
          break;
        case 'STOPSIGNAL':
          facts.stopSignal = inst;
          break;
        case 'SHELL':
          if (inst.exec && inst.exec.length > 0) facts.shell = inst.exec;
          break;
        case 'USER':
          facts.user = inst.args.trim();
          break;
        default:
          break;
      }
    }
  }
  const wd = workdir?.replace(/\/+$/, '');
  if (wd) facts.workdir = wd;
  facts.exposed = [...exposed];
  return facts;
}

/** What a build instruction can expand: the stage's ARGs, then ENV set so far (ENV wins, as in Docker). */
function scope(args: ReadonlyMap<string, string | undefined>, env: ReadonlyMap<string, string | undefined>): Map<string, string | undefined> {
  return new Map([...args, ...env]);
}

/**
 * A value with its variables expanded, or undefined when one of them is not known here: a
 * build arg without a default, or a name the base image may set (`$PATH`).
 */
function expandKnown(value: string, known: ReadonlyMap<string, string | undefined>): string | undefined {
  if (!value.includes('$')) return value;
  for (const m of value.matchAll(/\$\{([A-Za-z_]\w*)|\$([A-Za-z_]\w*)/g)) {
    if (known.get(m[1] ?? m[2]!) === undefined) return undefined;
  }
  return substituteArgs(value, known);
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

/** The shell text of a RUN instruction, with its `--mount`/`--network` flags left out. */
export function runText(inst: DockerInstruction): string {
  let text = inst.text;
  while (/^\s*--[\w-]+(=\S*)?\s/.test(text)) text = text.replace(/^\s*--[\w-]+(=\S*)?\s+/, '');
  return text;
}

const runCache = new WeakMap<DockerInstruction, SimpleCommand[]>();

/**
 * The commands a RUN executes, read as the build's shell would: ARG and ENV values in scope
 * are expanded (`uv sync $UV_OPTIONS`), `RUN <<EOF` runs the heredoc as a script, and a
 * heredoc given to another program (`cat <<EOF > file`) is data, not commands.
 */
export function runCommands(d: Dockerfile, inst: DockerInstruction): SimpleCommand[] {
  let out = runCache.get(inst);
  if (out) return out;
  const vars: ShellVars = variablesAt(d, inst);
  if (inst.exec) out = parseArgv(inst.exec, { vars });
  else {
    const text = runText(inst);
    const script = /^<<(-?)\s*(['"]?)([\w.-]+)\2[ \t]*\r?\n([\s\S]*)$/.exec(text);
    if (script) {
      const lines = script[4].split(/\r?\n/);
      const end = lines.findIndex((l) => (script[1] ? l.replace(/^\t+/, '') : l).trim() === script[3]);
      out = parseShell((end < 0 ? lines : lines.slice(0, end)).join('\n'), { vars });
    } else out = parseShell(text, { vars });
  }
  runCache.set(inst, out);
  return out;
}

export interface CopyFact {
  inst: DockerInstruction;
  /** `--from=<stage or image>` when the files come from elsewhere than the build context. */
  from?: string;
  /** Source paths as written (context-relative), `./` removed. */
  sources: string[];
  /** Destination as written. */
  dest: string;
}

/** A COPY/ADD instruction's sources and destination; undefined for heredoc forms we do not read. */
export function copyFact(inst: DockerInstruction): CopyFact | undefined {
  if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') return undefined;
  let text = inst.args;
  while (/^--[\w-]+(=\S*)?\s/.test(text)) text = text.replace(/^--[\w-]+(=\S*)?\s+/, '');
  const words = inst.exec ?? parseExecForm(text) ?? text.split(/\s+/).filter(Boolean);
  const paths = words.filter((w) => !w.startsWith('--'));
  if (paths.length < 2 || paths.some((w) => w.startsWith('<<'))) return undefined;
  return {
    inst,
    ...(inst.flags.from !== undefined ? { from: inst.flags.from } : {}),
    sources: paths.slice(0, -1).map((s) => s.replace(/^\.\//, '')),
    dest: paths.at(-1) as string,
  };
}

/**
 * The context-relative source of a path inside the image, through the COPY/ADD instructions of
 * the chain (`COPY docker-entrypoint.sh /usr/local/bin/`, `COPY . .` under `WORKDIR /app`).
 * Undefined when no COPY from the build context explains it.
 */
export function sourceOfImagePath(image: ImageFacts, containerPath: string): string | undefined {
  const path = containerPath.startsWith('/') ? containerPath : `${image.workdir ?? ''}/${containerPath}`;
  const norm = posixNormalize(path);
  let workdir = '/';
  let found: string | undefined;
  for (const inst of image.instructions) {
    if (inst.keyword === 'WORKDIR') {
      const v = inst.args.trim().replace(/^["']|["']$/g, '');
      workdir = v.startsWith('/') ? v : posixNormalize(`${workdir}/${v}`);
      continue;
    }
    const copy = copyFact(inst);
    if (!copy || copy.from !== undefined) continue;
    const destRaw = copy.dest.startsWith('/') ? copy.dest : `${workdir}/${copy.dest}`;
    const dest = posixNormalize(destRaw);
    const intoDir = copy.dest.endsWith('/') || copy.dest === '.' || copy.sources.length > 1;
    for (const src of copy.sources) {
      if (/[*?[]/.test(src)) {
        const dir = intoDir ? dest : posixDirname(dest);
        if (posixDirname(norm) === dir) {
          const name = norm.slice(dir.length + 1);
          const re = new RegExp(`^${src.split('/').pop()!.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '.')}$`);
          if (re.test(name)) found = posixNormalize(`${posixDirname(src)}/${name}`).slice(1);
        }
        continue;
      }
      const s = src.replace(/\/+$/, '') || '.';
      // A directory source copies its contents into dest; a file source lands at dest (or dest/<name>).
      if (norm === dest && !intoDir) found = s;
      else if (intoDir && norm === posixNormalize(`${dest}/${s.split('/').pop()}`) && s !== '.') found = s;
      else if (norm.startsWith(`${dest}/`)) {
        const rest = norm.slice(dest.length + 1);
        found = s === '.' ? rest : `${s}/${rest}`;
      }
    }
  }
  return found;
}

function posixNormalize(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

function posixDirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}
