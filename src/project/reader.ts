/**
 * The one way project files are read after discovery. The audit reads the disk through
 * `diskReader`; tests read in-memory projects through `memoryReader`, with no temporary
 * directory, no git and no discovery walk.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface FileReader {
  /** The content of a project file (project-relative path); throws an error with a `code` when it cannot be read. */
  read(rel: string): Buffer;
  /** Whether a project-relative path exists. */
  exists(rel: string): boolean;
  /** The names in a project directory (for files discovery did not list, such as git-ignored env templates); [] when unreadable. */
  list(relDir: string): string[];
}

export function diskReader(root: string): FileReader {
  const abs = (rel: string) => path.resolve(root, rel);
  return {
    // Synchronous reads of small files beat the promise API's thread-pool round trips (outline: 56 vs 311 ms).
    read: (rel) => readFileSync(abs(rel)),
    exists: (rel) => existsSync(abs(rel)),
    list(relDir) {
      try {
        return readdirSync(abs(relDir));
      } catch {
        return [];
      }
    },
  };
}

export function memoryReader(files: Readonly<Record<string, string>>): FileReader {
  const norm = (rel: string) => rel.replace(/^\.\//, '');
  const dirs = new Set<string>(['.']);
  for (const p of Object.keys(files)) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  return {
    read(rel) {
      const text = files[norm(rel)];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${rel}`), { code: 'ENOENT' });
      return Buffer.from(text);
    },
    exists: (rel) => norm(rel) in files || dirs.has(norm(rel)),
    list(relDir) {
      const prefix = relDir === '.' || relDir === '' ? '' : `${norm(relDir)}/`;
      const names = new Set<string>();
      for (const p of Object.keys(files)) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
      return [...names];
    },
  };
}
