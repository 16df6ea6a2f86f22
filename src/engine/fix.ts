/**
 * `--fix` and `--fix-dry-run`: the safe, local edits rules attach to their findings (a shell-form CMD
 * rewritten to exec form, `npm install` to `npm ci` where a lockfile exists), applied to the files they
 * were found in. Edits that overlap are left for a second run; bytes outside the edits are never touched.
 */
import { lstatSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Fix } from '../rules/rule.js';
import type { AuditResult } from './result.js';

export interface FileEdit {
  /** Project-relative path. */
  filePath: string;
  before: string;
  after: string;
  applied: number;
  /** Fixes left out because they overlap an earlier one (applied by a further --fix run). */
  skipped: number;
}

/** Offsets of a 1-based line/column position in a text (columns count UTF-16 units, as the parsers report them). */
function offsetOf(lineStarts: number[], line: number, column: number): number | undefined {
  const start = lineStarts[line - 1];
  return start === undefined ? undefined : start + column - 1;
}

/** Applies non-overlapping fixes to a text, the first ones first. */
export function applyFixes(text: string, fixes: readonly Fix[]): { output: string; applied: number; skipped: number } {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const edits = fixes
    .map((f) => ({ start: offsetOf(lineStarts, f.range.line, f.range.column), end: offsetOf(lineStarts, f.range.endLine, f.range.endColumn), text: f.text }))
    .filter((e): e is { start: number; end: number; text: string } => e.start !== undefined && e.end !== undefined && e.start <= e.end && e.end <= text.length)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: typeof edits = [];
  let skipped = fixes.length - edits.length;
  for (const e of edits) {
    const last = kept.at(-1);
    if (last && e.start < last.end) skipped++;
    else if (text.slice(e.start, e.end) !== e.text) kept.push(e);
  }
  let output = '';
  let at = 0;
  for (const e of kept) {
    output += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  output += text.slice(at);
  return { output, applied: kept.length, skipped };
}

/** The fixes of an audit, by file: reported findings only (suppressed and baselined ones are left alone). */
export function fixesByFile(result: AuditResult): Map<string, Fix[]> {
  const out = new Map<string, Fix[]>();
  for (const file of result.results) {
    const fixes = file.messages.flatMap((m) => (m.fix ? [m.fix] : []));
    if (fixes.length > 0) out.set(file.filePath, fixes);
  }
  return out;
}

/**
 * Reads each file with fixes from disk and computes its new text. Only regular files inside the audited
 * root are edited: a symlink (which could point outside it) or anything else is left alone.
 */
export function planEdits(result: AuditResult): FileEdit[] {
  const edits: FileEdit[] = [];
  const root = realpathSync(result.root);
  for (const [filePath, fixes] of fixesByFile(result)) {
    const abs = path.join(result.root, filePath);
    let before: string;
    try {
      if (!lstatSync(abs).isFile()) continue;
      const real = realpathSync(abs);
      if (real !== root && !real.startsWith(root + path.sep)) continue;
      before = readFileSync(abs, 'utf8');
    } catch {
      continue;
    }
    const { output, applied, skipped } = applyFixes(before, fixes);
    if (applied > 0) edits.push({ filePath, before, after: output, applied, skipped });
  }
  return edits;
}

export function writeEdits(result: AuditResult, edits: readonly FileEdit[]): void {
  for (const e of edits) writeFileSync(path.join(result.root, e.filePath), e.after);
}

/** A unified diff of the edits, paths as `a/<file>` and `b/<file>` (git's form, so `git apply` takes it). */
export function unifiedDiff(edits: readonly FileEdit[]): string {
  return edits
    .map((e) => createTwoFilesPatch(`a/${e.filePath}`, `b/${e.filePath}`, e.before, e.after, undefined, undefined, { context: 3 }).replace(/^={67}\n/m, '').replace(/^Index: .*\n/m, ''))
    .join('');
}
