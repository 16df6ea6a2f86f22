import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { audit } from '../../src/engine/run.js';

/**
 * The audited repository is untrusted: nothing in its git configuration may run.
 * Each case plants a command that writes a marker file, audits, and checks the marker
 * is absent; the first case also shows plain git would have run it.
 */
const hasGit = (() => {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'twelvelint-git-'));
  dirs.push(d);
  return d;
}

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'core.fsmonitor=false', '-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd, stdio: 'ignore', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
}

/** A small repository with a committed Dockerfile; returns its path and a marker path a planted command would create. */
function repository(): { repo: string; marker: string } {
  const base = tempDir();
  const repo = path.join(base, 'repo');
  mkdirSync(repo);
  writeFileSync(path.join(repo, 'Dockerfile'), 'FROM node:20.11-slim\nCMD ["node", "server.js"]\n');
  writeFileSync(path.join(repo, 'server.js'), "require('http').createServer().listen(3000);\n");
  git(repo, 'init', '-q', '.');
  git(repo, 'add', '.');
  git(repo, 'commit', '-qm', 'init');
  return { repo, marker: path.join(base, 'MARKER') };
}

const plant = (marker: string) => `touch '${marker}'; false`;

async function auditDir(dir: string) {
  const { result } = await audit({ paths: [dir], cwd: dir });
  return result;
}

describe.skipIf(!hasGit)('the audited repository cannot make git run a command', () => {
  it('core.fsmonitor in .git/config (plain git would run it)', async () => {
    const { repo, marker } = repository();
    git(repo, 'config', 'core.fsmonitor', plant(marker));
    // The vector is real: plain git runs it.
    execFileSync('git', ['ls-files'], { cwd: repo, stdio: 'ignore', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);
    const result = await auditDir(repo);
    expect(existsSync(marker)).toBe(false);
    // Git facts still work: the Dockerfile was found and the repository recognised.
    expect(result.results.map((r) => r.filePath)).toContain('Dockerfile');
    expect(result.results.flatMap((r) => r.messages).some((m) => m.ruleId === 'codebase/not-a-git-repository')).toBe(false);
  });

  it('core.fsmonitor through include.path to a committed file', async () => {
    const { repo, marker } = repository();
    writeFileSync(path.join(repo, 'team.gitconfig'), `[core]\n\tfsmonitor = ${plant(marker)}\n`);
    git(repo, 'add', 'team.gitconfig');
    git(repo, 'commit', '-qm', 'config');
    git(repo, 'config', 'include.path', '../team.gitconfig');
    await auditDir(repo);
    expect(existsSync(marker)).toBe(false);
  });

  it('the audited directory is a subdirectory of such a repository', async () => {
    const { repo, marker } = repository();
    mkdirSync(path.join(repo, 'api'));
    writeFileSync(path.join(repo, 'api', 'Dockerfile'), 'FROM node:20.11-slim\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'api');
    git(repo, 'config', 'core.fsmonitor', plant(marker));
    await auditDir(path.join(repo, 'api'));
    expect(existsSync(marker)).toBe(false);
  });

  it('.git is a `gitdir:` file pointing at a repository elsewhere', async () => {
    const { repo, marker } = repository();
    const elsewhere = path.join(path.dirname(repo), 'elsewhere.git');
    execFileSync('mv', [path.join(repo, '.git'), elsewhere]);
    writeFileSync(path.join(repo, '.git'), `gitdir: ${elsewhere}\n`);
    git(repo, 'config', 'core.fsmonitor', plant(marker));
    await auditDir(repo);
    expect(existsSync(marker)).toBe(false);
  });

  it('hooks (core.hooksPath to a committed folder) and a pager', async () => {
    const { repo, marker } = repository();
    mkdirSync(path.join(repo, 'hooks'));
    for (const hook of ['post-index-change', 'post-checkout', 'pre-commit']) {
      writeFileSync(path.join(repo, 'hooks', hook), `#!/bin/sh\ntouch '${marker}'\n`);
      chmodSync(path.join(repo, 'hooks', hook), 0o755);
    }
    git(repo, 'config', 'core.hooksPath', 'hooks');
    git(repo, 'config', 'core.pager', plant(marker));
    await auditDir(repo);
    expect(existsSync(marker)).toBe(false);
  });

  it('GIT_DIR and similar variables of the caller do not redirect git', async () => {
    const { repo, marker } = repository();
    const other = repository();
    git(other.repo, 'config', 'core.fsmonitor', plant(marker));
    const saved = process.env.GIT_DIR;
    process.env.GIT_DIR = path.join(other.repo, '.git');
    try {
      await auditDir(repo);
    } finally {
      if (saved === undefined) delete process.env.GIT_DIR;
      else process.env.GIT_DIR = saved;
    }
    expect(existsSync(marker)).toBe(false);
  });
});
