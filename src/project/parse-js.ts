import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from './model.js';
import type Tinypool from 'tinypool';
import { parseAndExtract, type Estree, type JsParser, type Oxc, type ParsedFile } from './js/parse-file.js';

/**
 * Parsing strategy, decided by measurement on outline/outline (2 cores; README "Performance"):
 * - The parser is oxc-parser (native) when its binding loads, else typescript-estree (see
 *   loadParser). Both give the same facts (scripts/compare-parsers.mjs checks it).
 * - Files are parsed and reduced at once to small facts (`SourceFile.facts`); ASTs are never
 *   kept or sent between threads (cloning them costs more than parsing them).
 * - Loading typescript-estree (it brings TypeScript) costs ~0.3-0.5 s and the first files
 *   parse slowly until the JIT warms up; oxc-parser loads in ~15 ms. A worker pays the load
 *   again, plus its own start-up, so for the usual prefiltered set (outline: 60 files, 270 KB)
 *   the main thread is as fast or faster and uses less memory.
 * - Only a large set (>= 1.5 MB of text, hundreds of files) is split over two workers, and
 *   only when a core is idle.
 */

let parser: JsParser | undefined;
let pool: Tinypool | undefined;
let poolPromise: Promise<Tinypool | undefined> | undefined;

/** From this much text on (and with an idle core), two workers parse instead of the main thread. */
const POOL_MIN_BYTES = 1_500_000;
const CHUNK_BYTES = 96_000;

const WORKER_URL = new URL('./js/worker.js', import.meta.url);

/**
 * A worker only helps when a core is free to run it: on a single core, or when the machine is
 * already busy (1-minute load average within 0.75 of the core count), the main thread parses.
 */
function idleCore(): boolean {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cores >= 2 && os.loadavg()[0] < cores - 0.75;
}

/** Workers need the compiled worker module; under a TS loader (tests) everything runs in-thread. */
function workerAvailable(): boolean {
  if (process.env.TWELVELINT_PARSE_THREADS === '0') return false;
  if (threadSetting() === undefined && !idleCore()) return false;
  try {
    return /\.m?js$/.test(import.meta.url) && existsSync(fileURLToPath(WORKER_URL));
  } catch {
    return false;
  }
}

function threadSetting(): number | undefined {
  const raw = process.env.TWELVELINT_PARSE_THREADS;
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 8 ? n : undefined;
}

async function startPool(threads: number): Promise<Tinypool | undefined> {
  try {
    const { default: TinypoolClass } = await import('tinypool');
    // Workers inherit the process's node flags; drop the ones that only make sense for the main script.
    const execArgv = process.execArgv.filter((a, i, all) => !/^(--input-type|--eval|-e|--print|-p|--test|--watch)/.test(a) && !/^(-e|--eval|-p|--print)$/.test(all[i - 1] ?? ''));
    // Workers get a small young generation by default; parsing allocates a lot of short-lived
    // nodes, and 64 MB cuts the worker's parse time by about a fifth (measured on outline).
    // A worker thread gets a 4 MB stack by default, half the main thread's; oxc-parser recurses on it (see js/nesting.ts).
    const created = new TinypoolClass({ filename: WORKER_URL.href, minThreads: threads, maxThreads: threads, idleTimeout: 0, execArgv, resourceLimits: { maxYoungGenerationSizeMb: 64, stackSizeMb: 8 } });
    // A worker that cannot start is not fatal: parseJsSource falls back to the main thread.
    created.on('error', () => undefined);
    pool = created;
    return pool;
  } catch {
    return undefined;
  }
}

/** Stops the worker pool, if any. */
export async function releaseParser(): Promise<void> {
  const p = poolPromise;
  poolPromise = undefined;
  const active = (await p) ?? pool;
  pool = undefined;
  if (active) await active.destroy().catch(() => undefined);
}

function apply(file: SourceFile, result: ParsedFile): void {
  if (result.facts) file.facts = result.facts;
  if (result.parseError) file.parseError = result.parseError;
  if (result.ms !== undefined) file.parseMs = result.ms;
}

/**
 * THE PARSER SWITCH. oxc-parser when its native binding loads on this platform (it ships
 * prebuilt bindings for the usual platforms as optional dependencies), else typescript-estree,
 * which is plain JavaScript and loads everywhere, only slower (it brings TypeScript): an
 * unsupported platform, a failed optional install, a Node without require(esm) (< 20.19), or a
 * bundle without the binding (the GitHub Action) all fall back.
 * A file oxc-parser rejects is parsed again by typescript-estree (loaded then), which decides
 * whether it is an error and how to word it: TypeScript's parser is more lenient (TypeScript
 * syntax in a .js file, `a?.b = 1`), and a finding's message stays the same. So is a file nested
 * too deeply for oxc-parser's native stack (js/nesting.ts), before oxc-parser sees it.
 * TWELVELINT_PARSER=typescript-estree forces the fallback (for measurements).
 * Both load with require(), synchronously (typescript-estree is CommonJS: require skips the ESM
 * wrapper, ~50-100 ms less than import(); oxc-parser is ESM, which Node 20.19+ can require).
 */
export function loadParser(): JsParser {
  if (!parser) {
    const t0 = performance.now();
    parser = loadOxc();
    parserLoadMs += performance.now() - t0;
    parser ??= loadEstree();
  }
  return parser;
}

function loadOxc(): Oxc | undefined {
  if (process.env.TWELVELINT_PARSER === 'typescript-estree') return undefined;
  try {
    const oxc = createRequire(import.meta.url)('oxc-parser') as Oxc;
    // The binding loads with the module; one tiny parse proves it answers.
    return oxc.parseSync('probe.js', '0;').errors.length === 0 ? oxc : undefined;
  } catch {
    return undefined;
  }
}

let estree: Estree | undefined;
/** typescript-estree: the parser where oxc-parser does not load, and the second opinion on a file oxc-parser rejects. */
export function loadEstree(): Estree {
  if (!estree) {
    const t0 = performance.now();
    estree = createRequire(import.meta.url)('@typescript-eslint/typescript-estree') as Estree;
    parserLoadMs += performance.now() - t0;
  }
  return estree;
}

/** Which parser loadParser chose (for timings); `+typescript-estree` when a rejected file loaded it too. */
export function parserName(): string | undefined {
  if (!parser) return undefined;
  return 'parseSync' in parser ? (estree ? 'oxc-parser+typescript-estree' : 'oxc-parser') : 'typescript-estree';
}

let parserLoadMs = 0;
/** How long loading the parser(s) took in this process (0 when none was loaded here). */
export function parserLoadTime(): number {
  return parserLoadMs;
}

async function parseInThread(files: SourceFile[]): Promise<void> {
  loadParser();
  if (!parser) return;
  for (const file of files) apply(file, parseAndExtract(parser, file.path, file.text, loadEstree));
}

function chunk(files: SourceFile[]): SourceFile[][] {
  const out: SourceFile[][] = [];
  let current: SourceFile[] = [];
  let size = 0;
  for (const f of files) {
    current.push(f);
    size += f.text.length;
    if (size >= CHUNK_BYTES) {
      out.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length) out.push(current);
  return out;
}

async function parseInPool(active: Tinypool, files: SourceFile[]): Promise<void> {
  // Largest files first so the threads finish together.
  const sorted = [...files].sort((a, b) => b.text.length - a.text.length);
  await Promise.all(
    chunk(sorted).map(async (batch) => {
      const results = (await active.run({ files: batch.map((f) => ({ path: f.path, text: f.text })) })) as ParsedFile[];
      batch.forEach((f, i) => apply(f, results[i] ?? {}));
    }),
  );
}

/**
 * Parses the files and stores their facts (or parse error) on them. The parser
 * module loads only when a file needs it.
 */
export async function parseJsSource(files: SourceFile[]): Promise<void> {
  try {
    if (files.length === 0) return;
    const bytes = files.reduce((n, f) => n + f.text.length, 0);
    // TWELVELINT_PARSE_THREADS=n forces n workers (0: main thread), for measurements.
    const threads = threadSetting() ?? (bytes >= POOL_MIN_BYTES ? 2 : 0);
    let active: Tinypool | undefined;
    if (threads > 0 && workerAvailable()) {
      poolPromise = startPool(threads);
      active = await poolPromise;
    }
    if (active) {
      try {
        await parseInPool(active, files);
        return;
      } catch {
        // A worker failed (out of memory, killed): finish in-thread.
        const rest = files.filter((f) => !f.facts && !f.parseError);
        await parseInThread(rest);
        return;
      }
    }
    await parseInThread(files);
  } finally {
    await releaseParser();
  }
}
