import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { Diagnostic } from './diagnostics.js';

/**
 * The directory walk used outside a git work tree. Written here rather than taken from a
 * glob library because every name must come back exactly as it is on disk: glob matching
 * drops names with a newline and turns backslashes into separators, and a name that is not
 * UTF-8 cannot round-trip through a JS string at all (it gets a diagnostic instead of being
 * lost). Links are returned, not followed (discovery decides about them); .gitignore files
 * met on the way apply to their folder, as git would apply them.
 */
export interface WalkOptions {
  /** Globs (relative to the root) of files and folders to leave out. */
  ignorePatterns: readonly string[];
  diagnostics: Diagnostic[];
  /** Patterns that left something out are added here. */
  used?: Set<string>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const MAX_GITIGNORE_BYTES = 1_000_000;

/** Glob matching cannot see across a line break; match names with one as if it were a space. */
export function matchable(p: string): string {
  return p.replace(/[\n\r\u2028\u2029]/g, ' ');
}

/**
 * A matcher for ignore globs (relative to the audited folder) that records in `used` each pattern
 * that left something out, so a pattern that matches nothing can be named.
 */
export function ignoreMatcher(patterns: readonly string[], used?: Set<string>): (rel: string) => boolean {
  const matchers = patterns.map((p) => [p, picomatch(p, { dot: true })] as const);
  return (rel) => {
    const m = matchable(rel);
    for (const [p, match] of matchers) {
      if (match(m)) {
        used?.add(p);
        return true;
      }
    }
    return false;
  };
}

/** A name as it can be shown: bytes that are not UTF-8 as \xNN. */
export function printableName(name: Buffer): string {
  let out = '';
  let i = 0;
  while (i < name.length) {
    let taken = false;
    for (let len = 1; len <= 4 && i + len <= name.length; len++) {
      try {
        out += utf8.decode(name.subarray(i, i + len));
        i += len;
        taken = true;
        break;
      } catch {
        // not a complete character yet
      }
    }
    if (!taken) {
      out += `\\x${name[i].toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

export function decodeName(name: Buffer): string | undefined {
  try {
    return utf8.decode(name);
  } catch {
    return undefined;
  }
}

interface IgnoreScope {
  /** Folder of the .gitignore, relative to the root ('' for the root). */
  base: string;
  rules: Ignore;
}

export async function walk(root: string, options: WalkOptions): Promise<string[]> {
  const ignored = ignoreMatcher(options.ignorePatterns, options.used);
  const out: string[] = [];

  const isIgnored = (rel: string, isDir: boolean, scopes: readonly IgnoreScope[]): boolean => {
    if (ignored(rel) || (isDir && ignored(`${rel}/`))) return true;
    const m = matchable(rel);
    for (const scope of scopes) {
      const inner = scope.base ? m.slice(scope.base.length + 1) : m;
      if (!inner) continue;
      try {
        if (scope.rules.ignores(isDir ? `${inner}/` : inner)) return true;
      } catch {
        // A name the ignore library cannot express is simply not ignored.
      }
    }
    return false;
  };

  const visit = async (relDir: string, scopes: readonly IgnoreScope[]): Promise<void> => {
    const absDir = relDir ? path.join(root, relDir) : root;
    let entries;
    try {
      entries = await readdir(absDir, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      options.diagnostics.push({ code: 'unreadable', severity: 'warning', filePath: relDir || '.', message: `Cannot list folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      return;
    }
    const own = await gitignoreOf(absDir, relDir, entries.some((e) => e.name.equals(GITIGNORE)));
    const active = own ? [...scopes, own] : scopes;
    const subdirs: string[] = [];
    for (const entry of entries) {
      const name = decodeName(entry.name);
      const shown = relDir ? `${relDir}/${name ?? printableName(entry.name)}` : (name ?? printableName(entry.name));
      if (name === undefined) {
        options.diagnostics.push({ code: 'name-not-utf8', severity: 'warning', filePath: shown, message: `Skipped: the name is not UTF-8, so it cannot be read by name (rename it to audit it)` });
        continue;
      }
      const rel = shown;
      const isDir = entry.isDirectory();
      if (isIgnored(rel, isDir, active)) continue;
      if (isDir) subdirs.push(rel);
      else out.push(path.join(root, rel));
    }
    await Promise.all(subdirs.map((d) => visit(d, active)));
  };

  await visit('', []);
  return out;
}

const GITIGNORE = Buffer.from('.gitignore');

async function gitignoreOf(absDir: string, relDir: string, present: boolean): Promise<IgnoreScope | undefined> {
  if (!present) return undefined;
  const file = path.join(absDir, '.gitignore');
  try {
    // Regular files only (never a FIFO or a link out of the tree), and small.
    const info = await lstat(file);
    if (!info.isFile() || info.size > MAX_GITIGNORE_BYTES) return undefined;
    return { base: relDir, rules: ignore().add(await readFile(file, 'utf8')) };
  } catch {
    return undefined;
  }
}
