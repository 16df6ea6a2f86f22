/**
 * Recognises URLs that point at source code in another repository (a git
 * remote or a source archive of a branch) and says whether the reference is
 * pinned (a tag, a version or a commit) or moving (a branch, the default branch).
 */

export interface RemoteSource {
  kind: 'git' | 'archive';
  /** The reference the URL names, when it names one. */
  ref?: string;
  /** True when the URL follows a branch: no reference (the default branch) or a branch-like name (main, master, develop, refs/heads/…). */
  moving: boolean;
}

const BRANCH_LIKE = /^(main|master|develop|development|dev|trunk|head|latest|stable|next|nightly|edge|release|staging|production|prod|default)$/i;

/**
 * A reference that follows a branch: none at all (the default branch) or a
 * conventional branch name. Tags, versions, commit hashes, variables and
 * names we cannot classify are not called moving: when unsure, stay quiet.
 */
export function isMovingRef(ref: string | undefined): boolean {
  if (ref === undefined || ref === '') return true;
  if (ref.includes('$')) return false;
  return BRANCH_LIKE.test(ref) || ref.startsWith('refs/heads/');
}

/** `https://github.com/o/r.git`, `git@github.com:o/r.git#v1`, `git://…`, `https://github.com/o/r.git#main:sub`. */
export function gitRemote(url: string): RemoteSource | undefined {
  const m = /^((?:git\+)?(?:https?|ssh|git):\/\/[^\s#]+?\.git|git@[^\s:#]+:[^\s#]+?(?:\.git)?|(?:https?:\/\/)?(?:github\.com|gitlab\.com|bitbucket\.org)\/[\w.-]+\/[\w.-]+?(?:\.git)?)\/?(?:#([^\s:]*)(?::\S*)?)?$/i.exec(url.trim());
  if (!m) return undefined;
  const ref = m[2] || undefined;
  return { kind: 'git', ref, moving: isMovingRef(ref) };
}

/** Source archives of a repository: GitHub/GitLab/Bitbucket/codeload archive and tarball URLs. */
export function sourceArchive(url: string): RemoteSource | undefined {
  const u = url.trim().replace(/[?#].*$/, '');
  let m = /^https?:\/\/(?:www\.)?github\.com\/[\w.-]+\/[\w.-]+\/archive\/(.+?)\.(tar\.gz|tgz|zip|tar\.bz2|tar\.xz|tar)$/i.exec(u);
  if (!m) m = /^https?:\/\/codeload\.github\.com\/[\w.-]+\/[\w.-]+\/(?:tar\.gz|zip|legacy\.tar\.gz|legacy\.zip)\/(.+)$/i.exec(u);
  if (!m) m = /^https?:\/\/[^/\s]+\/.+\/-\/archive\/([^/]+)\/[^/]+\.(tar\.gz|tgz|zip|tar\.bz2|tar)$/i.exec(u);
  if (!m) m = /^https?:\/\/(?:api\.)?github\.com\/(?:repos\/)?[\w.-]+\/[\w.-]+\/(?:tarball|zipball)(?:\/(.+))?$/i.exec(u);
  if (!m) m = /^https?:\/\/bitbucket\.org\/[\w.-]+\/[\w.-]+\/get\/(.+?)\.(tar\.gz|tgz|zip|tar\.bz2)$/i.exec(u);
  if (!m) return undefined;
  const ref = m[1] || undefined;
  if (ref?.startsWith('refs/heads/')) return { kind: 'archive', ref: ref.slice('refs/heads/'.length), moving: true };
  if (ref?.startsWith('refs/tags/')) return { kind: 'archive', ref: ref.slice('refs/tags/'.length), moving: false };
  return { kind: 'archive', ref, moving: isMovingRef(ref) };
}

/** Hides credentials in a URL (`https://user:token@host` → `https://***@host`). */
export function hideUrlCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/i, '$1***@');
}
