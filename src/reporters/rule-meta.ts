import { FACTOR_TITLES, type AnyRule, type RuleFamily } from '../rules/rule.js';
import { renderRuleDoc, ruleDocPath } from '../docs/render.js';

/** Where the docs pages are published: the repository's docs/rules folder. */
export const REPOSITORY_URL = 'https://github.com/twelvelint/twelvelint';

export function docsUrl(ruleId: string): string {
  return `${REPOSITORY_URL}/blob/main/${ruleDocPath(ruleId)}`;
}

/**
 * How often a finding of the rule is right, in SARIF's words. Swarm rules are checked against a
 * real Swarm (corpus and live oracle); rules that read source code infer behaviour from code and
 * are the ones most often wrong on unseen repositories (README "How far to trust it").
 */
export type Precision = 'very-high' | 'high' | 'medium' | 'low';

export interface RuleMeta {
  id: string;
  factor: RuleFamily;
  factorTitle: string;
  severity: AnyRule['severity'];
  swarm: AnyRule['swarm'];
  recommended: boolean;
  summary: string;
  rationale: string;
  fix: string;
  docsUrl: string;
  /** The rule's docs page as Markdown. */
  markdown: string;
  precision: Precision;
  /** CVSS-like 0–10 score for security-relevant rules (GitHub code scanning sorts by it). */
  securitySeverity?: number;
  tags: string[];
}

function precisionOf(rule: AnyRule): Precision {
  if (rule.factor === 'swarm') return 'very-high';
  if (rule.inputs.includes('source')) return 'medium';
  return 'high';
}

export function ruleMeta(rule: AnyRule): RuleMeta {
  return {
    id: rule.id,
    factor: rule.factor,
    factorTitle: FACTOR_TITLES[rule.factor],
    severity: rule.severity,
    swarm: rule.swarm,
    recommended: rule.recommended,
    summary: rule.docs.summary,
    rationale: rule.docs.rationale,
    fix: rule.docs.fix,
    docsUrl: docsUrl(rule.id),
    // Rendered when a format asks (SARIF help): every run builds this map, few need the pages.
    get markdown() {
      return renderRuleDoc(rule);
    },
    precision: precisionOf(rule),
    ...(rule.securitySeverity !== undefined ? { securitySeverity: rule.securitySeverity } : {}),
    tags: [rule.factor === 'swarm' ? 'swarm' : `twelve-factor/${rule.factor}`, `swarm-impact/${rule.swarm}`, ...(rule.securitySeverity !== undefined ? ['security'] : [])],
  };
}

export function ruleMetaMap(rules: readonly AnyRule[]): Map<string, RuleMeta> {
  return new Map(rules.map((r) => [r.id, ruleMeta(r)]));
}
