import type { ComposeService, Dockerfile, Manifest, Project, SourceFile } from '../model.js';
import type { Range } from '../range.js';
import { getValue, type YNode } from '../yaml-tree.js';
import { resolvedString } from '../load-compose.js';
import { basename, dirname } from '../classify.js';
import { normalize, type TsConfigInfo } from './load-extras.js';
import { workdir } from './deploy.js';

/**
 * Links deploy artifacts to the JS/TS entry file they start, and each entry to
 * the files it imports. A link is made only when it is certain: the command runs
 * node (or ts-node/tsx/bun, or `npm start` whose script does) on a path that
 * maps to exactly one source file.
 */

export interface JsEntry {
  /** Entry source file, project-relative. */
  file: string;
  /** How it was found, for messages: `Dockerfile CMD`, `package.json scripts.start`, `Procfile web`. */
  via: string;
  /** Where the start command is written. */
  origin: { file: string; range: Range };
  /** The Dockerfile whose image runs it. */
  dockerfile?: string;
  /** Compose services that run it. */
  services: { file: string; name: string }[];
  /** True when the start command runs node itself as the container's main process (exec form, no shell, no npm). */
  pid1: boolean;
  /** Runs under an init process (tini, dumb-init, compose `init: true`). */
  init: boolean;
  /** Files reachable from the entry through relative and tsconfig-path imports, entry first. */
  reachable: string[];
}

export interface JsLinks {
  entries: JsEntry[];
  /** Identifier-like words in documentation and deploy descriptors, with the first file naming each. */
  documented: Map<string, string>;
  /** For each source file reachable from some entry: the entries that reach it. */
  entriesOf: Map<string, JsEntry[]>;
}

const RUNNERS = /^(node|nodejs|ts-node|ts-node-esm|tsx|bun|nodemon|node-dev|ts-node-dev|babel-node)$/;
const NODE_VALUE_FLAGS = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '-P', '--project', '--env-file', '--title', '--watch-path', '-C', '--conditions', '--inspect-port', '--max-old-space-size', '--stack-size', '--exec', '-x', '--ext', '--ignore', '-w', '--watch']);
const SOURCE_EXTS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const BUILD_DIRS = new Set(['dist', 'build', 'out', 'lib', '.build', 'output', 'compiled', 'server-dist']);

type Target = { kind: 'file'; path: string } | { kind: 'script'; name: string } | { kind: 'main' };

/** Splits a shell command line into words (quotes honoured, no expansion). */
export function shellWords(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

function segments(text: string): string[] {
  return text
    .split(/&&|\|\||;|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What a command line starts: a JS file, an npm script, or the package main. Undefined when unsure. */
export function commandTarget(words: readonly string[]): Target | undefined {
  let w = [...words];
  // Leading env assignments, `exec`, `env`, `cross-env`, init processes, dotenv wrappers.
  for (let guard = 0; guard < 10 && w.length; guard++) {
    const first = basename(w[0]);
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w[0])) w = w.slice(1);
    else if (first === 'exec' || first === 'env' || first === 'cross-env' || first === 'cross-env-shell') w = w.slice(1);
    else if (first === 'tini' || first === 'dumb-init' || first === 'catatonit') {
      w = w.slice(1);
      while (w[0]?.startsWith('-')) w = w.slice(1);
    } else if (first === 'npx' && w[1] && RUNNERS.test(w[1])) w = w.slice(1);
    else if ((first === 'dotenv' || first === 'dotenv-cli') && w.includes('--')) w = w.slice(w.indexOf('--') + 1);
    else break;
  }
  if (w.length === 0) return undefined;
  const first = basename(w[0]);
  if ((first === 'sh' || first === 'bash' || first === 'ash') && w[1] === '-c' && w[2]) {
    const segs = segments(w[2]);
    for (let i = segs.length - 1; i >= 0; i--) {
      const t = commandTarget(shellWords(segs[i]));
      if (t) return t;
    }
    return undefined;
  }
  if (RUNNERS.test(first)) {
    let i = 1;
    if (first === 'bun' && w[1] === 'run') i = 2;
    while (i < w.length) {
      const word = w[i];
      if (word === '-e' || word === '--eval' || word === '-p' || word === '--print') return undefined;
      if (word.startsWith('-')) {
        i += NODE_VALUE_FLAGS.has(word) ? 2 : 1;
        continue;
      }
      break;
    }
    const script = w[i];
    if (!script) return undefined;
    if (script === '.' || script === './') return { kind: 'main' };
    if (/\.(json|sh)$/.test(script)) return undefined;
    return { kind: 'file', path: script };
  }
  if (first === 'npm' || first === 'yarn' || first === 'pnpm' || first === 'bun') {
    const args = w.slice(1).filter((x) => !x.startsWith('-'));
    if (args[0] === 'start') return { kind: 'script', name: 'start' };
    if ((args[0] === 'run' || args[0] === 'run-script') && args[1]) return { kind: 'script', name: args[1] };
    if (first === 'yarn' && args[0] && !/^(install|add|build|test|global|dlx|exec|workspace|workspaces)$/.test(args[0])) return { kind: 'script', name: args[0] };
    return undefined;
  }
  return undefined;
}

interface Resolver {
  sources: Set<string>;
  tsconfigs: TsConfigInfo[];
  manifests: Map<string, Manifest>;
}

function withExtensions(path: string, sources: Set<string>): string | undefined {
  if (sources.has(path)) return path;
  const m = /\.(m|c)?(j|t)sx?$/.exec(path);
  const stem = m ? path.slice(0, -m[0].length) : path;
  const exts = m ? (m[1] === 'm' ? ['.mts', '.mjs'] : m[1] === 'c' ? ['.cts', '.cjs'] : SOURCE_EXTS) : SOURCE_EXTS;
  for (const e of exts) if (sources.has(stem + e)) return stem + e;
  if (!m) for (const e of SOURCE_EXTS) if (sources.has(`${stem}/index${e}`)) return `${stem}/index${e}`;
  return undefined;
}

/** Maps a path a container runs (relative to the build context) to the source file it was built from. */
export function sourceFor(path: string, context: string, r: Resolver): string | undefined {
  const full = normalize(context, path);
  if (full.startsWith('..')) return undefined;
  const direct = withExtensions(full, r.sources);
  if (direct && !BUILD_DIRS.has(direct.split('/')[0])) return direct;
  // tsconfig outDir → rootDir, nearest tsconfig in or above the context.
  const configs = r.tsconfigs.filter((t) => t.outDir && (t.dir === '.' || full.startsWith(`${t.dir}/`))).sort((a, b) => b.dir.length - a.dir.length);
  for (const t of configs) {
    const out = normalize(t.dir, t.outDir!);
    if (!full.startsWith(`${out}/`)) continue;
    const rest = full.slice(out.length + 1);
    const roots = t.rootDir ? [normalize(t.dir, t.rootDir)] : [normalize(t.dir, 'src'), t.dir];
    const found = roots.map((root) => withExtensions(normalize(root, rest), r.sources)).filter((x): x is string => Boolean(x));
    if (found.length >= 1) return found[0];
  }
  // Same stem: dist/server.js → server.ts or src/server.ts, when exactly one exists.
  const rel = context === '.' ? full : full.startsWith(`${context}/`) ? full.slice(context.length + 1) : full;
  const parts = rel.split('/');
  if (parts.length > 1 && BUILD_DIRS.has(parts[0])) {
    const rest = parts.slice(1).join('/');
    const found = new Set([normalize(context, rest), normalize(context, `src/${rest}`)].map((p) => withExtensions(p, r.sources)).filter((x): x is string => Boolean(x)));
    if (found.size === 1) return [...found][0];
  }
  return undefined;
}

function resolveTarget(target: Target, context: string, r: Resolver, depth = 0): { file: string; viaScript?: string } | undefined {
  if (depth > 3) return undefined;
  const pkg = r.manifests.get(normalize(context, 'package.json'));
  const data = (pkg?.data ?? {}) as { main?: unknown; scripts?: Record<string, unknown> };
  if (target.kind === 'file') {
    const file = sourceFor(target.path, context, r);
    return file ? { file } : undefined;
  }
  if (target.kind === 'main') {
    const main = typeof data.main === 'string' ? data.main : 'index.js';
    const file = sourceFor(main, context, r);
    return file ? { file } : undefined;
  }
  const script = data.scripts?.[target.name];
  if (typeof script !== 'string') {
    // npm's default start script: `node server.js` when server.js exists.
    if (target.name === 'start' && pkg && r.sources.has(normalize(context, 'server.js'))) return { file: normalize(context, 'server.js'), viaScript: 'start' };
    return undefined;
  }
  const segs = segments(script);
  for (let i = segs.length - 1; i >= 0; i--) {
    const t = commandTarget(shellWords(segs[i]));
    if (!t) continue;
    const found = resolveTarget(t, context, r, depth + 1);
    return found ? { file: found.file, viaScript: target.name } : undefined;
  }
  return undefined;
}

interface CommandSource {
  words: string[];
  shell: boolean;
  file: string;
  range: Range;
  via: string;
}

function nodeWords(service: ComposeService, node: YNode): { words: string[]; shell: boolean } | undefined {
  if (node.kind === 'seq') return { words: node.items.map((i) => resolvedString(service.file, i) ?? ''), shell: false };
  const text = resolvedString(service.file, node);
  return text === undefined ? undefined : { words: shellWords(text), shell: false };
}

/** The command a container of this image or service runs: entrypoint + command, as words. */
function containerCommand(d: Dockerfile | undefined, service: ComposeService | undefined): CommandSource | undefined {
  const s = service?.overriddenBy ?? service;
  const svcEntrypoint = s ? getValue(s.node, 'entrypoint') ?? (service ? getValue(service.node, 'entrypoint') : undefined) : undefined;
  const svcCommand = s ? getValue(s.node, 'command') ?? (service ? getValue(service.node, 'command') : undefined) : undefined;
  const ep = svcEntrypoint && service ? nodeWords(service, svcEntrypoint) : d?.entrypoint ? { words: d.entrypoint.exec ?? ['sh', '-c', d.entrypoint.args], shell: !d.entrypoint.exec } : undefined;
  // A compose entrypoint resets the image CMD.
  const cmdNode = svcCommand && service ? nodeWords(service, svcCommand) : svcEntrypoint ? undefined : d?.cmd ? { words: d.cmd.exec ?? ['sh', '-c', d.cmd.args], shell: !d.cmd.exec } : undefined;
  const words = [...(ep?.words ?? []), ...(cmdNode?.words ?? [])];
  if (words.length === 0) return undefined;
  let where: { file: string; range: Range; via: string } | undefined;
  if (svcCommand && service) where = { file: (s && getValue(s.node, 'command') ? s : service).file.path, range: svcCommand.range, via: `compose service ${service.name} command` };
  else if (svcEntrypoint && service) where = { file: service.file.path, range: svcEntrypoint.range, via: `compose service ${service.name} entrypoint` };
  else if (d?.cmd) where = { file: d.path, range: d.cmd.range, via: `${d.path} CMD` };
  else if (d?.entrypoint) where = { file: d.path, range: d.entrypoint.range, via: `${d.path} ENTRYPOINT` };
  if (!where) return undefined;
  // A shell-form entrypoint script (`docker-entrypoint.sh`) usually ends in `exec "$@"`: look at CMD.
  let effective = words;
  if (ep && !ep.shell && ep.words.length && /\.sh$/.test(ep.words[0]) && cmdNode) effective = cmdNode.words;
  return { words: effective, shell: Boolean(ep?.shell || cmdNode?.shell), ...where };
}

function serviceInit(service: ComposeService | undefined): boolean {
  const s = service?.overriddenBy ?? service;
  const v = s ? getValue(s.node, 'init') ?? (service ? getValue(service.node, 'init') : undefined) : undefined;
  return v?.kind === 'scalar' && String(v.value) === 'true';
}

/** Import specifiers in source text (static, dynamic, require, re-exports); a cheap over-approximation. */
const IMPORT_RE = /\b(?:from|require|import)\s*\(?\s*(['"])([^'"\n]{1,300})\1/g;

export function resolveImport(from: string, spec: string, r: Resolver): string | undefined {
  if (spec.startsWith('.')) return withExtensions(normalize(dirname(from), spec), r.sources);
  // tsconfig paths / baseUrl of the nearest tsconfig above the importing file.
  const configs = r.tsconfigs.filter((t) => (t.paths || t.baseUrl !== undefined) && (t.dir === '.' || from.startsWith(`${t.dir}/`))).sort((a, b) => b.dir.length - a.dir.length);
  const t = configs[0];
  if (!t) return undefined;
  for (const [pattern, targets] of Object.entries(t.paths ?? {})) {
    const star = pattern.indexOf('*');
    let rest: string | undefined;
    if (star < 0) rest = spec === pattern ? '' : undefined;
    else if (spec.startsWith(pattern.slice(0, star)) && spec.endsWith(pattern.slice(star + 1))) rest = spec.slice(star, spec.length - (pattern.length - star - 1));
    if (rest === undefined) continue;
    for (const target of targets) {
      const found = withExtensions(normalize(t.dir, target.replace('*', rest)), r.sources);
      if (found) return found;
    }
  }
  if (t.baseUrl !== undefined && !spec.startsWith('@')) return withExtensions(normalize(normalize(t.dir, t.baseUrl), spec), r.sources);
  return undefined;
}

function reachableFrom(entry: string, texts: Map<string, SourceFile>, r: Resolver, limit = 5000): string[] {
  const seen = new Set([entry]);
  const queue = [entry];
  for (let i = 0; i < queue.length && seen.size < limit; i++) {
    const file = texts.get(queue[i]);
    if (!file) continue;
    const imports = file.facts ? file.facts.imports.map((x) => x.source) : [...file.text.matchAll(IMPORT_RE)].map((m) => m[2]);
    for (const spec of imports) {
      const target = resolveImport(file.path, spec, r);
      if (target && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return queue;
}

export function linkEntries(project: Project, tsconfigs: TsConfigInfo[], documented: Map<string, string>): JsLinks {
  const js = project.sources.filter((s) => s.language === 'js' || s.language === 'ts');
  const r: Resolver = {
    sources: new Set(js.map((s) => s.path)),
    tsconfigs,
    manifests: new Map(project.manifests.filter((m) => basename(m.path) === 'package.json').map((m) => [m.path, m])),
  };
  const byFile = new Map<string, JsEntry>();
  const add = (file: string, e: Omit<JsEntry, 'file' | 'reachable' | 'services'> & { service?: { file: string; name: string } }) => {
    let entry = byFile.get(file);
    if (!entry) {
      entry = { file, via: e.via, origin: e.origin, services: [], pid1: e.pid1, init: e.init, reachable: [] };
      if (e.dockerfile) entry.dockerfile = e.dockerfile;
      byFile.set(file, entry);
    } else if (e.dockerfile && !entry.dockerfile) {
      // A container link is more specific than a package.json one.
      Object.assign(entry, { via: e.via, origin: e.origin, dockerfile: e.dockerfile, pid1: e.pid1, init: e.init });
    }
    if (e.service && !entry.services.some((s) => s.file === e.service!.file && s.name === e.service!.name)) entry.services.push(e.service);
  };

  const fromContainer = (d: Dockerfile, context: string, service: ComposeService | undefined) => {
    const cmd = containerCommand(d, service);
    if (!cmd) return;
    const target = commandTarget(cmd.words);
    if (!target) return;
    // Absolute paths only map back when they sit under the image's WORKDIR.
    if (target.kind === 'file' && target.path.startsWith('/')) {
      const wd = workdir(d);
      if (!wd || !target.path.startsWith(`${wd}/`)) return;
      target.path = target.path.slice(wd.length + 1);
    }
    const found = resolveTarget(target, context, r);
    if (!found) return;
    const runner = basename(cmd.words.find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) ?? '');
    const init = /^(tini|dumb-init|catatonit)$/.test(runner) || serviceInit(service);
    add(found.file, {
      via: found.viaScript ? `${cmd.via} (npm script "${found.viaScript}")` : cmd.via,
      origin: { file: cmd.file, range: cmd.range },
      dockerfile: d.path,
      // node itself is PID 1 (nodemon, tsx and npm run node as a child and relay signals).
      pid1: !cmd.shell && /^(node|nodejs|bun|ts-node|ts-node-esm)$/.test(runner) && !found.viaScript,
      init,
      ...(service ? { service: { file: service.file.path, name: service.name } } : {}),
    });
  };

  // Development-only Dockerfiles, stages and compose services (project.devRegions) say nothing about the deploy.
  const dev = (file: string, line: number) => Boolean(project.facts.inDevRegion(file, line));
  for (const d of project.dockerfiles) {
    const users = d.usedBy.filter((s) => s.file.role !== 'override' && !dev(s.file.path, s.keyRange.line));
    // The image's own command (what a stack file running the pushed image starts), then each service's.
    if (d.final && !dev(d.path, d.final.fromInstruction.range.line)) fromContainer(d, users[0]?.buildContext ?? dirname(d.path), undefined);
    for (const s of users) fromContainer(d, s.buildContext ?? dirname(d.path), s);
  }

  for (const p of project.procfiles) {
    p.lines.forEach((line, i) => {
      const m = /^([\w-]+):\s*(.+)$/.exec(line);
      if (!m) return;
      const segs = segments(m[2]);
      const t = segs.length ? commandTarget(shellWords(segs[segs.length - 1])) : undefined;
      const found = t ? resolveTarget(t, dirname(p.path), r) : undefined;
      if (found) add(found.file, { via: `${p.path} ${m[1]}`, origin: { file: p.path, range: { line: i + 1, column: 1, endLine: i + 1, endColumn: line.length + 1 } }, pid1: false, init: false });
    });
  }

  for (const m of r.manifests.values()) {
    const found = resolveTarget({ kind: 'script', name: 'start' }, dirname(m.path), r);
    if (!found) continue;
    const line = m.lines.findIndex((l) => /"start"\s*:/.test(l)) + 1 || 1;
    add(found.file, { via: `${m.path} scripts.start`, origin: { file: m.path, range: { line, column: 1, endLine: line, endColumn: (m.lines[line - 1]?.length ?? 0) + 1 } }, pid1: false, init: false });
  }

  const texts = new Map(js.map((s) => [s.path, s]));
  const entriesOf = new Map<string, JsEntry[]>();
  for (const entry of byFile.values()) {
    entry.reachable = reachableFrom(entry.file, texts, r);
    for (const f of entry.reachable) entriesOf.set(f, [...(entriesOf.get(f) ?? []), entry]);
  }
  return { entries: [...byFile.values()], documented, entriesOf };
}
