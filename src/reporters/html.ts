import type { AuditResult, EslintMessage } from '../engine/result.js';
import { FACTOR_TITLES, type RuleFamily } from '../rules/rule.js';
import { VERSION } from '../version.js';
import type { Reporter, ReportContext } from './types.js';
import { importance, plural, shownPath, visible } from './common.js';

/** HTML text and attribute escaping. */
export function h(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const VERDICT: Record<string, [string, string]> = {
  ready: ['ready', 'good'],
  'ready-with-warnings': ['ready with warnings', 'warn'],
  'needs-deploy-inputs': ['needs deploy inputs', 'warn'],
  'not-deployable': ['not deployable', 'bad'],
};

const CSS = `
:root{--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--good:#1a7f37;--warn:#9a6700;--bad:#cf222e;--info:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--card:#151b23;--good:#3fb950;--warn:#d29922;--bad:#f85149;--info:#4493f8}}
*{box-sizing:border-box}body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,sans-serif;background:var(--bg);color:var(--fg)}
main{max-width:1100px;margin:0 auto;padding:24px}h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px}
.sub{color:var(--muted)}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;min-width:170px}
.card b{display:block;font-size:26px}.good{color:var(--good)}.warn{color:var(--warn)}.bad{color:var(--bad)}.info{color:var(--info)}
.chart{display:grid;grid-template-columns:190px 1fr 48px 110px;gap:6px 10px;align-items:center}.bar{height:12px;border-radius:6px;background:var(--line);overflow:hidden}.bar span{display:block;height:100%}
.filters{display:flex;gap:10px;flex-wrap:wrap;margin:12px 0;position:sticky;top:0;background:var(--bg);padding:8px 0;border-bottom:1px solid var(--line)}
select,input{font:inherit;padding:4px 8px;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.finding{border:1px solid var(--line);border-radius:8px;margin:10px 0;overflow:hidden}.finding header{display:flex;gap:10px;align-items:baseline;padding:8px 12px;background:var(--card);flex-wrap:wrap}
.sev{font-weight:600;text-transform:uppercase;font-size:11px;letter-spacing:.04em}.loc{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px;color:var(--muted)}
.msg{padding:8px 12px}pre{margin:0;padding:8px 0;background:var(--card);border-top:1px solid var(--line);overflow-x:auto;font:12px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace}
pre .ln{display:inline-block;width:48px;text-align:right;padding-right:10px;color:var(--muted);user-select:none}pre .row{display:block}pre .hit{background:rgba(212,167,44,.18)}
a{color:var(--info)}.tag{font-size:11px;border:1px solid var(--line);border-radius:10px;padding:0 8px;color:var(--muted)}.none{color:var(--muted);padding:12px 0}
`;

const SCRIPT = `
(function(){
  var sel=function(id){return document.getElementById(id)};
  var items=[].slice.call(document.querySelectorAll('.finding'));
  function apply(){
    var f=sel('f-factor').value,s=sel('f-severity').value,p=sel('f-file').value,q=sel('f-text').value.toLowerCase(),shown=0;
    items.forEach(function(el){
      var ok=(!f||el.dataset.factor===f)&&(!s||el.dataset.severity===s)&&(!p||el.dataset.file===p)&&(!q||el.textContent.toLowerCase().indexOf(q)>=0);
      el.hidden=!ok;if(ok)shown++;
    });
    sel('count').textContent=shown+' of '+items.length+' findings';
  }
  ['f-factor','f-severity','f-file','f-text'].forEach(function(id){sel(id).addEventListener('input',apply)});
  apply();
})();
`;

function color(score: number | null): string {
  return score === null ? 'var(--line)' : score >= 90 ? 'var(--good)' : score >= 70 ? 'var(--warn)' : 'var(--bad)';
}

function snippet(lines: readonly string[] | undefined, m: EslintMessage): string {
  if (!lines || m.line < 1 || m.line > lines.length) return '';
  const from = Math.max(1, m.line - 2);
  const to = Math.min(lines.length, Math.max(m.line, m.endLine) + 2);
  const rows: string[] = [];
  for (let n = from; n <= to; n++) {
    const hit = n >= m.line && n <= Math.max(m.line, m.endLine);
    rows.push(`<span class="row${hit ? ' hit' : ''}"><span class="ln">${n}</span>${h((lines[n - 1] ?? '').slice(0, 400)) || ' '}</span>`);
  }
  return `<pre>${rows.join('')}</pre>`;
}

function section(result: AuditResult, context: ReportContext): string {
  const s = result.summary;
  const [verdictText, verdictClass] = VERDICT[s.swarm.verdict] ?? [s.swarm.verdict, 'warn'];
  const findings = result.results
    .flatMap((file) => visible(file, context).map((m) => ({ file, m })))
    .sort((a, b) => importance(a.m) - importance(b.m) || a.file.filePath.localeCompare(b.file.filePath) || a.m.line - b.m.line);
  const files = [...new Set(findings.map((f) => f.file.filePath))].sort();
  const factors = [...new Set(findings.map((f) => f.m.factor ?? 'other'))];
  const chart = result.factors
    .map((f) => `<div>${h(f.title)}</div><div class="bar" role="img" aria-label="${h(`${f.title}: ${f.score ?? 'not assessed'}`)}"><span style="width:${f.score ?? 0}%;background:${color(f.score)}"></span></div><div>${f.score ?? '–'}</div><div class="sub">${h(f.status)}${f.findings.length ? ` (${f.findings.length})` : ''}</div>`)
    .join('');
  const cards = findings
    .map(({ file, m }) => {
      const meta = m.ruleId ? context.rules.get(m.ruleId) : undefined;
      const sevClass = m.level === 'error' ? 'bad' : m.level === 'warning' ? 'warn' : 'info';
      const where = shownPath(result, file.filePath, context);
      return `<article class="finding" data-factor="${h(m.factor ?? 'other')}" data-severity="${m.level}" data-file="${h(file.filePath)}">
<header><span class="sev ${sevClass}">${m.level}</span>${m.swarm === 'blocker' ? '<span class="tag bad">Swarm blocker</span>' : m.swarm === 'deploy-input' ? '<span class="tag">deploy input</span>' : ''}<span class="loc">${file.filePath === '.' ? '(project)' : `${h(where)}:${m.line}:${m.column}`}</span>${m.ruleId ? (meta ? `<a href="${h(meta.docsUrl)}">${h(m.ruleId)}</a>` : `<span>${h(m.ruleId)}</span>`) : ''}</header>
<div class="msg">${h(m.message)}</div>${file.filePath === '.' ? '' : snippet(context.source(result.root, file.filePath), m)}</article>`;
    })
    .join('\n');
  const option = (value: string, label: string) => `<option value="${h(value)}">${h(label)}</option>`;
  return `<section>
<h1>twelvelint report</h1><div class="sub">${h(result.root)} · twelvelint ${h(VERSION)}</div>
<div class="cards">
<div class="card"><span class="sub">Twelve-factor readiness</span><b style="color:${color(s.score)}">${s.score === null ? 'n/a' : `${s.score} · ${s.grade}`}</b><span class="sub">${s.assessedFactors} of 12 factors assessed</span></div>
<div class="card"><span class="sub">Docker Swarm</span><b class="${verdictClass}">${h(verdictText)}</b><span class="sub">${h(s.swarm.verdictFrom.join(', ') || 'no compose file')}</span></div>
<div class="card"><span class="sub">Findings</span><b>${s.counts.error + s.counts.warning + s.counts.info}</b><span class="sub">${plural(s.counts.error, 'error')}, ${plural(s.counts.warning, 'warning')}, ${s.counts.info} info</span></div>
</div>
<h2>Factors</h2><div class="chart">${chart}</div>
<h2>Findings</h2>
<div class="filters" role="search">
<label>Factor <select id="f-factor">${option('', 'all')}${factors.map((f) => option(f, f === 'other' ? 'other' : FACTOR_TITLES[f as RuleFamily])).join('')}</select></label>
<label>Severity <select id="f-severity">${option('', 'all')}${['error', 'warning', 'info'].map((l) => option(l, l)).join('')}</select></label>
<label>File <select id="f-file">${option('', 'all')}${files.map((f) => option(f, f === '.' ? '(project)' : f)).join('')}</select></label>
<label>Text <input id="f-text" type="search" placeholder="filter"></label>
<span id="count" class="sub"></span>
</div>
${cards || '<div class="none">No findings.</div>'}
</section>`;
}

/** One self-contained HTML file: no network request of any kind (inline styles and script, no fonts or images). */
export const html: Reporter = (results, context) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>twelvelint report</title><style>${CSS}</style></head>
<body><main>${results.map((r) => section(r, context)).join('\n<hr>\n')}</main><script>${SCRIPT}</script></body></html>
`;
