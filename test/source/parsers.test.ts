import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as estree from '@typescript-eslint/typescript-estree';
import { parseAndExtract } from '../../src/project/js/parse-file.js';
import { NESTING_BUDGET, nestingCost, tooDeepForOxc } from '../../src/project/js/nesting.js';
import { loadEstree, loadParser, parserName } from '../../src/project/parse-js.js';

// oxc-parser is the parser where its binding loads; typescript-estree is the fallback. These tests
// hold the two to the same facts (scripts/compare-parsers.mjs does it on whole repositories).
const oxc = loadParser();
const oxcLoads = parserName()?.startsWith('oxc-parser') === true;

/** Snippets that exercise what differs between the two trees: positions, key order, dialects. */
const SNIPPETS: [string, string][] = [
  ['src/crlf.js', 'const a = process.env.A;\r\nconst b = process.env.B || "redis://localhost:6379";\r\napp.listen(process.env.PORT ?? 3000);\r\n'],
  ['src/cr.js', 'const a = process.env.A;\rconst b = process.env.B || "redis://localhost:6379";\rapp.listen(3000);\r'],
  ['src/unicode.ts', 'const s = "x\u2028y"; const e = process.env.E;\n// \u2029 comment\nconst u = "😀😀 postgres://localhost/db"; app.listen(process.env.P || 80);\n'],
  [
    'src/edge.tsx',
    [
      "import type { X } from 'x';",
      "import { type Y, z } from 'y';",
      "import fs = require('fs');",
      '@Injectable()',
      'class Service<T extends object> {',
      "  @Inject(process.env.TOKEN_NAME) private readonly secretKey = 'super-secret-value-1';",
      "  #priv = process.env.PRIV ?? 'x';",
      "  static { if (process.env.NODE_ENV === 'production') connect('postgres://localhost/prod'); }",
      '  constructor(private readonly port: number = Number(process.env.PORT) || 8080) {}',
      '  m(): void;',
      '  m(a?: string) { return a?.trim() ?? process.env.M?.trim(); }',
      '}',
      "enum E { A = 'redis://localhost', B = 2 }",
      "namespace N { export const url = 'amqp://guest:guest@localhost'; }",
      'const C = <T,>(x: T) => x;',
      'const el = <div title={process.env.TITLE} onClick={() => app.listen(3000)}>{process.env.BODY}{`${process.env.T}`}</div>;',
      "const meta = import.meta.env.VITE_API ?? 'http://localhost:3000';",
      "const s = { dialect: 'postgres', password: 'hunter2hunter2' } satisfies Record<string, string>;",
      'label: for (let i = Number(process.env.N); i < 3; i++) { if (process.env.DEBUG) break label; }',
      "try { fs.writeFileSync('/tmp/a.log', 'x'); } catch (e) { winston.createLogger(); } finally { process.on('SIGTERM', () => server.close()); }",
      "switch (process.env.MODE) { case 'a': setInterval(() => { this.x = 1; fetch('http://localhost'); }, 1000); }",
      'tag`postgres://${process.env.HOST}:5432`;',
      "export default async function main({ port = process.env.PORT || 3000 } = {}) { await (await import('express')).default().listen(port); }",
      "const { REDIS_URL = 'redis://localhost:6379', ...rest } = process.env;",
      "if (!process.env.SECRET) throw new Error(); else process.env.SECRET = 'generated';",
      'do { x++ } while (process.env.LOOP);',
      '',
    ].join('\n'),
  ],
  ['src/cast.ts', 'const a = <string>process.env.A;\nconst b = (process.env.B as string)!;\nexport = a;\n'],
  ['src/app.js', "#!/usr/bin/env node\n'use strict';\nconst el = <App port={process.env.PORT} />;\nrequire('http').createServer().listen(process.env.PORT || 3000, () => console.log(`on http://localhost:${process.env.PORT}`));\n"],
  ['src/log.mjs', "import pino from 'pino';\nexport const logger = pino(pino.destination('/var/log/app.log'));\nawait import('./x.js');\nconst x = a?.b?.[process.env.K]?.(process.env.ARG);\n"],
  ['src/cli.cjs', "var cluster = require('cluster');\nif (cluster.isMaster) { cluster.fork(); return; }\nrequire('http').createServer().listen(8080);\n"],
  // Rejected by oxc-parser, read by TypeScript's parser: the fallback decides.
  ['src/typed.js', 'const port: number = 3000;\napp.listen(port);\n'],
  ['src/esm-return.js', "import x from 'y';\nif (x) return;\napp.listen(3000);\n"],
  // Rejected by both.
  ['src/broken.ts', 'app.listen(3000;\n'],
];

describe.skipIf(!oxcLoads)('oxc-parser and typescript-estree', () => {
  it.each(SNIPPETS)('give the same facts or the same error: %s', (file, code) => {
    const viaOxc = parseAndExtract(oxc, file, code, loadEstree);
    const viaEstree = parseAndExtract(estree, file, code);
    expect(viaOxc.facts).toEqual(viaEstree.facts);
    expect(viaOxc.parseError).toEqual(viaEstree.parseError);
  });

  it('read the edge cases at all (the snippets above are not all parse errors)', () => {
    const read = SNIPPETS.filter(([file, code]) => parseAndExtract(oxc, file, code).facts !== undefined);
    expect(read.length).toBeGreaterThanOrEqual(SNIPPETS.length - 4);
    const facts = parseAndExtract(oxc, 'src/crlf.js', SNIPPETS[0][1]).facts;
    expect(facts?.calls[0]?.range).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 37 });
  });
});

/**
 * Shapes that overflow oxc-parser's native stack (the process dies), with the deepest level each
 * still parsed at in a 4 MB worker thread (oxc-parser 0.159; one step deeper crashed).
 */
const DEEP: Record<string, [(n: number) => string, number]> = {
  brackets: [(n) => `x = ${'['.repeat(n)}${']'.repeat(n)};`, 3000],
  objects: [(n) => `x = ${'({a:'.repeat(n)}1${'})'.repeat(n)};`, 1000],
  functions: [(n) => `${'function f(){'.repeat(n)}${'}'.repeat(n)}`, 1500],
  ternaries: [(n) => `x = ${'a ? b : '.repeat(n)}c;`, 3000],
  assignments: [(n) => `x = ${'a = '.repeat(n)}1;`, 3000],
  arrows: [(n) => `x = ${'x => '.repeat(n)}1;`, 3000],
  ifs: [(n) => `${'if (a) '.repeat(n)}b;`, 3000],
  elseIfs: [(n) => `if (a) {} ${'else if (a) {} '.repeat(n)}`, 3000],
  loops: [(n) => `${'for (x of y) '.repeat(n)}b;`, 2000],
  labels: [(n) => `${'l: '.repeat(n)}x;`, 3000],
  templates: [(n) => `x = ${'`${'.repeat(n)}1${'}`'.repeat(n)};`, 2000],
  jsx: [(n) => `x = ${'<a>'.repeat(n)}${'</a>'.repeat(n)};`, 7000],
  generics: [(n) => `let x: ${'Array<'.repeat(n)}a${'>'.repeat(n)};`, 2000],
  unary: [(n) => `x = ${'!'.repeat(n)}x;`, 10_000],
  news: [(n) => `x = ${'new '.repeat(n)}a;`, 7000],
  classes: [(n) => `x = ${'class extends '.repeat(n)}A${' {}'.repeat(n)};`, 5000],
  namespaces: [(n) => `namespace A.${'B.'.repeat(n)}C {}`, 15_000],
  sums: [(n) => `x = 1${' + 1'.repeat(n)};`, 30_000],
};

describe('nesting guard for oxc-parser', () => {
  it('sends every deep shape to typescript-estree long before oxc-parser would crash, and clears ordinary code', () => {
    for (const [name, [make, parsed]] of Object.entries(DEEP)) expect([name, tooDeepForOxc(make(parsed))]).toEqual([name, true]);
    // This project's own sources, several hundred files of ordinary TypeScript, stay far below the budget.
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (/\.ts$/.test(e.name)) files.push(path.join(dir, e.name));
      }
    };
    walk(path.resolve('src'));
    const worst = Math.max(...files.map((f) => nestingCost(readFileSync(f, 'utf8'))));
    expect(files.length).toBeGreaterThan(100);
    expect(worst).toBeLessThan(NESTING_BUDGET / 3);
  });

  // In a child process: if the guard let a shape through, the crash would take vitest down with it.
  const dist = path.resolve('dist/project/parse-js.js');
  it.skipIf(!oxcLoads || !existsSync(dist))('no deep shape crashes the process: each becomes typescript-estree\'s verdict', () => {
    const script = `
      const { loadParser, loadEstree, parserName } = await import(${JSON.stringify(pathToFileURL(dist).href)});
      const { parseAndExtract } = await import(${JSON.stringify(pathToFileURL(path.resolve('dist/project/js/parse-file.js')).href)});
      const shapes = { ${Object.entries(DEEP)
        .map(([k, [f]]) => `${JSON.stringify(k)}: ${f.toString()}`)
        .join(', ')} };
      const parser = loadParser();
      const out = {};
      for (const [name, make] of Object.entries(shapes)) {
        const r = parseAndExtract(parser, name === 'generics' || name === 'namespaces' ? 'a.ts' : 'a.jsx', make(50_000), loadEstree);
        out[name] = r.facts ? 'facts' : r.parseError.message;
      }
      console.log(JSON.stringify({ parser: parserName(), out }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    const { parser, out } = JSON.parse(r.stdout) as { parser: string; out: Record<string, string> };
    expect(parser).toBe('oxc-parser+typescript-estree');
    expect(Object.keys(out).sort()).toEqual(Object.keys(DEEP).sort());
  }, 120_000);
});
