import type { Diagnostic } from './diagnostics.js';

/**
 * Bounds on what one audit reads, so that no repository can make a run slow or large:
 * every limit is configurable (`limits` in the config) and hitting one gives a diagnostic
 * that names the file and the limit.
 */
export interface Limits {
  /** Bytes; larger files are skipped (64 MB is the reader's hard cap whatever this says). */
  maxFileSize: number;
  /** Files discovered; the rest (in path order) are not audited. */
  maxFiles: number;
  /** Nesting levels of YAML collections (compose files); deeper files are not read. */
  maxDepth: number;
  /** Milliseconds one file may take to parse and reduce before a diagnostic says so. */
  maxFileMs: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  maxFileSize: 2_000_000,
  maxFiles: 200_000,
  maxDepth: 128,
  maxFileMs: 2_000,
};

/** Names as they appear in the config, for messages. */
export function limitName(key: keyof Limits): string {
  return `limits.${key}`;
}

/** A parser that ran out of stack on deep nesting says so in words that name the limit. */
export function describeOverflow(error: unknown): string | undefined {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'nested too deeply to parse (the parser ran out of call stack)';
  return undefined;
}

/**
 * A file that took longer than limits.maxFileMs to parse is named. Size, depth and alias
 * limits bound the work, so the parse finished: the diagnostic says where the time went
 * and the file's findings are kept.
 */
export function slowFile(file: string, ms: number, limits: Limits, diagnostics: Diagnostic[]): void {
  if (ms <= limits.maxFileMs) return;
  diagnostics.push({ code: 'file-slow', severity: 'info', filePath: file, message: `Took ${Math.round(ms)} ms to read, over the ${limits.maxFileMs} ms limit (${limitName('maxFileMs')}); its findings are kept` });
}
