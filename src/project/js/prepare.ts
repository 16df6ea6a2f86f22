import type { Project, SourceFile } from '../model.js';
import type { Diagnostic } from '../diagnostics.js';
import { parseJsSource, parserLoadTime, parserName } from '../parse-js.js';
import { documentedNames, loadDocs, loadIgnoredEnvTemplates, loadTsConfigs } from './load-extras.js';
import { linkEntries } from './closure.js';
import { slowFile, type Limits } from '../limits.js';
import { isNotShippedPath } from '../facts/deploy.js';
import { bundleReason } from './bundle.js';

/**
 * Source analysis, in three steps:
 * 1. prefilter: a JS/TS file is parsed only when an enabled rule's `sourcePrefilter`
 *    matches its raw text (tests, fixtures and minified bundles are never parsed);
 * 2. parse + extract: each parsed file is reduced to small facts (`SourceFile.facts`),
 *    in the main thread, or in two workers when the set is large (see parse-js.ts);
 * 3. link: deploy artifacts are linked to entry files and their imports (`Project.jsLinks`),
 *    reading tsconfig files and documentation as needed.
 * Rules then read facts and links only; they never see an AST.
 */

/** Why a JS/TS file is not parsed: generated bundles and Flow are not code the rules can read. */
function notParsable(file: SourceFile): string | undefined {
  if (file.path.endsWith('.js') && /@flow\b/.test(file.text.slice(0, 2000))) return 'Flow-typed JavaScript, which the parser does not read';
  return bundleReason(file);
}


const ENV_READ = /process\.env|import\.meta\.env|Bun\.env/;

/**
 * One regular expression per flag set, with each distinct rule prefilter as an alternative:
 * one scan of each file instead of one per rule (many rules share `\.listen\(`).
 */
export function combinePrefilters(prefilters: readonly RegExp[]): RegExp[] {
  const byFlags = new Map<string, Set<string>>();
  for (const p of prefilters) {
    const flags = p.flags.replace(/[gyd]/g, '');
    const set = byFlags.get(flags) ?? new Set<string>();
    for (const alt of splitAlternatives(p.source)) set.add(alt);
    byFlags.set(flags, set);
  }
  return [...byFlags].map(([flags, alts]) => new RegExp([...alts].map((a) => `(?:${a})`).join('|'), flags));
}

/** Top-level alternatives of a pattern (so shared ones are scanned once); the whole pattern when unsure. */
function splitAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cls = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (cls) {
      if (c === ']') cls = false;
      continue;
    }
    if (c === '[') cls = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  // Backreferences would change meaning once regrouped: keep such a pattern whole.
  return out.some((a) => /\\\d/.test(a)) ? [source] : out;
}


export interface SourceTimings {
  prefilter: number;
  parse: number;
  link: number;
  candidates: number;
  parsed: number;
}

/** Timings of the last run (for `scripts/bench.js` and TWELVELINT_TIMING=1). */
export let lastSourceTimings: SourceTimings | undefined;

/**
 * Parses the JS/TS files the prefilters of the enabled source rules select and links entries.
 * `sourcePrefilters` is empty when no source rule runs: nothing is parsed then.
 */
export async function prepareSources(project: Project, sourcePrefilters: readonly RegExp[], limits: Limits, diagnostics: Diagnostic[] = []): Promise<void> {
  const maxFileSize = limits.maxFileSize;
  const t0 = performance.now();
  const js = sourcePrefilters.length > 0 ? project.sources.filter((s) => s.language === 'js' || s.language === 'ts') : [];
  if (js.length === 0) return;
  const prefilters = combinePrefilters(sourcePrefilters);
  const shipped = js.filter((s) => !isNotShippedPath(s.path));
  const candidates: SourceFile[] = [];
  for (const s of shipped) {
    const why = notParsable(s);
    if (!why) candidates.push(s);
    // A file a rule would have read is named when it is left out.
    else if (prefilters.some((p) => p.test(s.text))) diagnostics.push({ code: 'source-not-parsed', severity: 'info', filePath: s.path, message: `Not parsed: ${why}` });
  }
  const wanted = candidates.filter((s) => prefilters.some((p) => p.test(s.text)));
  const t1 = performance.now();
  let tParsed = t1;
  // In the main thread this call parses before it returns; with workers, linking below overlaps it.
  const parsing = parseJsSource(wanted).then(() => {
    tParsed = performance.now();
  });
  const tLink = performance.now();

  if (!project.singleFiles) {
    const needsDocs = wanted.some((s) => ENV_READ.test(s.text));
    const [tsconfigs, docs, templates] = await Promise.all([
      loadTsConfigs(project, maxFileSize),
      needsDocs ? loadDocs(project, maxFileSize) : Promise.resolve([]),
      needsDocs ? loadIgnoredEnvTemplates(project, maxFileSize, diagnostics) : Promise.resolve([]),
    ]);
    project.jsLinks = linkEntries(project, tsconfigs, documentedNames([...docs, ...templates]));
    if (!project.jsLinks.runtime && candidates.length > 0) {
      diagnostics.push({
        code: 'no-deployed-entry',
        severity: 'info',
        message: project.jsLinks.deployInputs
          ? 'No deployed container or Procfile could be traced to a JS/TS entry file, so source rules judge every JS/TS file the release images copy (tests, docs and examples aside), not only the code that runs'
          : 'No deployed container or Procfile could be traced to a JS/TS entry file, so source rules judge every shipped JS/TS file (tests, docs and examples aside), not only the code that runs',
      });
    }
  }
  const tLinked = performance.now();
  await parsing;
  for (const file of wanted) if (file.parseMs !== undefined) slowFile(file.path, file.parseMs, limits, diagnostics);
  const t3 = performance.now();
  lastSourceTimings = { prefilter: t1 - t0, parse: tParsed - t1, link: tLinked - tLink, candidates: candidates.length, parsed: wanted.length };
  if (process.env.TWELVELINT_TIMING === '1') {
    process.stderr.write(
      `twelvelint sources: ${candidates.length} candidates, ${wanted.length} parsed; prefilter ${(t1 - t0).toFixed(0)} ms, parse ${(tParsed - t1).toFixed(0)} ms (${parserName() ?? 'parser'} load ${parserLoadTime().toFixed(0)} ms), link ${(tLinked - tLink).toFixed(0)} ms, total ${(t3 - t0).toFixed(0)} ms\n`,
    );
  }
}
