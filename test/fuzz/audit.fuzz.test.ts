import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine/run.js';
import { resolveConfig } from '../../src/engine/config.js';
import { discoverMemory } from '../../src/project/discover.js';
import { memoryReader } from '../../src/project/reader.js';
import { allRules } from '../../src/rules/index.js';
import { reporters, type ReportContext } from '../../src/reporters/index.js';
import { ruleMetaMap } from '../../src/reporters/rule-meta.js';
import type { AuditResult } from '../../src/engine/result.js';
import { runCli } from '../support/cli.js';
import { composeObject, composeSoup, dockerfileSoup, envSoup, mangle, packageJson, pyproject, scriptSoup, sourceSoup, validCompose } from './arbitraries.js';
import { SEED, runs, withinAsync } from './settings.js';

/** A project of generated files at the places rules look (root, a service folder, a stack file). */
const project = fc
  .record(
    {
      'docker-compose.yml': fc.oneof(mangle(composeSoup), composeObject.map(({ services, extra }) => stringify({ ...extra, services }, { aliasDuplicateObjects: true }))),
      'docker-stack.yml': fc.oneof(validCompose.map((c) => stringify(c)), composeObject.map(({ services, extra }) => stringify({ ...extra, services }))),
      'compose.prod.yaml': validCompose.map((c) => stringify(c)),
      Dockerfile: mangle(dockerfileSoup),
      'api/Dockerfile': dockerfileSoup,
      'package.json': packageJson,
      'pyproject.toml': pyproject,
      '.env': envSoup,
      '.env.example': envSoup,
      'index.js': sourceSoup,
      'src/server.ts': sourceSoup,
      'docker-entrypoint.sh': scriptSoup,
      Procfile: fc.constantFrom('web: node index.js', 'web: gunicorn app:app\nworker: celery -A x worker', 'release: npm run migrate', ': broken', ''),
    },
    { requiredKeys: [] },
  )
  .map((files) => Object.fromEntries(Object.entries(files).filter(([, v]) => v !== undefined)) as Record<string, string>);

const context: ReportContext = { color: false, quiet: false, verbose: true, absolutePaths: false, rules: ruleMetaMap(allRules), cwd: '/memory', source: () => undefined };
const strict = resolveConfig({ config: { extends: 'twelvelint:strict' }, source: null }, allRules, {}, []);

/** Internal failures show as diagnostics, never as silence: none may appear. */
function internalProblems(result: AuditResult): string[] {
  return result.diagnostics.filter((d) => d.code === 'rule-crashed' || /internal/i.test(d.message)).map((d) => `${d.code}: ${d.message}`);
}

describe('an audit of any project ends with a result', () => {
  it('every rule (strict), the verdict, the score and every reporter, on generated projects', async () => {
    await fc.assert(
      fc.asyncProperty(project, fc.dictionary(fc.constantFrom('VAR', 'PORT', 'DOMAIN', 'toString', '__proto__'), fc.string({ maxLength: 10 }), { maxKeys: 3 }), async (files, deployEnv) => {
        if (Object.keys(files).length === 0) return;
        const { result } = await withinAsync(() =>
          analyse({ discovery: discoverMemory(files), config: strict, catalogue: allRules, reader: memoryReader(files), git: { isRepo: true, tracked: new Set(Object.keys(files)), remotes: [] }, deployEnv: new Map(Object.entries(deployEnv)) }),
        );
        expect(internalProblems(result)).toEqual([]);
        expect(['ready', 'needs-deploy-inputs', 'not-deployable', 'not-assessed', 'ready-with-warnings']).toContain(result.summary.swarm.verdict);
        expect(Number.isFinite(result.summary.score)).toBe(true);
        for (const [name, reporter] of Object.entries(reporters)) {
          const text = reporter([result], { ...context, color: name === 'stylish' });
          expect(typeof text).toBe('string');
        }
      }),
      { seed: SEED + 11, numRuns: runs(1500) },
    );
  });
});

describe('the command line on generated projects on disk', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'twelvelint-fuzz-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  let n = 0;

  it('exits 0 or 1 (never 2) with JSON on stdout, nothing on stderr', async () => {
    await fc.assert(
      fc.asyncProperty(project, async (files) => {
        if (Object.keys(files).length === 0) return;
        const dir = path.join(base, String(n++));
        for (const [rel, text] of Object.entries(files)) {
          mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
          writeFileSync(path.join(dir, rel), text);
        }
        const run = await withinAsync(() => runCli(['--format', 'json', '--config', path.join(import.meta.dirname, 'strict.json'), dir], base), 15_000);
        expect(run.stderr).toBe('');
        expect([0, 1]).toContain(run.code);
        const result = JSON.parse(run.stdout) as AuditResult;
        expect(internalProblems(result)).toEqual([]);
        rmSync(dir, { recursive: true, force: true });
      }),
      { seed: SEED + 12, numRuns: runs(300) },
    );
  });
});
