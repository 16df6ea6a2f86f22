import path from 'node:path';
import type { AuditResult, EslintMessage, FileResult } from '../engine/result.js';
import type { ReportContext } from './types.js';

/** The messages a format shows: errors only with --quiet (every format, not only stylish). */
export function visible(file: FileResult, context: Pick<ReportContext, 'quiet'>): EslintMessage[] {
  return context.quiet ? file.messages.filter((m) => m.level === 'error') : file.messages;
}

/** Every shown finding of every result, with its file. */
export function allFindings(results: readonly AuditResult[], context: Pick<ReportContext, 'quiet'>): { result: AuditResult; file: FileResult; message: EslintMessage }[] {
  return results.flatMap((result) => result.results.flatMap((file) => visible(file, context).map((message) => ({ result, file, message }))));
}

/** A path as people read it: project-relative, or absolute with --absolute-paths. '.' is the project itself. */
export function shownPath(result: AuditResult, filePath: string, context: Pick<ReportContext, 'absolutePaths'>): string {
  if (!context.absolutePaths) return filePath;
  return filePath === '.' ? result.root : path.join(result.root, filePath);
}

/** Blockers first, then errors, warnings, info (what to show when a consumer shows only some). */
export function importance(m: EslintMessage): number {
  const swarm = m.swarm === 'blocker' ? 0 : m.swarm === 'deploy-input' ? 1 : 2;
  const level = m.level === 'error' ? 0 : m.level === 'warning' ? 1 : 2;
  return swarm * 3 + level;
}

/**
 * A path from where the command runs (the repository root in CI) when the project lies inside it,
 * else project-relative: what annotations, SARIF URIs and CI reports must point at.
 */
export function workspacePath(result: AuditResult, filePath: string, cwd: string): string {
  const abs = `${result.root}/${filePath}`;
  return abs.startsWith(`${cwd}/`) ? abs.slice(cwd.length + 1) : filePath;
}

/** Findings without a rule (a file that does not parse, an unused directive) under an id of their own. */
export function ruleIdOf(m: EslintMessage): string {
  return m.ruleId ?? (m.fatal ? 'twelvelint/invalid-file' : 'twelvelint/unused-disable');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
