/**
 * What JS/TS code ships and runs: each deployed container's start command
 * (followed through entrypoint and package scripts by the process facts) is
 * resolved to its entry source file, and the runtime closure is every file
 * reachable from an entry through imports. Framework servers (`next start`)
 * run their whole app folder. Build configuration is build-time code; tests,
 * stubs, e2e harnesses, docs and examples are never shipped.
 */
import type { ComposeService, Dockerfile, Manifest, Project, SourceFile } from '../model.js';
import type { Range } from '../range.js';
import { basename, dirname, isInside, joinPath } from '../paths.js';
import { normalize, type TsConfigInfo } from './load-extras.js';
import { sourceOfImagePath, type ImageFacts } from '../facts/image.js';
import { hasInit, mainIsPid1, type ContainerProcess, type ProcessStep } from '../facts/process.js';
import { packageManagerRun } from '../facts/commands.js';
import { isNotShippedPath } from '../facts/deploy.js';
import { parseShell, type SimpleCommand } from '../facts/shell.js';

export interface JsEntry {
  /** Entry source file, project-relative; for a framework server, its app folder. */
  file: string;
  /** How it was found, for messages: `Dockerfile CMD`, `package.json scripts.start`, `Procfile web`. */
  via: string;
  /** Where the start command is written. */
  origin: { file: string; range: Range };
  /** The Dockerfile whose image runs it. */
  dockerfile?: string;
  /** Compose services that run it. */
  services: { file: string; name: string }[];
  /** node itself is the container's main process (exec form, no shell, no npm). */
  pid1: boolean;
  /** Runs under an init process (tini, dumb-init, compose `init: true`). */
  init: boolean;
  /** A framework server that runs a whole app folder (`next start`). */
  framework?: string;
  /** Only ever started in the background (`node health.js & exec app`): a helper next to the main process. */
  background?: true;
  /** Files reachable from the entry through relative and tsconfig-path imports, entry first. */
  reachable: string[];
}

export interface JsLinks {
  entries: JsEntry[];
  /** Identifier-like words in documentation and deploy descriptors, with the first file naming each. */
  documented: Map<string, string>;
  /** For each source file reachable from some entry: the entries that reach it. */
  entriesOf: Map<string, JsEntry[]>;
  /** Files that run in a deployed container; undefined when no deployed entry could be resolved. */
  runtime?: Set<string>;
  /** Without a runtime closure: whether a file reaches a deployed container at all (copied into a release image, bind-mounted). */
  deployInputs?: (path: string) => boolean;
  /** Framework and bundler configuration evaluated at build time (`next.config.js`, `vite.config.ts`). */
  buildTime: Set<string>;
  /** Variables a build inlines into the code (Next.js `env:` keys): build inputs, not runtime config. */
  buildEnv: Set<string>;
}

const RUNNERS = /^(node|nodejs|ts-node|ts-node-esm|tsx|bun|nodemon|node-dev|ts-node-dev|babel-node|pm2|pm2-runtime)$/;
const NODE_VALUE_FLAGS = new Set(['-r', '--require', '--import', '--loader', '--experimental-loader', '-P', '--project', '--env-file', '--title', '--watch-path', '-C', '--conditions', '--inspect-port', '--max-old-space-size', '--stack-size', '--exec', '-x', '--ext', '--ignore', '-w', '--watch', '-i', '--instances', '--name', '-n']);
const SOURCE_EXTS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const BUILD_DIRS = new Set(['dist', 'build', 'out', 'lib', '.build', 'output', 'compiled', 'server-dist']);
/** Framework servers that run a whole app folder, with the subcommand that starts them. */
const FRAMEWORK_SERVERS: Record<string, RegExp> = { next: /^start$/, nuxt: /^start$/, nuxi: /^(start|preview)$/ };
/** Framework and bundler configuration, read at build time. */
export const BUILD_CONFIG = /(^|\/)(next|nuxt|vite|vitest|webpack|rollup|svelte|astro|remix|tailwind|postcss|babel|jest|tsup|esbuild|gatsby-config|gatsby-node|craco|quasar|angular|vue)(\.[\w-]+)*\.config\.[cm]?[jt]s$|(^|\/)(gatsby-config|gatsby-node|webpack\.[\w.-]+|rollup\.[\w.-]+|vite\.[\w.-]+|\.babelrc|gulpfile|gruntfile)\.[cm]?[jt]s$/i;

export type Target = { kind: 'file'; path: string } | { kind: 'main' } | { kind: 'framework'; name: string; dir: string };

/** What one command starts, when it is a JS program: a file, the package main, or a framework server. */
export function commandTarget(c: SimpleCommand): Target | undefined {
  const w = c.words;
  const name = c.program;
  if (Object.hasOwn(FRAMEWORK_SERVERS, name) && FRAMEWORK_SERVERS[name].test(w[1] ?? '')) {
    const dir = w.slice(2).find((x) => !x.startsWith('-') && !/^\d+$/.test(x));
    return { kind: 'framework', name, dir: dir ?? '.' };
  }
  if (name === 'npx' && w[1]) return commandTarget(parseShell(w.slice(1).join(' '))[0] ?? c);
  if (!RUNNERS.test(name)) return undefined;
  let i = 1;
  if ((name === 'bun' && w[1] === 'run') || ((name === 'pm2' || name === 'pm2-runtime') && w[1] === 'start')) i = 2;
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
  // pm2 takes a process file (`ecosystem.config.js`) or the app file.
  if ((name === 'pm2' || name === 'pm2-runtime') && (!/\.(c|m)?[jt]sx?$/.test(script) || /(^|\/)(ecosystem|pm2|process)[\w.-]*\.(config\.)?[cm]?js$|\.config\.[cm]?js$/.test(script))) return undefined;
  if (/\.(json|sh|ya?ml)$/.test(script)) return undefined;
  return { kind: 'file', path: script };
}

export interface Resolver {
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

function reachableFrom(entries: string[], texts: Map<string, SourceFile>, r: Resolver, limit = 20000): string[] {
  const seen = new Set(entries);
  const queue = [...entries];
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

interface Unit {
  proc: ContainerProcess;
  dockerfile?: Dockerfile;
  service?: ComposeService;
}

/** The path a step runs, resolved to a project path: through the image (COPY), else next to the file the step is written in. */
function stepPath(step: ProcessStep, path: string, image: ImageFacts | undefined, context: string | undefined): { path: string; context: string } | undefined {
  const inPackage = basename(step.file) === 'package.json';
  if (image && context !== undefined) {
    const containerPath = path.startsWith('/') ? path : `${image.workdir ?? ''}/${path}`;
    const rel = sourceOfImagePath(image, containerPath);
    if (rel !== undefined) return { path: joinPath(context, rel), context };
    // Built elsewhere and copied in (`COPY --from=build /app/dist ./dist`): the same layout as the context, under WORKDIR.
    const wd = image.workdir;
    if (path.startsWith('/')) return wd && path.startsWith(`${wd}/`) ? { path: joinPath(context, path.slice(wd.length + 1)), context } : undefined;
    return { path: joinPath(inPackage ? dirname(step.file) : context, path), context: inPackage ? dirname(step.file) : context };
  }
  if (path.startsWith('/')) return undefined;
  const dir = inPackage ? dirname(step.file) : (context ?? dirname(step.file));
  return { path: joinPath(dir, path), context: dir };
}

function mainOf(r: Resolver, dir: string): string | undefined {
  const data = r.manifests.get(joinPath(dir, 'package.json'))?.data as { main?: unknown } | undefined;
  return typeof data?.main === 'string' ? data.main : 'index.js';
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
      entry = { file, via: e.via, origin: e.origin, services: [], pid1: e.pid1, init: e.init, reachable: [], ...(e.framework ? { framework: e.framework } : {}), ...(e.background ? { background: true as const } : {}) };
      if (e.dockerfile) entry.dockerfile = e.dockerfile;
      byFile.set(file, entry);
    } else if ((e.dockerfile && !entry.dockerfile) || (e.service && entry.services.length === 0)) {
      // A container link is more specific than a package.json one, and a deployed service's than an image built on its own.
      Object.assign(entry, { via: e.via, origin: e.origin, pid1: e.pid1, init: e.init, ...(e.dockerfile ? { dockerfile: e.dockerfile } : {}) });
    }
    if (e.service && !entry.services.some((s) => s.file === e.service!.file && s.name === e.service!.name)) entry.services.push(e.service);
    if (!e.background) delete entry.background;
  };

  const fromProcess = (unit: Unit) => {
    const { proc } = unit;
    for (const step of proc.steps) {
      const target = commandTarget(step.command);
      if (!target) continue;
      let file: string | undefined;
      if (target.kind === 'framework') {
        const at = stepPath(step, target.dir, proc.image, proc.context);
        if (at && r.manifests.has(joinPath(at.path, 'package.json'))) file = at.path;
      } else {
        const path = target.kind === 'main' ? mainOf(r, step.file.endsWith('package.json') ? dirname(step.file) : (proc.context ?? '.')) : target.path;
        const at = path ? stepPath(step, path, proc.image, proc.context) : undefined;
        if (at) file = sourceFor(at.context === '.' || !isInside(at.path, at.context) ? at.path : at.path.slice(at.context.length + 1), isInside(at.path, at.context) ? at.context : '.', r);
      }
      if (!file) continue;
      const script = [...step.via].reverse().find((v) => / script "/.test(v));
      const where = `${proc.at.file} ${proc.at.where}`;
      const main = proc.main === step;
      add(file, {
        via: script ? `${where} (${script})` : where,
        origin: { file: proc.at.file, range: proc.at.range },
        ...(unit.dockerfile ? { dockerfile: unit.dockerfile.path } : {}),
        // node itself is PID 1 when the container runs it directly, or an entrypoint script run directly `exec`s it.
        pid1: main && /^(node|nodejs|bun|ts-node|ts-node-esm)$/.test(step.command.program) && mainIsPid1(proc),
        init: hasInit(proc),
        ...(target.kind === 'framework' ? { framework: target.name } : {}),
        ...(step.command.background ? { background: true as const } : {}),
        ...(unit.service ? { service: { file: unit.service.file.path, name: unit.service.name } } : {}),
      });
    }
  };

  // Deployed containers: release images and the services of the deployed compose files.
  const units: Unit[] = [];
  for (const image of project.facts.images()) {
    if (!project.facts.dockerfileStatus(image.dockerfile).release) continue;
    const proc = project.facts.imageProcess(image.dockerfile, image.target);
    if (proc) units.push({ proc, dockerfile: image.dockerfile });
  }
  for (const file of project.facts.deployedComposeFiles()) {
    for (const service of file.services) {
      if (project.facts.inDevRegion(file.path, service.keyRange.line)) continue;
      const proc = project.facts.serviceProcess(service);
      const dockerfile = proc?.image?.dockerfile;
      if (proc) units.push({ proc, ...(dockerfile ? { dockerfile } : {}), service });
    }
  }
  for (const unit of units) fromProcess(unit);
  const containerEntries = byFile.size;

  // Procfiles declare process types for platforms that run them (Heroku, Dokku): their entries run too.
  {
    for (const p of project.procfiles) {
      p.lines.forEach((line, i) => {
        const m = /^([\w-]+):\s*(.+)$/.exec(line);
        if (!m) return;
        const range = { line: i + 1, column: 1, endLine: i + 1, endColumn: line.length + 1 };
        for (const c of parseShell(m[2])) fromStandalone(c, dirname(p.path), `${p.path} ${m[1]}`, { file: p.path, range }, 0);
      });
    }
  }
  // Without a container or Procfile that runs JS: package.json start scripts say what runs.
  if (byFile.size === 0) {
    for (const m of r.manifests.values()) {
      if (isNotShippedPath(m.path)) continue;
      const line = m.lines.findIndex((l) => /"start"\s*:/.test(l)) + 1 || 1;
      const range = { line, column: 1, endLine: line, endColumn: (m.lines[line - 1]?.length ?? 0) + 1 };
      fromStandalone(['npm', 'start'], dirname(m.path), `${m.path} scripts.start`, { file: m.path, range }, 0);
    }
  }

  function fromStandalone(input: SimpleCommand | string[], dir: string, via: string, origin: { file: string; range: Range }, depth: number): void {
    const c = Array.isArray(input) ? parseShell(input.join(' '))[0] : input;
    if (!c || depth > 3) return;
    const run = packageManagerRun(c.words);
    if (run) {
      const data = r.manifests.get(joinPath(dir, 'package.json'))?.data as { scripts?: Record<string, unknown> } | undefined;
      const body = data?.scripts && typeof data.scripts === 'object' ? data.scripts[run.script] : undefined;
      if (typeof body === 'string') for (const inner of parseShell(body)) fromStandalone(inner, dir, via, origin, depth + 1);
      // npm's default start script: `node server.js` when server.js exists.
      else if (run.script === 'start' && data && r.sources.has(joinPath(dir, 'server.js'))) add(joinPath(dir, 'server.js'), { via, origin, pid1: false, init: false });
      return;
    }
    const target = commandTarget(c);
    if (!target) return;
    if (target.kind === 'framework') {
      const appDir = joinPath(dir, target.dir);
      if (r.manifests.has(joinPath(appDir, 'package.json'))) add(appDir, { via, origin, pid1: false, init: false, framework: target.name });
      return;
    }
    const path = target.kind === 'main' ? mainOf(r, dir) : target.path;
    const file = path && !path.startsWith('/') ? sourceFor(path, dir, r) : undefined;
    if (file) add(file, { via, origin, pid1: false, init: false });
  }

  const texts = new Map(js.map((s) => [s.path, s]));
  const entriesOf = new Map<string, JsEntry[]>();
  const buildTime = new Set(js.filter((s) => BUILD_CONFIG.test(s.path)).map((s) => s.path));
  for (const entry of byFile.values()) {
    // A framework server runs its routes (Next.js: pages/, app/, middleware) and what they import; other frameworks their whole app folder.
    const roots = entry.framework ? frameworkRoots(entry, js, buildTime) : [entry.file];
    entry.reachable = reachableFrom(roots, texts, r);
    for (const f of entry.reachable) entriesOf.set(f, [...(entriesOf.get(f) ?? []), entry]);
  }
  const runtime = containerEntries > 0 || project.procfiles.length > 0 ? new Set(entriesOf.keys()) : undefined;
  const inputs = runtime ? undefined : project.facts.deployInputs();
  return { entries: [...byFile.values()], documented, entriesOf, ...(runtime ? { runtime } : {}), ...(inputs ? { deployInputs: inputs } : {}), buildTime, buildEnv: nextConfigEnv(js) };
}

/** Files a framework server loads by convention, not through imports. */
function frameworkRoots(entry: JsEntry, js: readonly SourceFile[], buildTime: ReadonlySet<string>): string[] {
  const inApp = js.filter((s) => isInside(s.path, entry.file) && !isNotShippedPath(s.path) && !buildTime.has(s.path));
  if (entry.framework !== 'next') return inApp.map((s) => s.path);
  const rel = (p: string) => (entry.file === '.' ? p : p.slice(entry.file.length + 1));
  const ROUTES = /^(src\/)?(pages|app)\/|^(src\/)?(middleware|instrumentation)\.[cm]?[jt]sx?$/;
  const routes = inApp.filter((s) => ROUTES.test(rel(s.path))).map((s) => s.path);
  return routes.length ? routes : inApp.map((s) => s.path);
}

/** Keys of `env: { … }` in Next.js configuration: Next inlines them into the code at build time. */
function nextConfigEnv(js: readonly SourceFile[]): Set<string> {
  const out = new Set<string>();
  for (const s of js) {
    if (!/(^|\/)next\.config\.[cm]?[jt]s$/.test(s.path)) continue;
    const m = /\benv\s*:\s*\{([\s\S]*?)\n?\s*\}/.exec(s.text);
    if (!m) continue;
    for (const k of m[1].matchAll(/(?:^|[,{\s])['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?\s*:/g)) out.add(k[1]);
    for (const k of m[1].matchAll(/(?:^|[,{\s])([A-Za-z_][A-Za-z0-9_]*)\s*(?=,|$)/gm)) out.add(k[1]);
  }
  return out;
}
