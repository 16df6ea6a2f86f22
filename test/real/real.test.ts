import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, ROOT } from '../support/cli.js';

/**
 * Smoke suite over real repositories (npm run test:real; not part of the quick test).
 * Each repository is audited with every rule: no crash, no internal-error diagnostic, exit 0
 * or 1, within its time budget. Repositories come from TWELVELINT_REAL_REPOS (default
 * ../.mirror beside the project): a folder per repository named owner+name, holding either a
 * work tree or a bare clone in repo/ (what `git clone --bare` or the fetch tool leaves), from
 * which the pinned commit is extracted once.
 */
interface RealRepo { repo: string; commit: string; languages: string; maxSeconds: number }

const repos = JSON.parse(readFileSync(path.join(import.meta.dirname, 'repos.json'), 'utf8')) as RealRepo[];
const source = path.resolve(ROOT, process.env.TWELVELINT_REAL_REPOS ?? '../.mirror');
const cache = path.join(tmpdir(), 'twelvelint-real');
const table: string[] = [];

function checkout(r: RealRepo): string | undefined {
  const folder = path.join(source, r.repo.replace('/', '+'));
  if (!existsSync(folder)) return undefined;
  const bare = [path.join(folder, 'repo'), folder].find((d) => existsSync(path.join(d, 'HEAD')) && existsSync(path.join(d, 'objects')));
  if (!bare) return folder;
  const dest = path.join(cache, `${r.repo.replace('/', '+')}@${r.commit.slice(0, 12)}`);
  if (!existsSync(path.join(dest, '.extracted'))) {
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(dest, { recursive: true });
    const tar = execFileSync('git', ['--git-dir', bare, 'archive', '--format=tar', r.commit], { maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dest], { input: tar, maxBuffer: 1 << 30 });
    execFileSync('touch', [path.join(dest, '.extracted')]);
  }
  return dest;
}

function countFiles(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countFiles(path.join(dir, e.name));
    else n++;
  }
  return n;
}

describe('real repositories', () => {
  for (const r of repos) {
    it(`${r.repo} (${r.languages})`, async () => {
      const dir = checkout(r);
      if (!dir) throw new Error(`${r.repo} not found under ${source}; set TWELVELINT_REAL_REPOS to a folder with owner+name checkouts or bare clones`);
      const t0 = performance.now();
      const run = await runCli(['--format', 'json', '--config', path.join(import.meta.dirname, '..', 'fuzz', 'strict.json'), dir], dir);
      const seconds = (performance.now() - t0) / 1000;
      expect(run.stderr).toBe('');
      expect([0, 1]).toContain(run.code);
      const result = JSON.parse(run.stdout) as { diagnostics: { code: string; message: string }[]; summary: { score: number; grade: string; swarm: { verdict: string }; counts: { error: number; warning: number; info: number; files: number } } };
      const internal = result.diagnostics.filter((d) => d.code === 'rule-crashed' || /internal/i.test(d.message));
      expect(internal).toEqual([]);
      const { counts } = result.summary;
      table.push(`| ${r.repo} | ${r.languages} | ${countFiles(dir)} | ${seconds.toFixed(1)} s | ${counts.error + counts.warning + counts.info} | ${result.diagnostics.length} | ${result.summary.grade} (${result.summary.score}) | ${result.summary.swarm.verdict} |`);
      expect(seconds).toBeLessThan(r.maxSeconds);
    }, 120_000);
  }

  it('prints the table for the README', () => {
    process.stdout.write(`\n| repository | languages | files | time | findings | diagnostics | grade | Swarm verdict |\n|---|---|---|---|---|---|---|---|\n${table.join('\n')}\n`);
  });
});
