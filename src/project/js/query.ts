import type { ComposeService, Dockerfile, Project, SourceFile } from '../model.js';
import type { CallFact, Value } from './facts.js';
import type { JsEntry } from './closure.js';
import { isNotShippedPath } from '../facts/deploy.js';
import { buildTarget } from '../facts/service.js';

/** Helpers source rules share to read facts and links. Pure. */

/** Tool configuration files (bundlers, test runners, linters): read at build or test time, not by the app. */
export const TOOL_CONFIG = /(^|\/)([\w.-]+\.config|\.?eslintrc|\.?prettierrc|\.?babelrc|gulpfile|gruntfile|karma\.conf|protractor\.conf|webpack\.[\w.-]+|rollup\.[\w.-]+|vite\.[\w.-]+|jest\.[\w.-]+|vitest\.[\w.-]+|tsup\.[\w.-]+|esbuild\.[\w.-]+|build)\.[cm]?[jt]s$/i;

/** Folders of scripts maintainers and CI run (release, deploy previews, codegen); an app started from one is found through its entry. */
const MAINTAINER_SCRIPT_DIR = /(^|\/)(scripts?|tools?|[\w-]+-tools?|tasks|\.ci|ci)\//;

/** Folders of code bundled for browsers. */
const BROWSER_DIR = /(^|\/)(frontend|client|public|static|www|app\/javascript|assets\/js)\//;

const JS_TS: readonly SourceFile['language'][] = ['js', 'ts'];

export type ParsedSource = SourceFile & { facts: NonNullable<SourceFile['facts']> };

/**
 * The parsed JS/TS files a source rule judges. `runtime` (the default): the files that run in a
 * deployed container (the runtime closure of its entries), or, when no deployed entry could be
 * resolved, every shipped file outside build configuration that the release images copy. `shipped`: every file that is not a
 * test, stub, e2e harness, story, doc or example (a secret in build code is still committed).
 */
export function parsedSources(project: Project, scope: 'runtime' | 'shipped' = 'runtime', languages: readonly SourceFile['language'][] = JS_TS): ParsedSource[] {
  const links = project.jsLinks;
  return project.sources.filter((s): s is ParsedSource => {
    if (!s.facts || isNotShippedPath(s.path) || !languages.includes(s.language)) return false;
    if (scope === 'shipped') return true;
    if (TOOL_CONFIG.test(s.path) || links?.buildTime.has(s.path)) return false;
    // Python beside a PHP or Go image (a maintainer's helper, a screenshot script) does not run in a container.
    if (!project.facts.runsLanguage(s.language)) return false;
    // The JS/TS closure says nothing about Python: other languages are judged by what the images copy, until their entries are traced.
    if (links?.runtime && (s.language === 'js' || s.language === 'ts')) return links.runtime.has(s.path);
    // No entry resolved: maintainers' scripts (`scripts/deploy-preview.mjs`, `tools/release.js`) still are not the app,
    // and browser code (`frontend/`, `static/`) runs in browsers: its env reads are inlined when the bundle is built.
    if (MAINTAINER_SCRIPT_DIR.test(s.path) || ((s.language === 'js' || s.language === 'ts') && BROWSER_DIR.test(s.path))) return false;
    return !links?.deployInputs || links.deployInputs(s.path);
  });
}

export const LOCAL_HOST = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|ip6-localhost)$/i;

/**
 * What the deploy sets a variable to: a string (set, value known), undefined (set or possibly
 * set, value unknown), null (certainly not set by anything we can see).
 */
export type EnvLookup = (name: string) => string | undefined | null;

export type Resolved = { kind: 'known'; value: string | number | boolean } | { kind: 'unknown' } | { kind: 'unset'; name: string };

/** Resolves a value against a deploy's environment. */
export function resolve(v: Value | undefined, env: EnvLookup): Resolved {
  if (!v) return { kind: 'unknown' };
  switch (v.k) {
    case 'num':
    case 'bool':
      return { kind: 'known', value: v.v };
    case 'str':
      return v.partial ? { kind: 'unknown' } : { kind: 'known', value: v.v };
    case 'env': {
      const set = env(v.name);
      if (typeof set === 'string') return { kind: 'known', value: set };
      if (set === undefined) return { kind: 'unknown' };
      if (v.or) {
        const fb = resolve(v.or, env);
        return fb;
      }
      return { kind: 'unset', name: v.name };
    }
    default:
      return { kind: 'unknown' };
  }
}

export function asPort(r: Resolved): number | undefined {
  if (r.kind !== 'known') return undefined;
  const n = typeof r.value === 'number' ? r.value : typeof r.value === 'string' && /^\d{1,5}$/.test(r.value.trim()) ? Number(r.value.trim()) : NaN;
  return Number.isInteger(n) && n > 0 && n < 65536 ? n : undefined;
}

/** Human text of a value expression: `process.env.PORT ?? 3000`. */
export function describe(v: Value | undefined): string {
  if (!v) return '?';
  switch (v.k) {
    case 'num':
      return String(v.v);
    case 'str':
      return JSON.stringify(v.v);
    case 'bool':
      return String(v.v);
    case 'env':
      return v.or ? `process.env.${v.name}, default ${describe(v.or)}` : `process.env.${v.name}`;
    case 'ref':
      return v.name.replace(/^[^:]*:/, '');
    default:
      return '…';
  }
}

export interface ListenSite {
  call: CallFact;
  port?: Value;
  host?: Value;
  /** Framework whose default host differs: fastify binds localhost unless told otherwise. */
  fastify: boolean;
  /** `listen('/tmp/app.sock')` or a named pipe: not a TCP port. */
  socketPath: boolean;
}

const LISTEN = /(^|[.:])listen$/;
const SERVE = /^(Bun\.serve|Deno\.serve|@hono\/node-server:serve)$/;

/** Server listen calls of a file: `app.listen(…)`, `server.listen({port, host})`, `Bun.serve({port})`. */
export function listenSites(file: SourceFile): ListenSite[] {
  const out: ListenSite[] = [];
  // Nest on the Fastify adapter inherits Fastify's localhost default.
  const nestFastify = (file.facts?.imports ?? []).some((i) => i.source === '@nestjs/platform-fastify');
  for (const call of file.facts?.calls ?? []) {
    if (SERVE.test(call.callee)) {
      const opts = call.args[0];
      if (opts?.k === 'obj') out.push({ call, port: opts.props.port, host: opts.props.hostname ?? opts.props.host, fastify: false, socketPath: false });
      else out.push({ call, fastify: false, socketPath: false });
      continue;
    }
    if (!LISTEN.test(call.callee) || call.callee === 'listen') continue;
    // socket.io `io.listen(3000)`, net servers, http(s), express, koa, fastify, Nest, hapi-less: all `listen`.
    // Event-emitter style APIs that are not servers: redis pub/sub, pg LISTEN (`client.query('LISTEN …')` is not a call to listen).
    if (/^(ioredis|redis|pg|amqplib|nats|mongodb|mongoose)[:/]/.test(call.callee)) continue;
    const fastify = /^fastify:/.test(call.callee) || (nestFastify && /^@nestjs\/core:NestFactory\.create\(\)\.listen$/.test(call.callee));
    const [a0, a1] = call.args;
    if (a0?.k === 'obj') {
      out.push({ call, port: a0.props.port, host: a0.props.host ?? a0.props.hostname, fastify, socketPath: 'path' in a0.props });
      continue;
    }
    const socketPath = a0?.k === 'str' && !a0.partial && !/^\d+$/.test(a0.v);
    const host = a1 && (a1.k === 'str' || a1.k === 'env') ? a1 : undefined;
    out.push({ call, port: a0, host, fastify, socketPath });
  }
  return out;
}

export interface DeployContext {
  dockerfile?: Dockerfile;
  service?: ComposeService;
  env: EnvLookup;
  /** `service web (compose.yaml)`, `Dockerfile`. */
  label: string;
}

/** One context per compose service running the entry, or the image alone. */
export function deployContexts(project: Project, entry: JsEntry): DeployContext[] {
  const dockerfile = entry.dockerfile ? project.dockerfiles.find((d) => d.path === entry.dockerfile) : undefined;
  const imageEnv = (target?: string) => (dockerfile ? project.facts.image(dockerfile, target).env : new Map<string, string | undefined>());
  const lookup = (image: Map<string, string | undefined>) => (name: string): string | undefined | null => (image.has(name) ? image.get(name) : null);
  const services = entry.services
    .map((s) => project.composeFiles.find((f) => f.path === s.file)?.services.find((x) => x.name === s.name))
    .filter((s): s is ComposeService => Boolean(s));
  if (services.length === 0) return dockerfile ? [{ dockerfile, env: lookup(imageEnv()), label: dockerfile.path }] : [];
  return services.map((service) => {
    const env = project.facts.serviceEnv(service).vars;
    const fromImage = lookup(imageEnv(buildTarget(service)));
    return {
      dockerfile,
      service,
      env: (name: string) => (env.has(name) ? env.get(name)!.value : fromImage(name)),
      label: `service "${service.name}" in ${service.file.path}`,
    };
  });
}

/** The entries (if any) whose process runs this file; undefined when no entry was linked. */
export function entriesRunning(project: Project, file: string): JsEntry[] {
  return project.jsLinks?.entriesOf.get(file) ?? [];
}

/** Entries that are servers: a file they reach has a listen call. */
const serverCache = new WeakMap<JsEntry, boolean>();
export function isServerEntry(project: Project, entry: JsEntry): boolean {
  let known = serverCache.get(entry);
  if (known === undefined) {
    const byPath = sourceIndex(project);
    known = entry.reachable.some((f) => listenSites(byPath.get(f) ?? ({} as SourceFile)).some((l) => !l.socketPath));
    serverCache.set(entry, known);
  }
  return known;
}

const indexCache = new WeakMap<Project, Map<string, SourceFile>>();
export function sourceIndex(project: Project): Map<string, SourceFile> {
  let m = indexCache.get(project);
  if (!m) {
    m = new Map(project.sources.map((s) => [s.path, s]));
    indexCache.set(project, m);
  }
  return m;
}

/** Lists sites as `a.ts:3, b.ts:9 and 4 more`. */
export function listSites(sites: { file: string; line: number }[], max = 5): string {
  const shown = sites.slice(0, max).map((s) => `${s.file}:${s.line}`);
  return sites.length > max ? `${shown.join(', ')} and ${sites.length - max} more` : shown.join(', ');
}

/** All string values inside a value (object props, array items, call args), depth-first. */
export function* strings(v: Value | undefined, depth = 0): Generator<string> {
  if (!v || depth > 6) return;
  switch (v.k) {
    case 'str':
      yield v.v;
      break;
    case 'obj':
      for (const p of Object.values(v.props)) yield* strings(p, depth + 1);
      break;
    case 'arr':
      for (const i of v.items) yield* strings(i, depth + 1);
      break;
    case 'call':
      for (const a of v.args) yield* strings(a, depth + 1);
      break;
    case 'cond':
      yield* strings(v.then, depth + 1);
      yield* strings(v.else, depth + 1);
      break;
    case 'env':
      yield* strings(v.or, depth + 1);
      break;
    default:
      break;
  }
}

/** Object properties reachable in a value (for `{ store }`, `{ dest }` checks), with nested objects. */
export function prop(v: Value | undefined, key: string): Value | undefined {
  return v?.k === 'obj' && Object.hasOwn(v.props, key) ? v.props[key] : undefined;
}

/** True when the dev/test-only context of a fact is known: inside `development:`/`test:` config or a non-production branch. */
export function devOnly(ctx: { keys?: string[]; env?: string } | undefined): boolean {
  if (!ctx) return false;
  if (ctx.env && ctx.env !== 'production' && ctx.env !== '!development' && ctx.env !== '!test') return true;
  return (ctx.keys ?? []).some((k) => /^(dev|development|local|test|testing|ci)$/i.test(k));
}
