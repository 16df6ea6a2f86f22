#!/usr/bin/env node
// Benchmark: twelvelint on a large real repository (outline/outline), compared with
// ESLint + the typescript-eslint parser and one rule over the same files, with
// twelvelint's peak RSS and its time on 25 %, 50 % and 100 % of the JS/TS files.
//
//   npm run bench                 3 runs per size (median)
//   npm run bench -- --runs 1     faster
//   npm run bench -- --no-eslint  twelvelint only
//   npm run bench -- --dist <dir>  measure another build (e.g. a copy of dist/ with a change)
//
// The repository is read from .bench/outline (gitignored). Get it with:
//   git clone --depth 1 https://github.com/outline/outline .bench/outline
// or from a bare mirror: git --git-dir=<mirror> archive HEAD | tar -x -C .bench/outline

import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, '.bench');
const target = path.join(benchDir, 'outline');
const args = process.argv.slice(2);
const runs = Math.max(1, Number(args[args.indexOf('--runs') + 1]) || 3);
const withEslint = !args.includes('--no-eslint');
const distDir = args.includes('--dist') ? path.resolve(args[args.indexOf('--dist') + 1]) : path.join(root, 'dist');

if (!existsSync(target)) {
  console.log(`No benchmark repository at ${path.relative(root, target)}.`);
  console.log('Get it (about 25 MB) with one of:');
  console.log('  git clone --depth 1 https://github.com/outline/outline .bench/outline');
  console.log('  mkdir -p .bench/outline && git --git-dir=<mirror of outline> archive HEAD | tar -x -C .bench/outline');
  console.log('then run `npm run bench` again.');
  process.exit(0);
}
if (!existsSync(path.join(distDir, 'cli.js'))) {
  console.error(`${path.relative(root, distDir) || distDir}/cli.js is missing: run \`npm run build\` first.`);
  process.exit(2);
}

const SOURCE = /\.(m|c)?(j|t)sx?$/;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', 'vendor']);

function walk(dir, rel = '', out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(path.join(dir, entry.name), rel ? `${rel}/${entry.name}` : entry.name, out);
    } else if (entry.isFile()) out.push(rel ? `${rel}/${entry.name}` : entry.name);
  }
  return out;
}

/**
 * A tree is audited as its own repository: `git init` makes it a git root, so a
 * parent repository's .gitignore (which ignores .bench/) does not hide its files.
 */
function ensureGitRoot(dir) {
  if (!existsSync(path.join(dir, '.git'))) spawnSync('git', ['init', '-q', dir], { stdio: 'ignore' });
}

/** A copy of the tree (hard links) with every n-th JS/TS file; other files all kept, so deploy links stay. */
function subset(files, fraction) {
  const dir = path.join(benchDir, `outline-${Math.round(fraction * 100)}`);
  rmSync(dir, { recursive: true, force: true });
  const step = Math.round(1 / fraction);
  let i = 0;
  for (const rel of files) {
    if (SOURCE.test(rel) && !rel.endsWith('.d.ts') && i++ % step !== 0) continue;
    const to = path.join(dir, rel);
    mkdirSync(path.dirname(to), { recursive: true });
    try {
      linkSync(path.join(target, rel), to);
    } catch {
      // cross-device: skip the file rather than copy 25 MB
    }
  }
  ensureGitRoot(dir);
  return dir;
}

/** What bin/twelvelint.js runs: the one-file build when it exists, else the modules. */
const entry = existsSync(path.join(distDir, 'twelvelint.mjs')) ? path.join(distDir, 'twelvelint.mjs') : path.join(distDir, 'cli.js');

/** Runs twelvelint in a child that reports its own wall time and peak RSS. */
function twelvelint(dir) {
  const script = `
    const t0 = performance.now();
    const { main } = await import(${JSON.stringify(entry)});
    const code = await main(['--format', 'json', '--output', ${JSON.stringify(path.join(benchDir, 'result.json'))}, ${JSON.stringify(dir)}]);
    const inner = performance.now() - t0;
    process.stderr.write('\\nBENCH ' + JSON.stringify({ code, inner, maxRSS: process.resourceUsage().maxRSS }) + '\\n');
  `;
  const runner = path.join(benchDir, 'run-twelvelint.mjs');
  writeFileSync(runner, script);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [runner], { encoding: 'utf8', env: { ...process.env, TWELVELINT_TIMING: '1' } });
  const wall = performance.now() - t0;
  const line = /BENCH (\{.*\})/.exec(r.stderr ?? '');
  if (!line) throw new Error(`twelvelint failed:\n${r.stderr}`);
  const data = JSON.parse(line[1]);
  const timing = /twelvelint sources: (.*)/.exec(r.stderr)?.[1] ?? '';
  return { wall, rssMB: data.maxRSS / 1024, timing };
}

function eslint(dir) {
  const config = path.join(benchDir, 'eslint.bench.config.mjs');
  writeFileSync(
    config,
    `import parser from ${JSON.stringify(path.join(root, 'node_modules', '@typescript-eslint', 'parser', 'dist', 'index.js'))};
export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/vendor/**', '**/*.d.ts'] },
  {
    files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
    languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: { 'no-debugger': 'error' },
  },
];
`,
  );
  const bin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, '--config', config, '--no-warn-ignored', '--format', 'json', '--output-file', path.join(benchDir, 'eslint.json'), '.'], { cwd: dir, encoding: 'utf8' });
  const wall = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`eslint failed (${r.status}):\n${r.stderr}`);
  return wall;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

const files = walk(target);
const sources = files.filter((f) => SOURCE.test(f) && !f.endsWith('.d.ts'));
ensureGitRoot(target);
console.log(`outline: ${files.length} files, ${sources.length} JS/TS; ${runs} run(s) per size, median wall time; ${path.relative(root, entry)}\n`);

const sizes = [
  [0.25, subset(files, 0.25)],
  [0.5, subset(files, 0.5)],
  [1, target],
];
const rows = [];
for (const [fraction, dir] of sizes) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(twelvelint(dir));
  const wall = median(results.map((r) => r.wall));
  const rss = Math.max(...results.map((r) => r.rssMB));
  rows.push({ fraction, wall, rss, timing: results.find((r) => r.wall === wall)?.timing ?? '' });
  console.log(`twelvelint ${String(fraction * 100).padStart(3)} %: ${fmt(wall)}  peak RSS ${rss.toFixed(0)} MB   (${rows.at(-1).timing})`);
}
for (const [fraction, dir] of sizes) if (fraction < 1) rmSync(dir, { recursive: true, force: true });

const full = rows.at(-1);
const perFile = rows.map((r) => r.wall / (r.fraction * sources.length));
console.log(`\ngrowth: ${rows.map((r) => `${r.fraction * 100} % ${fmt(r.wall)}`).join(', ')} (${perFile.map((x) => x.toFixed(2)).join(' / ')} ms per JS/TS file)`);

if (withEslint) {
  const times = [];
  for (let i = 0; i < Math.min(runs, 2); i++) times.push(eslint(target));
  const e = median(times);
  console.log(`\nESLint + @typescript-eslint/parser, one rule (no-debugger), same tree: ${fmt(e)}`);
  console.log(`twelvelint ${fmt(full.wall)} vs ESLint ${fmt(e)}: ${(e / full.wall).toFixed(1)}x faster`);
}
console.log(`twelvelint peak RSS on the whole tree: ${full.rss.toFixed(0)} MB`);

// A polyglot repository (Go, C#, Python, Java, Node services), timed on its own when present:
//   mkdir -p .bench/microservices-demo && git --git-dir=<mirror> archive HEAD | tar -x -C .bench/microservices-demo
const polyglot = path.join(benchDir, 'microservices-demo');
if (existsSync(polyglot)) {
  ensureGitRoot(polyglot);
  const results = [];
  for (let i = 0; i < runs; i++) results.push(twelvelint(polyglot));
  const wall = median(results.map((r) => r.wall));
  console.log(`\nGoogleCloudPlatform/microservices-demo (${walk(polyglot).length} files): ${fmt(wall)}, peak RSS ${Math.max(...results.map((r) => r.rssMB)).toFixed(0)} MB`);
} else console.log('\n(no .bench/microservices-demo: the polyglot timing is skipped)');
try {
  const load = (await import('node:os')).loadavg()[0];
  console.log(`(load average during the run: ${load.toFixed(2)} on ${(await import('node:os')).cpus().length} cores; other processes slow every number)`);
} catch {
  // informational only
}

