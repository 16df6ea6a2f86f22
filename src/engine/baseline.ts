import { writeFileSync } from 'node:fs';
import { MAX_READ_BYTES, readNamedFile } from '../project/reader.js';
import type { AuditResult } from './result.js';
import { filterFindings } from './filter-results.js';

/**
 * A baseline accepts today's findings so that only new ones are reported (adopting twelvelint on
 * an existing repository). Entries are matched by rule, file and fingerprint, which survives line
 * moves and reformatting; matched findings move to suppressedMessages (kind "external"), entries
 * that match nothing any more are reported as stale so the file can shrink.
 */
export interface BaselineEntry {
  ruleId: string | null;
  filePath: string;
  fingerprint: string;
  /** For people reading the file; not used for matching. */
  message: string;
}

export interface Baseline {
  version: 1;
  tool: 'twelvelint';
  entries: BaselineEntry[];
}

export class BaselineError extends Error {}

function key(ruleId: string | null, filePath: string, fingerprint: string): string {
  return `${ruleId ?? ''}\0${filePath}\0${fingerprint}`;
}

export function readBaseline(file: string): Baseline {
  let data: unknown;
  try {
    // Bounded like every file twelvelint reads: a device or a huge file is an error, not a hang.
    data = JSON.parse(readNamedFile(file, MAX_READ_BYTES).toString('utf8'));
  } catch (error) {
    throw new BaselineError(`Cannot read baseline ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const entries = (data as { entries?: unknown })?.entries;
  if (!Array.isArray(entries) || !entries.every((e) => e && typeof e === 'object' && typeof (e as BaselineEntry).filePath === 'string' && typeof (e as BaselineEntry).fingerprint === 'string')) {
    throw new BaselineError(`Baseline ${file} is not a twelvelint baseline (expected {"entries": [{"ruleId", "filePath", "fingerprint"}]}); write one with --write-baseline`);
  }
  return { version: 1, tool: 'twelvelint', entries: entries as BaselineEntry[] };
}

export function baselineOf(results: readonly AuditResult[]): Baseline {
  const entries = results.flatMap((r) => r.results.flatMap((f) => f.messages.map((m) => ({ ruleId: m.ruleId, filePath: f.filePath, fingerprint: m.fingerprint, message: m.message }))));
  return { version: 1, tool: 'twelvelint', entries };
}

export function writeBaseline(file: string, results: readonly AuditResult[]): number {
  const baseline = baselineOf(results);
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
  return baseline.entries.length;
}

/** Moves baselined findings out of the report (counts follow); returns the entries nothing matched. */
export function applyBaseline(results: AuditResult[], baseline: Baseline): BaselineEntry[] {
  const remaining = new Map<string, BaselineEntry>();
  for (const e of baseline.entries) remaining.set(key(e.ruleId, e.filePath, e.fingerprint), e);
  for (const result of results) {
    filterFindings(
      result,
      (file, m) => !remaining.has(key(m.ruleId, file.filePath, m.fingerprint)),
      (file, m) => {
        remaining.delete(key(m.ruleId, file.filePath, m.fingerprint));
        file.suppressedMessages.push({ ...m, suppressions: [{ kind: 'external', justification: 'in the baseline' }] });
      },
    );
  }
  return [...remaining.values()];
}
