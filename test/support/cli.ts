import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/twelvelint.js');
export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in this process through `main(argv)`, capturing what it writes, with
 * `NO_COLOR=1` and the given environment. (One smoke test spawns the built binary: `spawnCli`.)
 */
export async function runCli(args: string[], cwd = ROOT, env: Record<string, string> = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  const saved = new Map<string, string | undefined>();
  for (const [k, v] of Object.entries({ NO_COLOR: '1', ...env })) {
    saved.set(k, process.env[k]);
    process.env[k] = v;
  }
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(args, cwd);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

export async function runJson(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = await runCli([...args, '--format', 'json'], cwd, env);
  return { ...r, json: JSON.parse(r.stdout) };
}

/** Runs the built CLI as a user would, in a child process (npm test builds first). */
export function spawnCli(args: string[], cwd = ROOT, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60000, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
