import pc from 'picocolors';
import type { Reporter, ReportContext } from './types.js';
import type { AuditResult, SwarmVerdict } from '../engine/result.js';
import { shownPath, visible } from './common.js';
import { printableDeep } from './printable.js';
import type { BlockerKind } from '../rules/rule.js';

const FILE_VERDICT: Record<SwarmVerdict, string> = {
  ready: 'deploys',
  'ready-with-warnings': 'deploys, with warnings',
  'needs-deploy-inputs': 'deploys once its inputs are supplied',
  'not-deployable': 'not deployable',
};

const VERDICT_TEXT: Record<SwarmVerdict, string> = {
  ready: 'ready: docker stack deploy accepts this and nothing is ignored',
  'ready-with-warnings': 'ready with warnings: deploys, but some options are ignored or risky',
  'needs-deploy-inputs': 'needs deploy inputs: supply what is listed below, then it deploys',
  'not-deployable': 'not deployable',
};

/** Why a blocker blocks, in words a user can check. */
const BLOCKER_TEXT: Record<BlockerKind, string> = {
  rejected: 'docker stack deploy rejects',
  replicas: 'breaks with 2+ replicas',
  broken: 'deploys but cannot work',
};

/** Lines are kept to this width (or the terminal's, when narrower) so findings stay readable. */
const WIDTH = 100;

export const stylish: Reporter = (results, context) =>
  results.length === 1 ? stylishOne(results[0], context) : results.map((r) => `${context.color ? '\x1b[1m' : ''}== ${r.root}${context.color ? '\x1b[22m' : ''}\n${stylishOne(r, context)}`).join('\n');

/** Words of `text` in lines of at most `width` characters (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** OSC 8 terminal hyperlink (shown as plain text by terminals without support). */
function link(text: string, url: string): string {
  return `\x1b]8;;${url}\x1b\\${text}\x1b]8;;\x1b\\`;
}

function stylishOne(raw: AuditResult, options: ReportContext): string {
  const result = printableDeep(raw);
  const c = pc.createColors(options.color);
  const out: string[] = [];
  const width = Math.min(WIDTH, process.stdout.columns && options.color ? process.stdout.columns : WIDTH);
  for (const file of result.results) {
    const messages = visible(file, options);
    if (messages.length === 0) continue;
    out.push('', c.underline(file.filePath === '.' ? (options.absolutePaths ? result.root : '(project)') : shownPath(result, file.filePath, options)));
    const w0 = Math.max(...messages.map((m) => `${m.line}:${m.column}`.length));
    const indent = 2 + w0 + 2 + 7 + 2;
    for (const m of messages) {
      const sev = m.level === 'error' ? c.red('error  ') : m.level === 'warning' ? c.yellow('warning') : c.blue('info   ');
      const url = m.ruleId ? options.rules.get(m.ruleId)?.docsUrl : undefined;
      const id = m.ruleId ? (url && options.color ? link(m.ruleId, url) : m.ruleId) : '';
      const text = wrap(m.message, Math.max(30, width - indent));
      const last = text.length - 1;
      const idFits = text[last].length + 2 + (m.ruleId ?? '').length <= width - indent;
      text.forEach((t, i) => {
        const head = i === 0 ? `  ${c.dim(`${m.line}:${m.column}`.padEnd(w0))}  ${sev}  ` : ' '.repeat(indent);
        out.push(`${head}${t}${i === last && idFits && id ? `  ${c.dim(id)}` : ''}`);
      });
      if (!idFits && id) out.push(`${' '.repeat(indent)}${c.dim(id)}`);
      if (options.verbose && url) out.push(`${' '.repeat(indent)}${c.dim(url)}`);
    }
  }
  const { error, warning, info } = result.summary.counts;
  const total = error + (options.quiet ? 0 : warning + info);
  out.push('');
  if (total > 0) {
    const text = `✖ ${total} problem${total === 1 ? '' : 's'} (${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'}, ${info} info)`;
    out.push(error > 0 ? c.red(c.bold(text)) : c.yellow(c.bold(text)));
  } else {
    out.push(c.green('✔ No problems found'));
  }
  out.push('', c.bold('Factor                      Score  Status'));
  for (const f of result.factors) {
    const score = f.score === null ? '   -' : String(f.score).padStart(4);
    const colorStatus = f.status === 'fail' ? c.red : f.status === 'warn' ? c.yellow : f.status === 'pass' ? c.green : c.dim;
    const note = f.coverage ? c.dim(` — ${f.coverage}`) : '';
    out.push(`${f.title.padEnd(28)}${score}   ${colorStatus(f.status)}${f.findings.length ? c.dim(` (${f.findings.length})`) : ''}${note}`);
  }
  const s = result.summary;
  const assessed = s.score === null ? 'n/a: no factor could be assessed' : `${s.score}/100 (${s.grade}), ${s.assessedFactors} of 12 factors assessed`;
  out.push('', `${c.bold('Readiness')} ${assessed}`);
  const verdictColor = (v: SwarmVerdict) => (v === 'ready' ? c.green : v === 'not-deployable' ? c.red : c.yellow);
  const deployed = s.swarm.verdictFrom.length ? ` (${s.swarm.verdictFrom.join(', ')}${s.swarm.files.some((f) => f.deployed) ? '' : '; no compose file here is meant for deploying'})` : '';
  const kinds = [...new Set(s.swarm.blockers.filter((b) => b.kind === 'blocker').map((b) => BLOCKER_TEXT[b.blocker ?? 'rejected']))];
  const verdictText = s.swarm.verdict === 'not-deployable' ? `not deployable: ${kinds.join('; ') || 'docker stack deploy rejects this'}` : VERDICT_TEXT[s.swarm.verdict];
  const gate = s.swarm.gate === 'never' ? c.dim(' (not gating: --fail-on-verdict never)') : '';
  out.push(`${c.bold('Swarm')}     ${verdictColor(s.swarm.verdict)(verdictText)}${deployed}${gate}`);
  if (s.swarm.files.length > 1 || (s.swarm.files.length === 1 && s.swarm.files[0].verdict !== s.swarm.verdict)) {
    for (const f of s.swarm.files) {
      const counts = [
        f.blockers ? `${f.blockers} blocker${f.blockers === 1 ? '' : 's'}` : '',
        f.deployInputs ? `${f.deployInputs} deploy input${f.deployInputs === 1 ? '' : 's'}` : '',
        !f.deployed && f.warnings ? `${f.warnings} warning${f.warnings === 1 ? '' : 's'}` : '',
      ].filter(Boolean).join(', ');
      const role = f.deployed ? c.bold('deployed') : c.dim(`not deployed: ${f.reason}`);
      out.push(`  ${f.filePath}: ${role}; ${verdictColor(f.verdict)(FILE_VERDICT[f.verdict])}${counts ? c.dim(` (${counts}${blockerKinds(result, f.filePath)})`) : ''}`);
    }
  }
  const blockers = s.swarm.blockers.filter((b) => b.kind === 'blocker');
  const inputs = s.swarm.blockers.filter((b) => b.kind === 'deploy-input');
  for (const b of blockers.slice(0, 5)) {
    const off = b.reported ? '' : c.dim(' [turned off or suppressed, still a blocker]');
    out.push(`  fix:    ${b.message} ${c.dim(`(${b.filePath}:${b.line}; ${BLOCKER_TEXT[b.blocker ?? 'rejected']})`)}${off}`);
  }
  if (blockers.length > 5) out.push(`  … and ${blockers.length - 5} more blockers`);
  for (const i of inputs.slice(0, 10)) out.push(`  supply: ${i.message} ${c.dim(`(${i.filePath}:${i.line})`)}`);
  if (inputs.length > 10) out.push(`  … and ${inputs.length - 10} more deploy inputs`);
  if (result.diagnostics.length) {
    out.push('', c.bold('Notes'));
    for (const d of result.diagnostics.slice(0, 20)) out.push(`  ${d.filePath ? `${d.filePath}: ` : ''}${d.message}`);
    if (result.diagnostics.length > 20) out.push(`  … and ${result.diagnostics.length - 20} more`);
  }
  return `${out.join('\n')}\n`;
}

/** "build-without-image ×4, schema-violation" for one file's blockers. */
function blockerKinds(result: AuditResult, filePath: string): string {
  const counts = new Map<string, number>();
  for (const m of result.results.find((r) => r.filePath === filePath)?.messages ?? []) {
    if (m.swarm !== 'blocker' && m.swarm !== 'deploy-input') continue;
    const key = m.ruleId ? m.ruleId.replace(/^swarm\//, '') : 'invalid YAML';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const parts = [...counts].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k));
  return parts.length ? `: ${parts.join(', ')}` : '';
}
