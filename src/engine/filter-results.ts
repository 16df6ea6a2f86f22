import type { AuditResult, EslintMessage, FileResult } from './result.js';

/**
 * Keeps the findings `keep` accepts and recounts what depends on them (file and summary counts).
 * The score, factors and verdict describe the whole project and stay as they are.
 */
export function filterFindings(result: AuditResult, keep: (file: FileResult, message: EslintMessage) => boolean, moved?: (file: FileResult, message: EslintMessage) => void): void {
  for (const file of result.results) {
    const kept: EslintMessage[] = [];
    for (const m of file.messages) {
      if (keep(file, m)) kept.push(m);
      else moved?.(file, m);
    }
    file.messages = kept;
    file.errorCount = kept.filter((m) => m.level === 'error').length;
    file.warningCount = kept.filter((m) => m.level === 'warning').length;
    file.infoCount = kept.filter((m) => m.level === 'info').length;
    file.fatalErrorCount = kept.filter((m) => m.fatal).length;
    file.fixableErrorCount = kept.filter((m) => m.fix && m.level === 'error').length;
    file.fixableWarningCount = kept.filter((m) => m.fix && m.level === 'warning').length;
  }
  const all = result.results.flatMap((f) => f.messages);
  result.summary.counts = { ...result.summary.counts, error: all.filter((m) => m.level === 'error').length, warning: all.filter((m) => m.level === 'warning').length, info: all.filter((m) => m.level === 'info').length, fixable: all.filter((m) => m.fix).length };
}
