import { FACTORS, FACTOR_TITLES, type RuleFamily, type Severity } from '../rules/rule.js';
import type { AuditResult, FactorResult, Finding, StackFileVerdict, SwarmBlocker, SwarmSummary, SwarmVerdict } from './result.js';

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

/** A project docker stack deploy rejects is not ready, whatever else is fine: its score is capped below D. */
export const NOT_DEPLOYABLE_CAP = 59;

export function overallScore(factors: readonly FactorResult[], verdict: SwarmVerdict): { score: number | null; grade: AuditResult['summary']['grade'] } {
  const scored = factors.filter((f) => f.score !== null).map((f) => f.score as number);
  if (scored.length === 0) return { score: null, grade: null };
  const mean = Math.round(scored.reduce((a, b) => a + b, 0) / scored.length);
  const score = verdict === 'not-deployable' ? Math.min(mean, NOT_DEPLOYABLE_CAP) : mean;
  const grade = score >= 90 ? 'A' : score >= 80 ? 'B' : score >= 70 ? 'C' : score >= 60 ? 'D' : 'F';
  return { score, grade };
}

const RANK: Record<SwarmVerdict, number> = { ready: 0, 'ready-with-warnings': 1, 'needs-deploy-inputs': 2, 'not-deployable': 3 };

function toBlockers(findings: readonly Finding[]): SwarmBlocker[] {
  return findings
    .filter((f) => f.swarm === 'blocker' || f.swarm === 'deploy-input')
    .map((f) => ({ ruleId: f.ruleId, message: f.message, filePath: f.filePath, line: f.line, kind: f.swarm as SwarmBlocker['kind'] }));
}

/** not-deployable on any blocker; needs-deploy-inputs when only deployer-supplied inputs are missing. */
export function verdictOf(findings: readonly Finding[]): SwarmVerdict {
  if (findings.some((f) => f.swarm === 'blocker')) return 'not-deployable';
  if (findings.some((f) => f.swarm === 'deploy-input')) return 'needs-deploy-inputs';
  if (findings.some((f) => f.swarm === 'degraded' || (f.factor === 'swarm' && f.severity !== 'info'))) return 'ready-with-warnings';
  return 'ready';
}

/**
 * Each compose file is judged on its own, as `docker stack deploy -c <file>` would take it.
 * The project can deploy when one of its compose files can: the verdict is the best file's,
 * worsened by findings outside compose files (code that breaks with two replicas, say).
 */
export function swarmSummary(findings: readonly Finding[], composePaths: readonly string[]): SwarmSummary {
  const composeSet = new Set(composePaths);
  const outside = findings.filter((f) => !composeSet.has(f.filePath));
  const files: StackFileVerdict[] = composePaths.map((filePath) => {
    const own = findings.filter((f) => f.filePath === filePath);
    return {
      filePath,
      verdict: verdictOf(own),
      blockers: own.filter((f) => f.swarm === 'blocker').length,
      deployInputs: own.filter((f) => f.swarm === 'deploy-input').length,
    };
  });
  const best = [...files].sort((a, b) => RANK[a.verdict] - RANK[b.verdict] || a.blockers + a.deployInputs - (b.blockers + b.deployInputs))[0];
  const base = best ? findings.filter((f) => f.filePath === best.filePath) : [];
  const relevant = [...base, ...outside];
  const verdict = [verdictOf(outside), best?.verdict ?? 'ready'].reduce((a, b) => (RANK[a] >= RANK[b] ? a : b));
  return { verdict, via: best?.filePath ?? null, blockers: toBlockers(relevant), files };
}
