import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { audit } from '../../src/engine/run.js';
import { lastSourceTimings } from '../../src/project/js/prepare.js';
import { defineRule } from '../../src/rules/rule.js';
import { writeProject } from '../support/rule-tester.js';
import type { Project } from '../../src/project/model.js';

/** A probe rule that records which files got facts. */
function probe(prefilter: RegExp) {
  const seen: { parsed: string[]; project?: Project } = { parsed: [] };
  const rule = defineRule({
    id: 'config/probe-in-code',
    factor: 'config',
    severity: 'info',
    swarm: 'none',
    recommended: true,
    inputs: ['source', 'dockerfile', 'compose', 'manifest'],
    sourcePrefilter: prefilter,
    docs: { summary: 'probe', rationale: 'probe', fix: 'probe' },
    messages: { x: 'x' },
    check({ project }) {
      seen.parsed = project.sources.filter((s) => s.facts).map((s) => s.path).sort();
      seen.project = project;
    },
  });
  return { rule, seen };
}

async function run(files: Record<string, string>, prefilter: RegExp) {
  const { rule, seen } = probe(prefilter);
  const dir = writeProject(files);
  try {
    const { result } = await audit({ paths: ['.'], cwd: dir, rules: [rule], cliRules: { [rule.id]: 'info' } });
    return { seen, result };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('source pipeline', () => {
  it('parses only files the prefilter matches, never tests or minified bundles', async () => {
    const { seen } = await run(
      {
        'src/a.ts': 'app.listen(3000);\n',
        'src/b.ts': 'export const x = 1;\n',
        'src/a.test.ts': 'app.listen(3000);\n',
        'public/vendor.min.js': 'app.listen(3000);\n',
        'src/flow.js': '// @flow\nconst x: number = app.listen(3000);\n',
        'lib/c.py': 'app.listen(3000)\n',
      },
      /\.listen\(/,
    );
    expect(seen.parsed).toEqual(['src/a.ts']);
    expect(lastSourceTimings).toMatchObject({ parsed: 1 });
  });

  it('reports a parse error as a finding and goes on', async () => {
    const { result, seen } = await run({ 'src/bad.ts': 'app.listen(3000;\n', 'src/good.ts': 'app.listen(1);\n' }, /listen/);
    expect(seen.parsed).toEqual(['src/good.ts']);
    const fatal = result.results.find((r) => r.filePath === 'src/bad.ts')?.messages[0];
    expect(fatal).toMatchObject({ fatal: true, line: 1 });
  });

  it('links the Dockerfile CMD to the entry and its imports', async () => {
    const { seen } = await run(
      {
        Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "/app/dist/index.js"]\n',
        'tsconfig.json': '{ "compilerOptions": { "outDir": "dist", "rootDir": "src", "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }',
        'src/index.ts': "import { app } from '@/app';\napp.listen(3000);\n",
        'src/app.ts': "export { app } from './server/app.js';\n",
        'src/server/app.ts': 'export const app = express();\n',
        'src/unused.ts': 'export {};\n',
      },
      /listen/,
    );
    const entry = seen.project?.jsLinks?.entries[0];
    expect(entry).toMatchObject({ file: 'src/index.ts', via: 'Dockerfile CMD', dockerfile: 'Dockerfile', pid1: true, init: false });
    expect(entry?.reachable).toEqual(['src/index.ts', 'src/app.ts', 'src/server/app.ts']);
  });
});

describe('prefilter combination', () => {
  it('scans once with every distinct alternative and keeps the meaning', async () => {
    const { combinePrefilters } = await import('../../src/project/js/prepare.js');
    const [re, ...rest] = combinePrefilters([/\.listen\s*\((?!\s*\()|SIGTERM/, /\.listen\s*\((?!\s*\()|hono\/node-server/, /process\.env/]);
    expect(rest).toEqual([]);
    expect(re.source).toBe('(?:\\.listen\\s*\\((?!\\s*\\())|(?:SIGTERM)|(?:hono\\/node-server)|(?:process\\.env)');
    expect(['app.listen(3000)', 'history.listen(() => 1)', 'x = process.env.A', 'nothing'].map((t) => re.test(t))).toEqual([true, false, true, false]);
    expect(combinePrefilters([/a/i, /b/]).map((r) => r.flags)).toEqual(['i', '']);
  });
});
