import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { main } from './cli.js';
import type { AuditResult } from './engine/result.js';

/**
 * The GitHub Action's entry point (action.yml). Inputs come as INPUT_<NAME> variables; the audit
 * is the CLI's (same flags, same exit code), outputs go to $GITHUB_OUTPUT, annotations to the log,
 * the Markdown summary to $GITHUB_STEP_SUMMARY.
 */
export function input(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function flag(name: string, env: NodeJS.ProcessEnv, fallback: boolean): boolean {
  const value = input(name, env).toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', 'on', '1'].includes(value)) return true;
  if (['false', 'no', 'off', '0'].includes(value)) return false;
  throw new Error(`Input "${name}" must be true or false, got "${value}"`);
}

/** name=value lines in $GITHUB_OUTPUT; a value with a newline uses the heredoc form GitHub documents. */
export function setOutput(name: string, value: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  if (value.includes('\n')) {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
  } else appendFileSync(file, `${name}=${value}\n`);
}

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const scratch = mkdtempSync(path.join(tmpdir(), 'twelvelint-action-'));
  try {
    const paths = input('path', env).split(/\s+/).filter(Boolean);
    const jsonFile = path.join(scratch, 'result.json');
    const argv = [...(paths.length ? paths : ['.']), '--format', `json=${jsonFile}`];
    const format = input('format', env);
    if (format) argv.push('--format', format);
    const annotations = flag('annotations', env, true);
    const summary = flag('summary', env, true);
    if (annotations) argv.push('--format', `github=${path.join(scratch, 'annotations.txt')}`);
    // Without annotations, the summary comes from the markdown format (the github format writes it otherwise).
    const markdownFile = path.join(scratch, 'summary.md');
    if (summary && !annotations) argv.push('--format', `markdown=${markdownFile}`);
    const sarifFile = input('sarif-file', env);
    if (sarifFile) argv.push('--format', `sarif=${path.resolve(workspace, sarifFile)}`);
    if (input('config', env)) argv.push('--config', input('config', env));
    if (input('fail-on', env)) argv.push('--fail-on', input('fail-on', env));
    if (input('fail-on-verdict', env)) argv.push('--fail-on-verdict', input('fail-on-verdict', env));
    if (input('baseline', env)) argv.push('--baseline', input('baseline', env));
    for (const stack of input('stack', env).split(/\s+/).filter(Boolean)) argv.push('--stack', stack);
    if (!format) argv.push('--no-color');

    // The github format appends the summary to $GITHUB_STEP_SUMMARY itself: hidden from it when not wanted.
    const saved = process.env.GITHUB_STEP_SUMMARY;
    if (!summary || !annotations) delete process.env.GITHUB_STEP_SUMMARY;
    let code: number;
    try {
      code = await main(argv, workspace);
    } finally {
      if (saved !== undefined) process.env.GITHUB_STEP_SUMMARY = saved;
    }
    // Annotations are workflow commands: they must reach the log (stdout) to become annotations.
    if (annotations) {
      try {
        process.stdout.write(readFileSync(path.join(scratch, 'annotations.txt'), 'utf8'));
      } catch {
        // The audit failed before writing them; its error is already on stderr.
      }
    }
    if (summary && !annotations && env.GITHUB_STEP_SUMMARY) {
      try {
        appendFileSync(env.GITHUB_STEP_SUMMARY, readFileSync(markdownFile, 'utf8'));
      } catch {
        // No report was written (the audit failed); its error is already on stderr.
      }
    }
    let parsed: AuditResult | AuditResult[] | undefined;
    try {
      parsed = JSON.parse(readFileSync(jsonFile, 'utf8')) as AuditResult | AuditResult[];
    } catch {
      parsed = undefined;
    }
    if (parsed) {
      const results = Array.isArray(parsed) ? parsed : [parsed];
      const first = results[0];
      setOutput('score', first.summary.score === null ? '' : String(first.summary.score), env);
      setOutput('grade', first.summary.grade ?? '', env);
      setOutput('verdict', first.summary.swarm.verdict, env);
      setOutput('findings', String(results.reduce((n, r) => n + r.summary.counts.error + r.summary.counts.warning + r.summary.counts.info, 0)), env);
      if (sarifFile) setOutput('sarif-file', path.resolve(workspace, sarifFile), env);
    }
    return code;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
