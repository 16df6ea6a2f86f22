import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/engine/run.js';
import { resolveConfig } from '../../src/engine/config.js';
import { discoverMemory } from '../../src/project/discover.js';
import { memoryReader } from '../../src/project/reader.js';
import type { GitFacts } from '../../src/project/model.js';
import type { AuditResult } from '../../src/engine/result.js';
import type { AnyRule } from '../../src/rules/rule.js';
import type { Finding } from '../../src/engine/result.js';

export interface CaseFiles {
  [relativePath: string]: string;
}

export interface LintOptions {
  /** Make the directory a git repository with every file committed. */
  git?: boolean;
  /** Files to leave untracked (written after the commit). */
  untracked?: CaseFiles;
  env?: Record<string, string>;
  /** Audit these paths (relative to the case directory) instead of the directory. */
  paths?: string[];
}

/** Writes a small project to a temporary directory. */
export function writeProject(files: CaseFiles, options: LintOptions = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'twelvelint-'));
  const write = (set: CaseFiles) => {
    for (const [rel, text] of Object.entries(set)) {
      const abs = path.join(dir, rel);
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  };
  write(files);
  if (options.git) {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'fixture', '--allow-empty');
  }
  if (options.untracked) write(options.untracked);
  return dir;
}

/** Audits an in-memory project with the given rules enabled at their default severity: no temporary directory, no git, no walk. */
export async function auditFiles(rules: readonly AnyRule[], files: CaseFiles, options: LintOptions = {}): Promise<AuditResult> {
  const all: CaseFiles = { ...files, ...(options.untracked ?? {}) };
  const discovery = discoverMemory(all, options.paths?.filter((p) => p !== '.'));
  const config = resolveConfig({ config: {}, source: null }, rules, Object.fromEntries(rules.map((r) => [r.id, r.severity])), []);
  const git: GitFacts = options.git ? { isRepo: true, tracked: new Set(Object.keys(files)), remotes: [] } : { isRepo: false, tracked: new Set(), remotes: [] };
  const { result } = await analyse({ discovery, config, catalogue: rules, reader: memoryReader(all), git, deployEnv: new Map(Object.entries(options.env ?? {})) });
  return result;
}

/** The reported findings of an in-memory project, in report order. */
export async function lintFiles(rules: readonly AnyRule[], files: CaseFiles, options: LintOptions = {}): Promise<Finding[]> {
  const result = await auditFiles(rules, files, options);
  return result.results.flatMap((r) => r.messages.map((m) => ({ ...m, filePath: r.filePath, severity: m.level }) as unknown as Finding));
}

export interface ExpectedFinding {
  file: string;
  line: number;
  column?: number;
  messageId?: string;
  /** Substring the message must contain. */
  message?: string | RegExp;
  severity?: 'error' | 'warning' | 'info';
}

export interface ValidCase extends LintOptions {
  name: string;
  files: CaseFiles;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
}

/** ESLint-style rule tests: every valid case yields nothing, every invalid case exactly the listed findings. */
export function ruleTester(rule: AnyRule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    for (const c of cases.valid) {
      it(`leaves alone: ${c.name}`, async () => {
        const findings = (await lintFiles([rule], c.files, c)).filter((f) => f.ruleId === rule.id);
        expect(findings.map((f) => `${f.filePath}:${f.line}:${f.column} ${f.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`catches: ${c.name}`, async () => {
        const findings = (await lintFiles([rule], c.files, c)).filter((f) => f.ruleId === rule.id);
        const actual = findings.map((f) => ({ file: f.filePath, line: f.line, column: f.column, messageId: f.messageId, message: f.message, severity: f.severity }));
        expect(actual.length, JSON.stringify(actual, null, 2)).toBe(c.errors.length);
        c.errors.forEach((e, i) => {
          const a = actual[i];
          expect(a.file).toBe(e.file);
          expect(a.line).toBe(e.line);
          if (e.column !== undefined) expect(a.column).toBe(e.column);
          if (e.messageId !== undefined) expect(a.messageId).toBe(e.messageId);
          if (e.message !== undefined) expect(a.message).toMatch(e.message);
          if (e.severity !== undefined) expect(a.severity).toBe(e.severity);
        });
      });
    }
  });
}
