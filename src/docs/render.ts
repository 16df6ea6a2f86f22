import { FACTORS, FACTOR_TITLES, type AnyRule } from '../rules/rule.js';

const IMPACT: Record<string, string> = {
  blocker: 'blocker',
  'deploy-input': 'deploy input: the deployer must supply something before the stack deploys',
  degraded: 'degraded: deploys, but something is ignored or behaves differently',
  none: 'none',
};

const BLOCKER: Record<string, string> = {
  rejected: 'docker stack deploy rejects the file',
  replicas: 'the service breaks once it runs two or more replicas',
  broken: 'the stack deploys, but the service cannot work as configured',
};

/** Where a rule's docs page lives, relative to the repository root. */
export function ruleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

export function renderRuleDoc(rule: AnyRule): string {
  const lines = [
    `# ${rule.id}`,
    '',
    `> ${rule.docs.summary}`,
    '',
    `| | |`,
    `|---|---|`,
    `| Factor | ${FACTOR_TITLES[rule.factor]} |`,
    `| Default severity | ${rule.severity} |`,
    `| Swarm impact | ${rule.swarm === 'blocker' ? `blocker: ${BLOCKER[rule.blocker ?? (rule.factor === 'swarm' ? 'rejected' : 'broken')]}` : IMPACT[rule.swarm]} |`,
    ...(rule.sameProblemAs?.length ? [`| Same problem as | ${rule.sameProblemAs.map((id) => `\`${id}\``).join(', ')} (one finding where both apply) |`] : []),
    ...(rule.covers?.length ? [`| Includes | ${rule.covers.map((id) => `\`${id}\``).join(', ')} (at the same place, this finding says it all) |`] : []),
    `| In preset | ${rule.recommended ? '`twelvelint:recommended`, `twelvelint:strict`' : '`twelvelint:strict`'} |`,
    `| Reads | ${rule.inputs.join(', ')} |`,
    ...(rule.fixable ? [`| \`--fix\` | ${rule.fixable} |`] : []),
    '',
    '## Why',
    '',
    rule.docs.rationale,
    '',
  ];
  if (rule.docs.swarm) lines.push('## What Swarm does', '', rule.docs.swarm, '');
  lines.push('## How to fix', '', rule.docs.fix, '');
  const lang = rule.docs.exampleLanguage ?? '';
  if (rule.docs.bad) lines.push('## Examples', '', 'Reported:', '', '```' + lang, rule.docs.bad, '```', '');
  if (rule.docs.good) lines.push(rule.docs.bad ? 'Not reported:' : '## Examples\n\nNot reported:', '', '```' + lang, rule.docs.good, '```', '');
  lines.push('## Messages', '');
  for (const [id, text] of Object.entries(rule.messages)) lines.push(`- \`${id}\`: ${String(text).replace(/\|/g, '\\|')}`);
  lines.push(
    '',
    '## Configure',
    '',
    '```json',
    JSON.stringify({ rules: { [rule.id]: rule.defaultOptions ? [rule.severity, rule.defaultOptions] : rule.severity } }, null, 2),
    '```',
    '',
    `Suppress one finding with \`# twelvelint-disable-next-line ${rule.id}\` (YAML, Dockerfile, env) or \`// twelvelint-disable-next-line ${rule.id}\` (JS/TS) on the line above it.`,
    '',
    '<!-- Generated from the rule metadata by `npm run docs`; edit the rule, not this file. -->',
    '',
  );
  return lines.join('\n');
}

export function renderRuleTable(rules: readonly AnyRule[]): string {
  const order = [...FACTORS, 'swarm'] as string[];
  const sorted = [...rules].sort((a, b) => order.indexOf(a.factor) - order.indexOf(b.factor) || a.id.localeCompare(b.id));
  const rows = sorted.map(
    (r) => `| [\`${r.id}\`](${ruleDocPath(r.id)}) | ${r.severity} | ${r.swarm} | ${r.recommended ? '✓' : ''} | ${r.docs.summary.replace(/\|/g, '\\|')} |`,
  );
  return ['| rule | severity | swarm | recommended | summary |', '|---|---|---|---|---|', ...rows].join('\n');
}

export const TABLE_START = '<!-- rules:start -->';
export const TABLE_END = '<!-- rules:end -->';

export function replaceRuleTable(readme: string, rules: readonly AnyRule[]): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) return readme;
  return `${readme.slice(0, start + TABLE_START.length)}\n${renderRuleTable(rules)}\n${readme.slice(end)}`;
}
