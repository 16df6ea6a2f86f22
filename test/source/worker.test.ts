import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceFile } from '../../src/project/model.js';
import { describe, expect, it } from 'vitest';

// The worker runs compiled code: this test uses dist/ (built by `npm test`) and is skipped without it.
const dist = path.resolve('dist/project/parse-js.js');

describe.skipIf(!existsSync(dist) || !existsSync(path.resolve('dist/project/js/worker.js')))('parser worker pool', () => {
  it('parses in worker threads and returns the same facts as in-thread parsing', async () => {
    const mod = (await import(pathToFileURL(dist).href)) as typeof import('../../src/project/parse-js.js');
    const make = (i: number): SourceFile => ({
      path: `src/f${i}.ts`,
      absPath: '',
      kind: 'source' as const,
      size: 0,
      language: 'ts' as const,
      text: `import express from 'express';\nconst app = express();\napp.listen(process.env.PORT ?? ${3000 + i});\n`,
      lines: [],
    });
    const pooled = Array.from({ length: 40 }, (_, i) => make(i));
    const inThread = Array.from({ length: 40 }, (_, i) => make(i));
    const before = process.env.TWELVELINT_PARSE_THREADS;
    try {
      process.env.TWELVELINT_PARSE_THREADS = '2';
      await mod.parseJsSource(pooled);
      process.env.TWELVELINT_PARSE_THREADS = '0';
      await mod.parseJsSource(inThread);
    } finally {
      if (before === undefined) delete process.env.TWELVELINT_PARSE_THREADS;
      else process.env.TWELVELINT_PARSE_THREADS = before;
    }
    expect(pooled.map((f) => f.facts)).toEqual(inThread.map((f) => f.facts));
    expect(pooled[7].facts?.calls[0]).toMatchObject({ callee: 'express:().listen', args: [{ k: 'env', name: 'PORT', or: { k: 'num', v: 3007 } }] });
  });
});
