import { FACTORS, FACTOR_TITLES, type RuleFamily, type Severity } from '../rules/rule.js';
import type { AuditResult, FactorResult, Finding, SwarmBlocker, SwarmVerdict } from './result.js';

const WEIGHT: Record<Severity, number> = { error: 25, warning: 10, info: 3 };

/**
 * Each factor starts at 100. Every rule costs its weight for the first finding,
 * half of that for the second, a quarter for the third…: one noisy rule cannot
 * sink a factor on its own (at most twice its weight).
 */
export function scoreFactor(findings: readonly Finding[]): number {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.ruleId ?? 'null';
    byRule.set(key, [...(byRule.get(key) ?? []), f]);
  }
  let penalty = 0;
  for (const list of byRule.values()) {
    const worst = list.some((f) => f.severity === 'error') ? 'error' : list.some((f) => f.severity === 'warning') ? 'warning' : 'info';
    penalty += WEIGHT[worst] * (2 - 2 ** (1 - list.length));
  }
  return Math.max(0, Math.round(100 - penalty));
}

export function buildFactors(findings: readonly Finding[], applicable: ReadonlySet<RuleFamily>): FactorResult[] {
  return [...FACTORS, 'swarm' as const].map((id) => {
    const own = findings.filter((f) => f.factor === id);
    if (!applicable.has(id) && own.length === 0) return { id, title: FACTOR_TITLES[id], score: null, status: 'not-applicable', findings: [] };
    const status = own.some((f) => f.severity === 'error') ? 'fail' : own.some((f) => f.severity === 'warning') ? 'warn' : own.length ? 'info' : 'pass';
    return { id, title: FACTOR_TITLES[id], score: scoreFactor(own), status, findings: own };
  });
}

export function overallScore(factors: readonly FactorResult[]): { score: number | null; grade: AuditResult['summary']['grade'] } {
  const scored = factors.filter((f) => f.score !== null).map((f) => f.score as number);
  if (scored.length === 0) return { score: null, grade: null };
  const score = Math.round(scored.reduce((a, b) => a + b, 0) / scored.length);
  const grade = score >= 90 ? 'A' : score >= 80 ? 'B' : score >= 70 ? 'C' : score >= 60 ? 'D' : 'F';
  return { score, grade };
}

/** not-deployable on any blocker; needs-deploy-inputs when only deployer-supplied inputs are missing. */
export function swarmVerdict(findings: readonly Finding[]): { verdict: SwarmVerdict; blockers: SwarmBlocker[] } {
  const blockers: SwarmBlocker[] = findings
    .filter((f) => f.swarm === 'blocker' || f.swarm === 'deploy-input')
    .map((f) => ({ ruleId: f.ruleId, message: f.message, filePath: f.filePath, line: f.line, kind: f.swarm as SwarmBlocker['kind'] }));
  if (blockers.some((b) => b.kind === 'blocker')) return { verdict: 'not-deployable', blockers };
  if (blockers.length > 0) return { verdict: 'needs-deploy-inputs', blockers };
  if (findings.some((f) => f.swarm === 'degraded' || (f.factor === 'swarm' && f.severity !== 'info'))) return { verdict: 'ready-with-warnings', blockers };
  return { verdict: 'ready', blockers };
}
