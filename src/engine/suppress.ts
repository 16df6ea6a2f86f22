import type { Finding } from './result.js';

/**
 * Inline suppression directives, in any comment syntax (`#`, `//`, `/*`):
 *   twelvelint-disable-next-line [id, id] [-- reason]
 *   twelvelint-disable-line [id, id]
 *   twelvelint-disable-file [id, id]
 * No ids means every rule.
 */
export interface Directive {
  kind: 'next-line' | 'line' | 'file';
  /** Empty means all rules. */
  ruleIds: string[];
  /** The line the directive is written on. */
  line: number;
  column: number;
  /** The line it applies to (for file directives: 0). */
  target: number;
  used: boolean;
  /** The text after ` -- `, when given. */
  justification?: string;
}

const DIRECTIVE = /(?:#|\/\/|\/\*|<!--)\s*twelvelint-disable-(next-line|line|file)\b([^\n]*)/;

export function parseDirectives(lines: readonly string[]): Directive[] {
  const out: Directive[] = [];
  lines.forEach((text, index) => {
    if (!text.includes('twelvelint-disable')) return;
    const m = DIRECTIVE.exec(text);
    if (!m) return;
    const kind = m[1] as Directive['kind'];
    const [list, ...reason] = m[2].replace(/\*\/.*$|-->.*$/, '').split(/\s--\s|^--\s/);
    const ruleIds = list.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    const line = index + 1;
    const justification = reason.join(' -- ').trim();
    out.push({ kind, ruleIds, line, column: m.index + 1, target: kind === 'next-line' ? line + 1 : kind === 'line' ? line : 0, used: false, ...(justification ? { justification } : {}) });
  });
  return out;
}

type Suppressible = Pick<Finding, 'ruleId' | 'line' | 'fatal'>;

export function matches(d: Directive, finding: Suppressible): boolean {
  if (d.ruleIds.length > 0 && (finding.ruleId === null || !d.ruleIds.includes(finding.ruleId))) return false;
  return d.kind === 'file' || d.target === finding.line;
}

/** Removes suppressed findings; marks directives that suppressed something. Parse errors are never suppressed. */
export function applyDirectives<F extends Suppressible>(findings: F[], directives: Directive[]): F[] {
  if (directives.length === 0) return findings;
  return findings.filter((f) => {
    if (f.fatal) return true;
    let suppressed = false;
    for (const d of directives) {
      if (matches(d, f)) {
        d.used = true;
        suppressed = true;
      }
    }
    return !suppressed;
  });
}
