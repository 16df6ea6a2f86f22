import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { runCli, runJson, spawnCli, ROOT } from './support/cli.js';
import { writeProject } from './support/rule-tester.js';
import { FACTORS } from '../src/rules/rule.js';

const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/result.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('the fixtures of the issue', () => {
  it('bad-minimal: FROM node:latest + CMD npm start + build/restart compose exits 1, not-deployable, 12 factors listed', async () => {
    const { code, json } = await runJson(['fixtures/bad-minimal']);
    expect(code).toBe(1);
    expect(json.summary.swarm.verdict).toBe('not-deployable');
    for (const f of FACTORS) expect(json.factors.map((x: { id: string }) => x.id)).toContain(f);
    // A finding that includes another rule's (same problem, one place) lists it in `also`.
    const lines = json.results.flatMap((r: { filePath: string; messages: { line: number; ruleId: string; also?: { ruleId: string }[] }[] }) =>
      r.messages.flatMap((m) => [m.ruleId, ...(m.also ?? []).map((a) => a.ruleId)].map((id) => `${r.filePath}:${m.line} ${id}`)),
    );
    expect(lines).toContain('Dockerfile:1 dependencies/unpinned-base-image');
    expect(lines).toContain('Dockerfile:2 disposability/shell-form-command');
    expect(lines).toContain('Dockerfile:2 disposability/package-manager-as-pid1');
    expect(lines).toContain('compose.yaml:3 swarm/build-without-image');
    expect(lines).toContain('compose.yaml:4 swarm/ignored-option');
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });

  it('node-app-good exits 0 and Swarm would deploy it', async () => {
    const { code, json, stderr } = await runJson(['fixtures/node-app-good']);
    expect(stderr).toBe('');
    expect(json.results.flatMap((r: { messages: { level: string }[] }) => r.messages).filter((m: { level: string }) => m.level === 'error')).toEqual([]);
    expect(code).toBe(0);
    expect(['ready', 'ready-with-warnings']).toContain(json.summary.swarm.verdict);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('JSON output validates against the shipped schema', () => {
  for (const dir of ['fixtures/swarm', 'fixtures/bad-minimal', 'fixtures/node-app-good', '.']) {
    it(dir, async () => {
      const { json } = await runJson([dir]);
      expect(validate(json), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    });
  }
});

describe('the built binary', () => {
  it('runs as a user runs it (one spawned smoke test; the others call main() in-process)', () => {
    const { code, stdout, stderr } = spawnCli(['fixtures/bad-minimal']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('not deployable');
  });
});

describe('CLI', () => {
  it('--help tells the options and exit codes', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const word of ['--format', '--output', '--config', '--rule', '--ignore-pattern', '--fail-on', '--max-warnings', '--quiet', '--no-color', '--print-config', '--list-rules', '--env', '--deploy-env-file', '--report-unused-disable', 'Exit codes']) expect(stdout).toContain(word);
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('unknown format: exit 2 with the list', async () => {
    const { code, stderr } = await runCli(['--format', 'xml', 'fixtures/bad-minimal']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown format "xml"; available: stylish, json/);
  });

  it('unknown option: exit 2', async () => {
    expect((await runCli(['--nope'])).code).toBe(2);
  });

  it('path that does not exist: exit 2, one line, no stack', async () => {
    const { code, stderr } = await runCli(['does/not/exist']);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('twelvelint: No such file or directory: does/not/exist');
  });

  it('--list-rules prints the catalogue', async () => {
    const { code, stdout } = await runCli(['--list-rules']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^rule\s+factor\s+severity\s+swarm/);
    expect(stdout).toContain('swarm/build-without-image');
    expect(stdout).toContain('disposability/shell-form-command');
  });

  it('--rule turns a rule off and --fail-on warning fails on warnings', async () => {
    // Turning the blocker's rule off hides the finding, not the prediction: still not deployable, still exit 1.
    const off = await runJson(['fixtures/bad-minimal', '--rule', 'swarm/build-without-image:off']);
    expect(off.code).toBe(1);
    expect(off.json.summary.swarm.verdict).toBe('not-deployable');
    expect(off.json.summary.swarm.blockers).toContainEqual(expect.objectContaining({ ruleId: 'swarm/build-without-image', reported: false }));
    expect(off.json.results.flatMap((r: { messages: { ruleId: string }[] }) => r.messages).map((m: { ruleId: string }) => m.ruleId)).not.toContain('swarm/build-without-image');
    expect((await runCli(['fixtures/bad-minimal', '--rule', 'swarm/build-without-image:off', '--fail-on-verdict', 'never'])).code).toBe(0);
    expect((await runCli(['fixtures/bad-minimal', '--rule', 'swarm/build-without-image:off', '--fail-on-verdict', 'never', '--fail-on', 'warning'])).code).toBe(1);
    expect((await runCli(['fixtures/bad-minimal', '--rule', 'nope/nothing:off'])).code).toBe(2);
    expect((await runCli(['fixtures/bad-minimal', '--rule', 'swarm/build-without-image:loud'])).code).toBe(2);
  });

  it('--max-warnings', async () => {
    const off = ['--rule', 'swarm/build-without-image:off', '--fail-on-verdict', 'never'];
    expect((await runCli(['fixtures/bad-minimal', ...off, '--max-warnings', '0'])).code).toBe(1);
    expect((await runCli(['fixtures/bad-minimal', ...off, '--max-warnings', '100'])).code).toBe(0);
    expect((await runCli(['fixtures/bad-minimal', '--max-warnings', 'many'])).code).toBe(2);
  });

  it('--quiet shows errors only', async () => {
    const { stdout } = await runCli(['fixtures/bad-minimal', '--quiet']);
    expect(stdout).toContain('swarm/build-without-image');
    expect(stdout).not.toContain('dependencies/unpinned-base-image');
  });

  it('--output writes the report to a file', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'tl-')), 'report.json');
    const { code, stdout } = await runCli(['fixtures/bad-minimal', '--format', 'json', '--output', out]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.swarm.verdict).toBe('not-deployable');
  });

  it('--env and --env-file supply the deploy environment', async () => {
    const dir = writeProject({ 'docker-stack.yml': 'services:\n  web:\n    image: nginx:1.27\n    environment:\n      - URL=https://${DOMAIN:?set DOMAIN}\n' });
    expect((await runJson(['docker-stack.yml'], dir)).json.summary.swarm.verdict).toBe('needs-deploy-inputs');
    expect((await runJson(['docker-stack.yml', '--env', 'DOMAIN=example.com'], dir)).json.summary.swarm.verdict).toBe('ready');
    writeFileSync(path.join(dir, 'deploy.env'), 'DOMAIN=example.com\n');
    expect((await runJson(['docker-stack.yml', '--env-file', 'deploy.env'], dir)).json.summary.swarm.verdict).toBe('ready');
    expect((await runCli(['docker-stack.yml', '--env', 'NOEQUALS'], dir)).code).toBe(2);
  });

  it('colour only on a TTY or when forced, never with NO_COLOR', async () => {
    expect((await runCli(['fixtures/bad-minimal'])).stdout).not.toContain('\x1b[');
    expect((await runCli(['fixtures/bad-minimal'], ROOT, { NO_COLOR: '', FORCE_COLOR: '1' })).stdout).toContain('\x1b[');
    expect((await runCli(['fixtures/bad-minimal', '--no-color'], ROOT, { NO_COLOR: '', FORCE_COLOR: '1' })).stdout).not.toContain('\x1b[');
  });

  it('stylish shows file:line:col, the factor table and the verdict', async () => {
    const { stdout } = await runCli(['fixtures/bad-minimal']);
    expect(stdout).toMatch(/compose\.yaml\n(?:.*\n)*?\s+3:5\s+error\s+Service "web" has build: but no image:/);
    expect(stdout).toContain('IX. Disposability');
    expect(stdout).toContain('not deployable');
  });
});

describe('the one-file build', () => {
  it('bin/twelvelint.js runs dist/twelvelint.mjs, which carries the version', async () => {
    const { spawnSync } = await import('node:child_process');
    const { existsSync } = await import('node:fs');
    expect(existsSync(path.join(ROOT, 'dist/twelvelint.mjs'))).toBe(true);
    const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/twelvelint.js'), '--version'], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(version);
  });

  it('a reader that closes the pipe early (`--help | head -1`) gets no stack trace', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/twelvelint.js'), '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Close our end of stdout before the child writes: its writes fail with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|\bat /);
    expect(code).toBe(0);
  });
});
