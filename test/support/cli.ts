import { spawnSync } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/twelvelint.js');
export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would (npm test builds first). */
export function runCli(args: string[], cwd = ROOT, env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60000, env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runJson(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = runCli([...args, '--format', 'json'], cwd, env);
  return { ...r, json: JSON.parse(r.stdout) };
}
