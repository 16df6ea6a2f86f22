import type { Project, SourceFile } from '../project/model.js';
import type { AnyRule } from '../rules/rule.js';
import type { Diagnostic } from './diagnostics.js';
import { parseJsSource } from '../project/parse-js.js';

/**
 * Parses the JS/TS files a source rule may care about: a file is parsed only
 * when one of the enabled rules' text prefilters matches it.
 */
export async function prepareSources(project: Project, rules: readonly AnyRule[], _diagnostics: Diagnostic[]): Promise<void> {
  const prefilters = rules.filter((r) => r.inputs.includes('source') && r.sourcePrefilter).map((r) => r.sourcePrefilter as RegExp);
  if (prefilters.length === 0) return;
  const wanted: SourceFile[] = project.sources.filter((s) => (s.language === 'js' || s.language === 'ts') && prefilters.some((p) => p.test(s.text)));
  if (wanted.length === 0) return;
  await parseJsSource(wanted);
}
