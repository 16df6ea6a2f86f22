import type { Reporter } from './types.js';
import { allFindings, workspacePath } from './common.js';

/** reviewdog's Diagnostic Format (rdjson): one diagnostic per finding, with suggestions from fixes. */
const SEVERITY = { error: 'ERROR', warning: 'WARNING', info: 'INFO' } as const;

export const rdjson: Reporter = (results, context) => {
  const diagnostics = allFindings(results, context).map(({ result, file, message: m }) => {
    const rel = workspacePath(result, file.filePath, context.cwd);
    const url = m.ruleId ? context.rules.get(m.ruleId)?.docsUrl : undefined;
    return {
      message: m.message,
      location: { path: rel, range: { start: { line: m.line, column: m.column }, end: { line: m.endLine, column: m.endColumn } } },
      severity: SEVERITY[m.level],
      code: { value: m.ruleId ?? 'twelvelint', ...(url ? { url } : {}) },
      ...(m.fix ? { suggestions: [{ range: { start: { line: m.fix.range.line, column: m.fix.range.column }, end: { line: m.fix.range.endLine, column: m.fix.range.endColumn } }, text: m.fix.text }] } : {}),
    };
  });
  return `${JSON.stringify({ source: { name: 'twelvelint', url: 'https://github.com/twelvelint/twelvelint' }, severity: 'WARNING', diagnostics }, null, 2)}\n`;
};
