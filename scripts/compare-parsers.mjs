#!/usr/bin/env node
// Do oxc-parser and typescript-estree give the same facts? Extracts SourceFile.facts with both
// (through parseAndExtract, as the CLI does) and reports every file where they differ.
//
//   npm run build && node scripts/compare-parsers.mjs            .bench/outline's prefiltered set,
//                                                                fixtures/ and the snippets of test/
//   node scripts/compare-parsers.mjs --all                       every JS/TS file, not only the prefiltered ones
//   node scripts/compare-parsers.mjs DIR...                      other trees
//   node scripts/compare-parsers.mjs --time                      also parse-only and load times
//
// The prefiltered set is what prepareSources parses when every rule runs: shipped JS/TS files
// (not tests, docs, tools), not bundles or Flow, whose text matches a rule's sourcePrefilter.
// Test snippets: the string values of `'name.js': '…'` properties (writeProject) and the code of
// `facts('…', 'name')` calls in test/**/*.test.ts. Exits 1 on a difference.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(path.join(root, 'dist', p)).href;
if (!existsSync(path.join(root, 'dist/project/js/parse-file.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(2);
}
const { parseAndExtract } = await import(dist('project/js/parse-file.js'));
const { combinePrefilters } = await import(dist('project/js/prepare.js'));
const { allRules } = await import(dist('rules/index.js'));
const { isNotShippedPath } = await import(dist('project/facts/deploy.js'));
const { bundleReason } = await import(dist('project/js/bundle.js'));

const args = process.argv.slice(2);
const all = args.includes('--all');
const time = args.includes('--time');
const dirs = args.filter((a) => !a.startsWith('--'));

const require = createRequire(import.meta.url);
const estree = require('@typescript-eslint/typescript-estree');
let oxc;
try {
  oxc = require('oxc-parser');
  oxc.parseSync('probe.js', '0;');
} catch (error) {
  console.log(`oxc-parser does not load here (${error.message.split('\n')[0]}): nothing to compare.`);
  process.exit(0);
}

const SOURCE = /\.(m|c)?(j|t)sx?$/;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', 'vendor']);
function walk(dir, rel = '', out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(path.join(dir, entry.name), r, out);
    } else if (entry.isFile() && SOURCE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) out.push(r);
  }
  return out;
}

const prefilters = combinePrefilters(allRules.filter((r) => r.inputs.includes('source') && r.sourcePrefilter).map((r) => r.sourcePrefilter));
/** What prepareSources would parse (or everything with --all). */
function selected(rel, text) {
  if (all) return true;
  if (isNotShippedPath(rel)) return false;
  if (rel.endsWith('.js') && /@flow\b/.test(text.slice(0, 2000))) return false;
  if (bundleReason({ path: rel, text, lines: text.split('\n') })) return false;
  return prefilters.some((p) => p.test(text));
}

/** { label, path, text } for each file or snippet to compare. */
const inputs = [];
for (const dir of dirs.length ? dirs : [path.join(root, '.bench/outline'), path.join(root, 'fixtures')]) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.log(`(no ${path.relative(root, dir)}: skipped)`);
    continue;
  }
  for (const rel of walk(dir)) {
    const text = readFileSync(path.join(dir, rel), 'utf8');
    if (selected(rel, text)) inputs.push({ label: `${path.relative(root, dir)}/${rel}`, path: rel, text });
  }
}
if (!dirs.length) inputs.push(...testSnippets());

/** JS/TS code written by the tests: `'src/a.ts': '…'` properties and `facts('…', 'x.js')` calls. */
function testSnippets() {
  const out = [];
  const stringOf = (n) => (n?.type === 'Literal' && typeof n.value === 'string' ? n.value : n?.type === 'TemplateLiteral' && n.expressions.length === 0 ? n.quasis[0].value.cooked : undefined);
  const files = [];
  (function find(dir) {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) find(path.join(dir, e.name));
      else if (e.name.endsWith('.ts')) files.push(path.join(dir, e.name));
    }
  })(path.join(root, 'test'));
  for (const file of files) {
    const ast = estree.parse(readFileSync(file, 'utf8'), { loc: true, range: false, jsDocParsingMode: 'none' });
    const visit = (n) => {
      if (!n || typeof n.type !== 'string') return;
      if (n.type === 'Property') {
        const key = stringOf(n.key) ?? (n.key.type === 'Identifier' ? n.key.name : undefined);
        const code = stringOf(n.value);
        if (key && SOURCE.test(key) && !/\.d\.[cm]?ts$/.test(key) && code !== undefined) out.push({ label: `${path.relative(root, file)}:${n.loc.start.line} ${key}`, path: key, text: code });
      }
      if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'facts') {
        const code = stringOf(n.arguments[0]);
        if (code !== undefined) out.push({ label: `${path.relative(root, file)}:${n.loc.start.line} facts()`, path: stringOf(n.arguments[1]) ?? 'src/x.ts', text: code });
      }
      for (const k in n) {
        if (k === 'parent' || k === 'loc' || k === 'range') continue;
        const v = n[k];
        if (Array.isArray(v)) v.forEach(visit);
        else if (v && typeof v === 'object') visit(v);
      }
    };
    visit(ast);
  }
  return out;
}

/** The first path where two values differ, for the report. */
function firstDiff(a, b, at = '') {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDiff(a[k], b[k], `${at}.${k}`);
      if (d) return d;
    }
  }
  return `${at || '.'}: oxc ${JSON.stringify(a)?.slice(0, 200)} vs typescript-estree ${JSON.stringify(b)?.slice(0, 200)}`;
}

// parseAndExtract without its fallback: oxc-parser's own verdict. In the CLI a file oxc-parser
// rejects is parsed again by typescript-estree, so its facts or error are the same by construction;
// such files are listed because they load TypeScript after all.
let same = 0;
let bothErrors = 0;
const rejectedByOxc = [];
const differences = [];
for (const input of inputs) {
  const o = parseAndExtract(oxc, input.path, input.text);
  const e = parseAndExtract(estree, input.path, input.text);
  if (o.parseError && e.parseError) bothErrors++;
  else if (o.parseError) rejectedByOxc.push(`${input.label}: oxc-parser: ${o.parseError.message} (line ${o.parseError.range.line})`);
  else if (e.parseError) differences.push(`${input.label}: typescript-estree rejects it (${e.parseError.message}, line ${e.parseError.range.line}), oxc-parser reads it`);
  else {
    const d = firstDiff(o.facts, e.facts);
    if (d) differences.push(`${input.label}: ${d}`);
    else same++;
  }
}
console.log(`${inputs.length} files and snippets${all ? '' : ' (prefiltered)'}: ${same} same facts, ${bothErrors} a parse error in both, ${rejectedByOxc.length} rejected by oxc-parser only (typescript-estree parses them again), ${differences.length} different`);
for (const d of rejectedByOxc) console.log(`  fallback: ${d}`);
for (const d of differences) console.log(`  DIFFERENT: ${d}`);

if (time) {
  // Load and parse-only (parse + extract, as the CLI runs it) times, each parser in a fresh process.
  const files = inputs.filter((i) => !i.label.includes('.test.ts:'));
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  const script = `
    const { createRequire } = await import('node:module');
    const { parseAndExtract } = await import(${JSON.stringify(dist('project/js/parse-file.js'))});
    const files = JSON.parse((await import('node:fs')).readFileSync(0, 'utf8'));
    const t0 = performance.now();
    const parser = createRequire(${JSON.stringify(import.meta.url)})(process.argv[1]);
    const t1 = performance.now();
    for (const f of files) parseAndExtract(parser, f.path, f.text);
    const t2 = performance.now();
    for (const f of files) parseAndExtract(parser, f.path, f.text);
    const t3 = performance.now();
    let raw = 0;
    if (process.argv[1] === 'oxc-parser') {
      const t = performance.now();
      for (const f of files) parser.parseSync(f.path, f.text, { lang: /\\.[cm]?ts$/.test(f.path) ? 'ts' : /\\.tsx$/.test(f.path) ? 'tsx' : 'jsx', astType: 'ts', preserveParens: false }).program;
      raw = performance.now() - t;
    } else {
      const t = performance.now();
      for (const f of files) try { parser.parse(f.text, { filePath: f.path, loc: true, range: true, jsDocParsingMode: 'none', allowInvalidAST: true, errorOnUnknownASTType: false }); } catch {}
      raw = performance.now() - t;
    }
    console.log(JSON.stringify({ load: t1 - t0, first: t2 - t1, warm: t3 - t2, rawWarm: raw }));
  `;
  const payload = JSON.stringify(files.map((f) => ({ path: f.path, text: f.text })));
  const runs = 5;
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`\ntimes on the ${files.length} files (${(bytes / 1e3).toFixed(0)} KB), median of ${runs} fresh processes:`);
  for (const name of ['@typescript-eslint/typescript-estree', 'oxc-parser']) {
    const rs = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, name], { input: payload, encoding: 'utf8', maxBuffer: 1e8 });
      if (r.status !== 0) throw new Error(r.stderr);
      rs.push(JSON.parse(r.stdout));
    }
    const m = (k) => median(rs.map((r) => r[k])).toFixed(0);
    console.log(`  ${name.padEnd(36)} load ${m('load')} ms; parse+extract first pass ${m('first')} ms, warm ${m('warm')} ms; parse only (warm) ${m('rawWarm')} ms`);
  }
}
process.exit(differences.length ? 1 : 0);
