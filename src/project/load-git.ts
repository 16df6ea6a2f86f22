import type { GitFacts } from './model.js';
import { GitUnavailable, runGit } from './git.js';

/**
 * Git facts (is it a work tree, which files are tracked, the remotes), read through `runGit`,
 * which keeps the audited repository's config from running anything. A missing git binary or
 * a non-repository is a fact, not an error.
 */
export async function loadGit(root: string): Promise<GitFacts> {
  const facts: GitFacts = { isRepo: false, tracked: new Set(), remotes: [] };
  try {
    let inside = 'false';
    try {
      inside = runGit(root, ['rev-parse', '--is-inside-work-tree'], 15_000).trim();
    } catch (error) {
      if (error instanceof GitUnavailable) throw error;
    }
    if (inside !== 'true') return facts;
    facts.isRepo = true;
    // ls-files prints paths relative to the working directory (root).
    for (const p of runGit(root, ['ls-files', '-z', '--', '.'], 15_000).split('\0')) if (p) facts.tracked.add(p);
    try {
      facts.remotes = runGit(root, ['remote'], 15_000).split('\n').filter(Boolean);
    } catch {
      facts.remotes = [];
    }
  } catch (error) {
    facts.unavailable = error instanceof GitUnavailable ? error.message : (error as Error).message.split('\n')[0];
  }
  return facts;
}
