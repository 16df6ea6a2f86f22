/**
 * Seeded and reproducible: the same seed runs the same cases. A failure prints its seed and
 * path; rerun it with FUZZ_SEED=<seed>, then turn the counterexample into a test in
 * test/fuzz/regressions.test.ts (part of the quick suite).
 */
export const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);

/** FUZZ_SCALE=10 runs ten times as many cases (for a long local run). */
export function runs(n: number): number {
  return Math.max(1, Math.round(n * Number(process.env.FUZZ_SCALE ?? 1)));
}

/** Upper bound on one case: bad input must never make a loader or an audit hang. */
export const CASE_MS = 5_000;

export function within<T>(fn: () => T, limitMs = CASE_MS): T {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  if (ms > limitMs) throw new Error(`took ${Math.round(ms)} ms (limit ${limitMs} ms)`);
  return out;
}

export async function withinAsync<T>(fn: () => Promise<T>, limitMs = CASE_MS): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  const ms = performance.now() - t0;
  if (ms > limitMs) throw new Error(`took ${Math.round(ms)} ms (limit ${limitMs} ms)`);
  return out;
}
