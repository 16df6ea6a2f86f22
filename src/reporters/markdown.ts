import type { AuditResult } from '../engine/result.js';
import type { Reporter, ReportContext } from './types.js';
import { allFindings, importance, plural } from './common.js';

const VERDICT: Record<string, string> = {
  ready: '✅ ready',
  'ready-with-warnings': '⚠️ ready with warnings',
  'needs-deploy-inputs': '🟡 needs deploy inputs',
  'not-deployable': '❌ not deployable',
};

/** Markdown table cells: pipes, newlines and HTML-significant characters escaped. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}

/** At most this many findings are listed: a pull-request comment stays readable (and under GitHub's 65,536-character limit). */
const MAX_ROWS = 50;

export interface MarkdownOptions {
  /** A note under the findings (the github format says how many annotations were left out). */
  note?: string;
}

function one(result: AuditResult, context: ReportContext, options: MarkdownOptions, heading: string): string {
  const s = result.summary;
  const out: string[] = [];
  out.push(`${heading} twelvelint: ${s.score === null ? 'not assessed' : `${s.score}/100 (${s.grade})`} · Swarm ${VERDICT[s.swarm.verdict] ?? s.swarm.verdict}`, '');
  out.push(`${plural(s.counts.error, 'error')}, ${plural(s.counts.warning, 'warning')}, ${s.counts.info} info in ${plural(s.counts.files, 'file')}${s.swarm.verdictFrom.length ? `; verdict from ${s.swarm.verdictFrom.map((f) => `\`${cell(f)}\``).join(', ')}` : ''}.`, '');
  out.push('<details><summary>Factors</summary>', '', '| Factor | Score | Status |', '|---|---:|---|');
  for (const f of result.factors) out.push(`| ${f.title} | ${f.score ?? '–'} | ${f.status}${f.findings.length ? ` (${f.findings.length})` : ''} |`);
  out.push('', '</details>', '');
  const findings = allFindings([result], context).sort((a, b) => importance(a.message) - importance(b.message));
  if (findings.length) {
    out.push('| | Where | Finding | Rule |', '|---|---|---|---|');
    for (const { file, message: m } of findings.slice(0, MAX_ROWS)) {
      const icon = m.swarm === 'blocker' ? '⛔' : m.level === 'error' ? '❌' : m.level === 'warning' ? '⚠️' : 'ℹ️';
      const url = m.ruleId ? context.rules.get(m.ruleId)?.docsUrl : undefined;
      out.push(`| ${icon} | \`${cell(file.filePath)}:${m.line}\` | ${cell(m.message)} | ${m.ruleId ? (url ? `[${m.ruleId}](${url})` : m.ruleId) : ''} |`);
    }
    if (findings.length > MAX_ROWS) out.push('', `… and ${findings.length - MAX_ROWS} more (the full list: \`--format json\` or \`--format sarif\`).`);
  } else out.push('No findings.');
  if (options.note) out.push('', options.note);
  return out.join('\n');
}

export function markdownReport(results: readonly AuditResult[], context: ReportContext, options: MarkdownOptions = {}): string {
  return `${results.map((r) => one(r, context, options, results.length > 1 ? `### \`${cell(r.root)}\`:` : '###')).join('\n\n')}\n`;
}

/** A report the size of a pull-request comment. */
export const markdown: Reporter = (results, context) => markdownReport(results, context);
