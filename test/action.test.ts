import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runAction } from '../src/action.js';
import { ROOT } from './support/cli.js';
import { writeProject } from './support/rule-tester.js';

/** Runs the action's entry point with the environment GitHub sets for a step, capturing stdout. */
async function inGitHub(inputs: Record<string, string>, workspace: string): Promise<{ code: number; stdout: string; outputs: Record<string, string>; summary: string }> {
  const outputFile = path.join(workspace, '.github-output');
  const summaryFile = path.join(workspace, '.github-step-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, NO_COLOR: '1' };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const saved = new Map(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const out: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    const code = await runAction(process.env);
    const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    return { code, stdout: out.join(''), outputs, summary: readFileSync(summaryFile, 'utf8') };
  } finally {
    process.stdout.write = write;
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('GitHub Action', () => {
  const project = () => writeProject({ Dockerfile: 'FROM node:latest\nCMD npm start\n', 'deploy/docker-stack.yml': 'services:\n  web:\n    build: ..\n' });

  it('annotates, writes outputs and the step summary, exits like the CLI', async () => {
    const dir = project();
    const r = await inGitHub({ path: '.', 'sarif-file': 'twelvelint.sarif' }, dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=deploy\/docker-stack\.yml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=swarm\/build-without-image::/m);
    expect(r.outputs).toMatchObject({ verdict: 'not-deployable', grade: expect.stringMatching(/^[A-F]$/), score: expect.stringMatching(/^\d+$/), findings: expect.stringMatching(/^\d+$/), 'sarif-file': path.join(dir, 'twelvelint.sarif') });
    expect(JSON.parse(readFileSync(path.join(dir, 'twelvelint.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(r.summary).toMatch(/### twelvelint: \d+\/100/);
  });

  it('annotations and summary can be turned off; stack and fail-on pass through', async () => {
    const dir = project();
    const r = await inGitHub({ annotations: 'false', summary: 'false', stack: 'deploy/docker-stack.yml', 'fail-on-verdict': 'never', 'fail-on': 'error' }, dir);
    expect(r.stdout).not.toContain('::error');
    expect(r.summary).toBe('');
    expect(r.outputs.verdict).toBe('not-deployable');
  });

  it('summary without annotations still writes the summary', async () => {
    const dir = project();
    const r = await inGitHub({ annotations: 'false' }, dir);
    expect(r.stdout).not.toContain('::error');
    expect(r.summary).toMatch(/### twelvelint/);
  });

  it('action.yml declares the inputs and outputs the entry point reads and writes, on a supported Node runtime', () => {
    const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; main: string }; inputs: Record<string, unknown>; outputs: Record<string, unknown> };
    expect(action.runs.using).toBe('node24');
    expect(Object.keys(action.inputs).sort()).toEqual(['annotations', 'baseline', 'config', 'fail-on', 'fail-on-verdict', 'format', 'path', 'sarif-file', 'stack', 'summary'].sort());
    expect(Object.keys(action.outputs).sort()).toEqual(['findings', 'grade', 'sarif-file', 'score', 'verdict']);
  });
});

describe('the committed action bundle', () => {
  it('is what scripts/build-action.mjs builds from the current sources', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'twelvelint-bundle-')), 'index.mjs');
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-action.mjs'), out], { cwd: ROOT, stdio: 'pipe' });
    const fresh = readFileSync(out, 'utf8');
    const committed = readFileSync(path.join(ROOT, 'action/dist/index.mjs'), 'utf8');
    expect(fresh === committed, 'action/dist/index.mjs is stale: run npm run build:action and commit it').toBe(true);
  }, 60_000);

  it('runs alone (no node_modules beside it) with the environment GitHub sets', async () => {
    const { execFileSync, spawnSync } = await import('node:child_process');
    const { cpSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const base = mkdtempSync(path.join(tmpdir(), 'twelvelint-action-run-'));
    cpSync(path.join(ROOT, 'action/dist'), path.join(base, 'action/dist'), { recursive: true });
    const ws = writeProject({ Dockerfile: 'FROM node:latest\nCMD ["node", "server.js"]\n', 'server.js': 'require("http").createServer().listen(3000, "127.0.0.1");\n', 'package.json': '{"name":"x"}', 'docker-stack.yml': 'services:\n  web:\n    build: .\n', 'worker/settings.py': "import os\nDEBUG = os.environ.get('DEBUG', 'True') == 'True'\n", 'worker/Dockerfile': 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "settings:app"]\n' });
    execFileSync('git', ['init', '-q'], { cwd: ws });
    writeFileSync(path.join(ws, 'out'), '');
    writeFileSync(path.join(ws, 'summary'), '');
    const r = spawnSync(process.execPath, [path.join(base, 'action/dist/index.mjs')], { cwd: ws, encoding: 'utf8', env: { PATH: process.env.PATH, GITHUB_WORKSPACE: ws, GITHUB_OUTPUT: path.join(ws, 'out'), GITHUB_STEP_SUMMARY: path.join(ws, 'summary'), INPUT_PATH: '.', 'INPUT_SARIF-FILE': 'x.sarif' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error file=docker-stack\.yml,.*title=swarm\/build-without-image::/m);
    // The parser is in the bundle: source rules run.
    expect(r.stdout).toMatch(/title=port-binding\/listen-localhost-in-code::/);
    // The Python grammar travels beside the bundle: Python rules run too.
    expect(r.stdout).toMatch(/file=worker\/settings\.py,.*title=config\/debug-on-by-default::/);
    expect(readFileSync(path.join(ws, 'out'), 'utf8')).toMatch(/^verdict=not-deployable$/m);
    expect(readFileSync(path.join(ws, 'summary'), 'utf8')).toMatch(/### twelvelint/);
  }, 60_000);
});
