#!/usr/bin/env node
// Counts findings per rule over several directories (for accuracy reviews):
//   node scripts/rule-stats.js DIR... [--details]
// Prints a table rule × directory and, with --details, every finding.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '../bin/twelvelint.js');
const args = process.argv.slice(2);
const details = args.includes('--details');
const dirs = args.filter((a) => !a.startsWith('--'));
const counts = new Map();
for (const dir of dirs) {
  const r = spawnSync(process.execPath, [bin, dir, '--format', 'json', '--config', path.join(path.dirname(bin), '../scripts/strict.json')], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status === 2) {
    console.error(`${dir}: ${r.stderr.trim()}`);
    continue;
  }
  const json = JSON.parse(r.stdout);
  for (const file of json.results) {
    for (const m of file.messages) {
      const id = m.ruleId ?? '(parse/unused)';
      const row = counts.get(id) ?? {};
      row[dir] = (row[dir] ?? 0) + 1;
      counts.set(id, row);
      if (details) console.log(`${path.basename(dir)}\t${id}\t${file.filePath}:${m.line}:${m.column}\t${m.message}`);
    }
  }
}
console.log(['rule', ...dirs.map((d) => path.basename(d)), 'total'].join('\t'));
for (const [id, row] of [...counts].sort()) {
  const cells = dirs.map((d) => row[d] ?? 0);
  console.log([id, ...cells, cells.reduce((a, b) => a + b, 0)].join('\t'));
}
