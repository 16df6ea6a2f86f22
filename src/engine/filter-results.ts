import type { AuditResult, EslintMessage, FileResult } from './result.js';

/** Sets a file result's counts from its messages (ESLint's errorCount, warningCount …). */
export function countMessages(file: FileResult): void {
  const { messages } = file;
  file.errorCount = messages.filter((m) => m.level === 'error').length;
  file.warningCount = messages.filter((m) => m.level === 'warning').length;
  file.infoCount = messages.filter((m) => m.level === 'info').length;
  file.fatalErrorCount = messages.filter((m) => m.fatal).length;
  file.fixableErrorCount = messages.filter((m) => m.fix && m.level === 'error').length;
  file.fixableWarningCount = messages.filter((m) => m.fix && m.level === 'warning').length;
}

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
    countMessages(file);
  }
  const all = result.results.flatMap((f) => f.messages);
  result.summary.counts = { ...result.summary.counts, error: all.filter((m) => m.level === 'error').length, warning: all.filter((m) => m.level === 'warning').length, info: all.filter((m) => m.level === 'info').length, fixable: all.filter((m) => m.fix).length };
}
