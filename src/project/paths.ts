/** Project-relative paths: forward slashes, `.` for the root, may start with `../`. */
import path from 'node:path';

export function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? p : p.slice(i + 1);
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : p.slice(0, i) || '/';
}

/** `dir` joined with `rel`, normalized; an absolute `rel` stays absolute. */
export function joinPath(dir: string, rel: string): string {
  // No trailing slash (`build: ../` from `docker/` is `.`, not `./`): paths are compared as strings.
  if (rel.startsWith('/')) return path.posix.normalize(rel).replace(/(.)\/+$/, '$1');
  const joined = path.posix.normalize(path.posix.join(dir === '.' ? '' : dir, rel)).replace(/\/+$/, '');
  return joined === '' || joined === '.' ? '.' : joined;
}

/** True when `p` is `dir` or inside it. */
export function isInside(p: string, dir: string): boolean {
  if (dir === '.' || dir === '') return !p.startsWith('../') && !p.startsWith('/');
  return p === dir || p.startsWith(`${dir}/`);
}

/** `a/b/c` → [`a/b/c`, `a/b`, `a`, `.`]. */
export function selfAndAncestors(dir: string): string[] {
  const out: string[] = [];
  let d = dir === '' ? '.' : dir;
  for (;;) {
    out.push(d);
    if (d === '.' || d === '/') break;
    d = dirname(d);
  }
  return out;
}
