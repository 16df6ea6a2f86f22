import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectFile } from './model.js';
import { classify } from './classify.js';
import type { Diagnostic } from './diagnostics.js';
import { runGit, runGitRaw } from './git.js';
import { decodeName, ignoreMatcher, printableName, walk } from './walk.js';
import { DEFAULT_LIMITS } from './limits.js';

export const DEFAULT_IGNORES = [
  '**/node_modules/**',
  '**/vendor/**',
  '**/dist/**',
  '**/build/**',
  '**/coverage/**',
  '**/.git/**',
  '**/.venv/**',
  '**/venv/**',
  '**/target/**',
  '**/__pycache__/**',
];

export interface DiscoverOptions {
  ignorePatterns: readonly string[];
  /** At most this many files are kept (limits.maxFiles). */
  maxFiles?: number;
}

export interface Discovery {
  root: string;
  files: ProjectFile[];
  /** YAML files whose name does not say "compose": checked by content at load time. */
  maybeCompose: Set<string>;
  diagnostics: Diagnostic[];
  singleFiles: boolean;
}

/** User ignore patterns that left out no file (usually written relative to the wrong folder). */
function unusedIgnoreDiagnostics(patterns: readonly string[], used: ReadonlySet<string>, root: string): Diagnostic[] {
  return patterns.filter((p) => !used.has(p)).map((p) => ({ code: 'ignore-pattern-unused', severity: 'info' as const, message: `Ignore pattern "${p}" matched no file; patterns are relative to the audited folder (${root})` }));
}

export class UsageError extends Error {}

/**
 * Inside a git work tree, git already knows the files and the ignore rules: `git ls-files`
 * (tracked + untracked, not ignored) takes milliseconds where a .gitignore-aware walk takes
 * hundreds (outline: ~20 vs ~390 ms). Default and user ignores still apply. Outside a work
 * tree, or when git is missing, walk.ts walks the directory.
 */
function gitListing(dir: string, root: string, ignorePatterns: readonly string[], diagnostics: Diagnostic[], used: Set<string>): string[] | undefined {
  let out: Buffer;
  try {
    out = runGitRaw(dir, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  } catch {
    return undefined;
  }
  const listed: string[] = [];
  for (const raw of splitNul(out)) {
    const name = decodeName(raw);
    if (name !== undefined) listed.push(name);
    else diagnostics.push({ code: 'name-not-utf8', severity: 'warning', filePath: toPosix(path.relative(root, path.join(dir, printableName(raw)))), message: 'Skipped: the name is not UTF-8, so it cannot be read by name (rename it to audit it)' });
  }
  // Submodules and embedded repositories (gitlinks, mode 160000) hide their files from ls-files: walk instead.
  try {
    const staged = runGit(dir, ['ls-files', '-z', '--stage']);
    if (staged.split('\0').some((l) => l.startsWith('160000 '))) return undefined;
  } catch {
    return undefined;
  }
  // Nothing listed: the directory is ignored by an enclosing repository (or empty); walk it instead.
  // A nested repository shows up as one `dir/` entry: walk too, so its files are seen.
  if (listed.length === 0 || listed.some((p) => p.endsWith('/'))) return undefined;
  const byDefault = ignoreMatcher(DEFAULT_IGNORES);
  const byUser = ignoreMatcher(ignorePatterns, used);
  return [...new Set(listed)].filter((p) => p && !byDefault(p) && !byUser(p)).map((p) => path.join(dir, p)).sort();
}

function splitNul(buffer: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = buffer.indexOf(0, start); i !== -1; i = buffer.indexOf(0, start)) {
    if (i > start) out.push(buffer.subarray(start, i));
    start = i + 1;
  }
  if (start < buffer.length) out.push(buffer.subarray(start));
  return out;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function commonDir(dirs: string[]): string {
  let common = dirs[0];
  for (const d of dirs.slice(1)) {
    while (!(d === common || d.startsWith(common.endsWith(path.sep) ? common : common + path.sep))) {
      const parent = path.dirname(common);
      if (parent === common) break;
      common = parent;
    }
  }
  return common;
}

export interface ResolvedInputs {
  root: string;
  inputs: { abs: string; isDir: boolean }[];
}

/** Checks the paths the user gave and picks the root: their deepest common directory. */
export async function resolveInputs(paths: readonly string[], cwd: string): Promise<ResolvedInputs> {
  const given = paths.length > 0 ? paths : ['.'];
  const inputs: { abs: string; isDir: boolean }[] = [];
  for (const input of given) {
    const abs = path.resolve(cwd, input);
    let info;
    try {
      info = await stat(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new UsageError(`No such file or directory: ${input}`);
      if (code === 'ELOOP') throw new UsageError(`Symbolic link loop: ${input}`);
      throw new UsageError(`Cannot read ${input}: ${(error as Error).message}`);
    }
    inputs.push({ abs: await realpath(abs), isDir: info.isDirectory() });
  }
  return { root: commonDir(inputs.map((r) => (r.isDir ? r.abs : path.dirname(r.abs)))), inputs };
}

export async function discover(resolvedInputs: ResolvedInputs, options: DiscoverOptions): Promise<Discovery> {
  const { root, inputs: resolved } = resolvedInputs;
  const diagnostics: Diagnostic[] = [];
  const files: ProjectFile[] = [];
  const maybeCompose = new Set<string>();
  const seen = new Set<string>();
  const maxFiles = options.maxFiles ?? DEFAULT_LIMITS.maxFiles;
  const usedIgnores = new Set<string>();
  let over = false;

  const add = async (abs: string, explicit: boolean) => {
    const rel = toPosix(path.relative(root, abs)) || path.basename(abs);
    if (seen.has(rel)) return;
    seen.add(rel);
    let info;
    try {
      info = await lstat(abs);
      if (info.isSymbolicLink()) {
        // Follow a link only when it stays inside the root and points at a file.
        let target: string;
        try {
          target = await realpath(abs);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          diagnostics.push({ code: 'symlink-skipped', severity: 'warning', filePath: rel, message: code === 'ELOOP' ? 'Symbolic link loop; skipped' : 'Broken symbolic link; skipped' });
          return;
        }
        if (target !== root && !target.startsWith(root + path.sep)) {
          diagnostics.push({ code: 'symlink-skipped', severity: 'warning', filePath: rel, message: 'Symbolic link points outside the audited directory; not followed' });
          return;
        }
        info = await stat(target);
        if (!info.isFile()) return;
      }
    } catch (error) {
      diagnostics.push({ code: 'unreadable', severity: 'warning', filePath: rel, message: `Cannot read file: ${(error as Error).message}` });
      return;
    }
    if (!info.isFile()) return;
    const c = classify(rel);
    if (c.kind === 'other' && !c.maybeCompose && !explicit) {
      files.push({ path: rel, absPath: abs, kind: 'other', size: info.size });
      return;
    }
    if (c.maybeCompose) maybeCompose.add(rel);
    if (explicit && c.kind === 'other' && /\.ya?ml$/i.test(rel)) {
      // A YAML file named on the command line is audited as a compose file.
      files.push({ path: rel, absPath: abs, kind: 'compose', size: info.size });
      maybeCompose.delete(rel);
      return;
    }
    files.push({ path: rel, absPath: abs, kind: c.kind, size: info.size, subtype: c.subtype });
  };

  for (const r of resolved) {
    if (!r.isDir) {
      await add(r.abs, true);
      continue;
    }
    const listingDiagnostics: Diagnostic[] = [];
    let entries = gitListing(r.abs, root, options.ignorePatterns, listingDiagnostics, usedIgnores);
    if (!entries) {
      listingDiagnostics.length = 0;
      entries = await walk(r.abs, { ignorePatterns: [...DEFAULT_IGNORES, ...options.ignorePatterns], diagnostics: listingDiagnostics, used: usedIgnores });
      // The walk names files relative to the folder it walked; diagnostics speak from the root.
      const prefix = toPosix(path.relative(root, r.abs));
      for (const d of listingDiagnostics) if (prefix && d.filePath) d.filePath = d.filePath === '.' ? prefix : `${prefix}/${d.filePath}`;
    }
    diagnostics.push(...listingDiagnostics);
    entries.sort();
    // lstat/realpath calls overlap: discovery of thousands of files is I/O-latency bound.
    await Promise.all(entries.slice(0, maxFiles + 1).map((abs) => add(abs, false)));
    if (entries.length > maxFiles + 1) over = true;
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (resolved.some((r) => r.isDir)) diagnostics.push(...unusedIgnoreDiagnostics(options.ignorePatterns, usedIgnores, root));
  if (over || files.length > maxFiles) {
    const first = files[maxFiles]?.path;
    files.length = Math.min(files.length, maxFiles);
    diagnostics.push({
      code: 'too-many-files',
      severity: 'warning',
      ...(first ? { filePath: first } : {}),
      message: `More than ${maxFiles} files (limits.maxFiles): only the first ${maxFiles} in path order are audited${first ? `, from ${first} on nothing is read` : ''}`,
    });
  }
  return { root, files, maybeCompose, diagnostics, singleFiles: resolved.every((r) => !r.isDir) };
}

/**
 * Discovery of an in-memory project (tests): every given path, classified as on disk.
 * `paths` audits only those files, as naming files on the command line does.
 */
export function discoverMemory(files: Readonly<Record<string, string>>, paths?: readonly string[]): Discovery {
  const root = '/memory';
  const explicit = paths && paths.length > 0 && paths.every((p) => p in files) ? new Set(paths.map((p) => p.replace(/^\.\//, ''))) : undefined;
  const out: ProjectFile[] = [];
  const maybeCompose = new Set<string>();
  for (const rel of Object.keys(files).sort()) {
    if (explicit && !explicit.has(rel)) continue;
    const size = Buffer.byteLength(files[rel]);
    const c = classify(rel);
    if (explicit && c.kind === 'other' && /\.ya?ml$/i.test(rel)) {
      out.push({ path: rel, absPath: `${root}/${rel}`, kind: 'compose', size });
      continue;
    }
    if (c.maybeCompose) maybeCompose.add(rel);
    out.push({ path: rel, absPath: `${root}/${rel}`, kind: c.kind, size, ...(c.subtype ? { subtype: c.subtype } : {}) });
  }
  return { root, files: out, maybeCompose, diagnostics: [], singleFiles: explicit !== undefined };
}
