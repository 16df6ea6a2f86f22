import { runGit } from './git.js';

export class ChangedFilesError extends Error {}

/**
 * The files changed since a git ref, relative to `root`: committed changes since the ref,
 * uncommitted changes and untracked files. Without a ref: the merge base of HEAD with the
 * default branch (origin's HEAD, else main or master), as a pull request would compare.
 * git runs through runGit, with every command-running setting neutralised.
 */
export function changedFiles(root: string, ref?: string): { base: string; files: Set<string> } {
  const git = (args: string[]) => runGit(root, args, 30_000);
  try {
    git(['rev-parse', '--is-inside-work-tree']);
  } catch {
    throw new ChangedFilesError('--changed needs a git work tree');
  }
  const target = ref ?? defaultBranch(git);
  let base: string;
  try {
    base = git(['merge-base', 'HEAD', target]).trim();
  } catch {
    throw new ChangedFilesError(`--changed: cannot find a common ancestor of HEAD and ${target}${ref ? '' : ' (give a ref: --changed <ref>)'}`);
  }
  const files = new Set<string>();
  const add = (out: string) => {
    for (const p of out.split('\0')) if (p) files.add(p);
  };
  // --relative: paths from the audited folder, and only files inside it.
  add(git(['diff', '--name-only', '--no-renames', '--relative', '-z', base]));
  add(git(['ls-files', '--others', '--exclude-standard', '-z', '--', '.']));
  return { base, files };
}

function defaultBranch(git: (args: string[]) => string): string {
  try {
    return git(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']).trim();
  } catch {
    // no remote HEAD: fall through to local names
  }
  for (const name of ['origin/main', 'origin/master', 'main', 'master']) {
    try {
      git(['rev-parse', '--verify', '--quiet', `${name}^{commit}`]);
      return name;
    } catch {
      // try the next
    }
  }
  throw new ChangedFilesError('--changed: no default branch found (origin/HEAD, main or master); give a ref: --changed <ref>');
}
