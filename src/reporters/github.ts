import type { AuditResult } from '../engine/result.js';
import type { Reporter, ReportContext } from './types.js';
import { allFindings, importance, workspacePath } from './common.js';

/** GitHub shows at most 10 annotations of each level per step (and 50 per job). */
export const ANNOTATIONS_PER_LEVEL = 10;

/** Workflow command data: %, CR and LF escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow command properties: also ':' and ','. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export interface Annotations {
  text: string;
  shown: number;
  leftOut: number;
}

/** The most important findings (blockers first, then by level) as workflow commands; the rest are counted. */
export function githubAnnotations(results: readonly AuditResult[], context: ReportContext): Annotations {
  const findings = allFindings(results, context).sort((a, b) => importance(a.message) - importance(b.message));
  const used = { error: 0, warning: 0, info: 0 };
  const lines: string[] = [];
  for (const { result, file, message: m } of findings) {
    if (used[m.level] >= ANNOTATIONS_PER_LEVEL) continue;
    used[m.level]++;
    const where = file.filePath === '.' ? '' : `file=${escapeProperty(workspacePath(result, file.filePath, context.cwd))},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},`;
    const title = m.ruleId ?? (m.fatal ? 'twelvelint/invalid-file' : 'twelvelint');
    lines.push(`::${COMMAND[m.level]} ${where}title=${escapeProperty(title)}::${escapeData(m.message)}`);
  }
  return { text: lines.length ? `${lines.join('\n')}\n` : '', shown: lines.length, leftOut: findings.length - lines.length };
}

export const github: Reporter = (results, context) => githubAnnotations(results, context).text;
