import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

/** The published package works on its own: `npm pack`, install the tarball in an empty folder, run it. */
describe('npm package', () => {
  it('installs from its tarball in a clean folder and audits a project', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'twelvelint-pack-'));
    execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: ROOT, stdio: 'pipe' });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const app = path.join(work, 'app');
    cpSync(path.join(ROOT, 'fixtures/bad-minimal'), app, { recursive: true });
    execFileSync('npm', ['init', '-y'], { cwd: work, stdio: 'pipe' });
    execFileSync('npm', ['install', '--no-audit', '--no-fund', path.join(work, tarball as string)], { cwd: work, stdio: 'pipe' });
    const run = spawnSync('npx', ['--no-install', 'twelvelint', '--format', 'json', 'app'], { cwd: work, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).summary.swarm.verdict).toBe('not-deployable');
    const sarif = spawnSync('npx', ['--no-install', 'twelvelint', '--format', 'sarif', 'app'], { cwd: work, encoding: 'utf8' });
    expect(JSON.parse(sarif.stdout).runs[0].tool.driver.rules.length).toBeGreaterThan(80);
  }, 180_000);
});
