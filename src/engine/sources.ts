import type { Project, SourceFile } from '../project/model.js';
import type { AnyRule } from '../rules/rule.js';
import type { Diagnostic } from './diagnostics.js';
import { parseJsSource, warmParser } from '../project/parse-js.js';
import { documentedNames, loadDocs, loadTsConfigs } from '../project/js/load-extras.js';
import { linkEntries } from '../project/js/link-entries.js';
import { DEFAULT_MAX_FILE_SIZE } from './config.js';

/**
 * Source analysis, in three steps:
 * 1. prefilter: a JS/TS file is parsed only when an enabled rule's `sourcePrefilter`
 *    matches its raw text (tests, fixtures and minified bundles are never parsed);
 * 2. parse + extract: each parsed file is reduced to small facts (`SourceFile.facts`),
 *    in a worker when one is warm or the set is large (see parse-js.ts);
 * 3. link: deploy artifacts are linked to entry files and their imports (`Project.jsLinks`),
 *    reading tsconfig files and documentation as needed.
 * Rules then read facts and links only; they never see an AST.
 */

/** Test code, fixtures, mocks, stories and examples: what they do is not what the deployed app does. */
export const TEST_PATH = /(^|\/)(__tests__|__mocks__|__fixtures__|tests?|spec|specs|e2e|cypress|playwright|fixtures?|mocks?|stories|storybook|\.storybook|examples?|benchmarks?|bench)(\/|$)|\.(test|spec|e2e|stories|story|bench)\.[cm]?[jt]sx?$/i;

/** Minified or generated bundles: very long lines. */
function looksGenerated(file: SourceFile): boolean {
  if (/\.min\.[cm]?js$/.test(file.path)) return true;
  return file.text.length > 20_000 && file.text.length / Math.max(1, file.lines.length) > 300;
}

function sourceRulesOf(rules: readonly AnyRule[]): AnyRule[] {
  return rules.filter((r) => r.inputs.includes('source') && r.sourcePrefilter);
}

/**
 * Starts loading the parser in a worker thread right away, so it is ready when
 * `prepareSources` runs. Call it before discovery when source rules are enabled.
 */
export function warmSources(rules: readonly AnyRule[]): void {
  if (sourceRulesOf(rules).length > 0) warmParser();
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

export async function prepareSources(project: Project, rules: readonly AnyRule[], _diagnostics: Diagnostic[], maxFileSize = DEFAULT_MAX_FILE_SIZE): Promise<void> {
  const active = sourceRulesOf(rules);
  const t0 = performance.now();
  if (active.length === 0) {
    await parseJsSource([]);
    return;
  }
  const prefilters = active.map((r) => new RegExp((r.sourcePrefilter as RegExp).source, (r.sourcePrefilter as RegExp).flags.replace(/[gy]/g, '')));
  const candidates = project.sources.filter((s) => (s.language === 'js' || s.language === 'ts') && !TEST_PATH.test(s.path) && !looksGenerated(s));
  const wanted = candidates.filter((s) => prefilters.some((p) => p.test(s.text)));
  const t1 = performance.now();
  await parseJsSource(wanted);
  const t2 = performance.now();

  if (!project.singleFiles) {
    const needsDocs = wanted.some((s) => (s.facts?.envReads.length ?? 0) > 0);
    const [tsconfigs, docs] = await Promise.all([loadTsConfigs(project, maxFileSize), needsDocs ? loadDocs(project, maxFileSize) : Promise.resolve([])]);
    project.jsLinks = linkEntries(project, tsconfigs, documentedNames(docs));
  }
  const t3 = performance.now();
  lastSourceTimings = { prefilter: t1 - t0, parse: t2 - t1, link: t3 - t2, candidates: candidates.length, parsed: wanted.length };
  if (process.env.TWELVELINT_TIMING === '1') {
    process.stderr.write(`twelvelint sources: ${candidates.length} candidates, ${wanted.length} parsed; prefilter ${(t1 - t0).toFixed(0)} ms, parse ${(t2 - t1).toFixed(0)} ms, link ${(t3 - t2).toFixed(0)} ms\n`);
  }
}
