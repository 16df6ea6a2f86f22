import { simpleGit } from 'simple-git';
import type { GitFacts } from './model.js';

/** Git facts via simple-git; a missing git binary or a non-repository is a fact, not an error. */
export async function loadGit(root: string): Promise<GitFacts> {
  const facts: GitFacts = { isRepo: false, tracked: new Set(), remotes: [] };
  try {
    const git = simpleGit({ baseDir: root, maxConcurrentProcesses: 2, timeout: { block: 15000 } });
    const version = await git.version();
    if (!version.installed) {
      facts.unavailable = 'git is not installed';
      return facts;
    }
    const inside = await git.raw(['rev-parse', '--is-inside-work-tree']).catch(() => 'false');
    if (inside.trim() !== 'true') return facts;
    facts.isRepo = true;
    const listed = await git.raw(['ls-files', '-z', '--', '.']);
    for (const p of listed.split('\0')) {
      if (!p) continue;
      // ls-files prints paths relative to the working directory (root).
      facts.tracked.add(p);
    }
    const remotes = await git.getRemotes(true).catch(() => []);
    facts.remotes = remotes.map((r) => r.name);
  } catch (error) {
    facts.unavailable = (error as Error).message.split('\n')[0];
  }
  return facts;
}
