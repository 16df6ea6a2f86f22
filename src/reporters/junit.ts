import { FACTOR_TITLES, FACTORS, type RuleFamily } from '../rules/rule.js';
import type { Reporter } from './types.js';
import { allFindings, ruleIdOf, shownPath } from './common.js';
import { xml } from './xml.js';

/**
 * JUnit XML as Jenkins and GitLab read it: one testsuite per factor, one testcase per rule and
 * file with findings (a failure listing them), plus one passing testcase per enabled factor
 * without findings so a clean factor still shows up.
 */
export const junit: Reporter = (results, context) => {
  const families: (RuleFamily | 'other')[] = [...FACTORS, 'swarm', 'other'];
  const byFamily = new Map<string, Map<string, { file: string; rule: string; lines: string[]; error: boolean }>>();
  for (const { result, file, message: m } of allFindings(results, context)) {
    const family = m.factor ?? 'other';
    const cases = byFamily.get(family) ?? new Map();
    byFamily.set(family, cases);
    const where = shownPath(result, file.filePath, context);
    const rule = ruleIdOf(m);
    const key = `${rule}\0${where}`;
    const entry = cases.get(key) ?? { file: where, rule, lines: [], error: false };
    entry.lines.push(`${where}:${m.line}:${m.column} ${m.level}: ${m.message}`);
    entry.error ||= m.level === 'error';
    cases.set(key, entry);
  }
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  for (const family of families) {
    const cases = [...(byFamily.get(family)?.values() ?? [])];
    const title = family === 'other' ? 'Other (invalid files, directives)' : FACTOR_TITLES[family];
    if (cases.length === 0) {
      if (family === 'other') continue;
      total++;
      suites.push(`  <testsuite name="${xml(title)}" tests="1" failures="0" errors="0">\n    <testcase classname="${xml(family)}" name="no findings"/>\n  </testsuite>`);
      continue;
    }
    total += cases.length;
    failures += cases.length;
    const body = cases
      .map((c) => `    <testcase classname="${xml(c.rule)}" name="${xml(`${c.rule} ${c.file}`)}" file="${xml(c.file)}">\n      <failure message="${xml(`${c.lines.length} finding${c.lines.length === 1 ? '' : 's'}`)}" type="${c.error ? 'error' : 'warning'}">${xml(c.lines.join('\n'))}</failure>\n    </testcase>`)
      .join('\n');
    suites.push(`  <testsuite name="${xml(title)}" tests="${cases.length}" failures="${cases.length}" errors="0">\n${body}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="twelvelint" tests="${total}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
};
