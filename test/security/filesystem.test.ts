import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson } from '../support/cli.js';
import { writeProject } from '../support/rule-tester.js';

/**
 * Nothing outside the audited directory is read, no FIFO or device is opened, and a huge file
 * behind an innocent name is not read whole: each is skipped with a diagnostic and the run goes on.
 */
const app = {
  Dockerfile: 'FROM node:20.11-slim\nCOPY . .\nCMD ["node", "server.js"]\n',
  'package.json': JSON.stringify({ name: 'app', dependencies: { express: '4.19.2' } }),
  'package-lock.json': '{}',
  // Reads an env variable so that env templates are read as documentation.
  'server.js': "const port = process.env.OUTSIDE_ONLY_NAME;\nrequire('express')().listen(port);\n",
};

const diagnosticsFor = (json: { diagnostics: { filePath?: string; code: string; message: string }[] }, file: string) => json.diagnostics.filter((d) => d.filePath === file);

describe('the audit reads only regular files inside the audited directory', () => {
  it('an env template that links outside the root is not read (its variables do not count)', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'twelvelint-outside-'));
    try {
      writeFileSync(path.join(outside, 'secrets.env'), 'OUTSIDE_ONLY_NAME=3000\n');
      const dir = writeProject({ ...app, '.gitignore': '.env*\n' });
      symlinkSync(path.join(outside, 'secrets.env'), path.join(dir, '.env.example'));
      const { json } = await runJson(['.'], dir);
      // Had the link been followed, OUTSIDE_ONLY_NAME would be documented and the finding would be gone.
      const unset = json.results.flatMap((r: { messages: { ruleId: string; message: string }[] }) => r.messages).filter((m: { ruleId: string; message: string }) => m.ruleId === 'config/unset-env-in-code');
      expect(unset.some((m: { message: string }) => m.message.includes('OUTSIDE_ONLY_NAME'))).toBe(true);
      expect(diagnosticsFor(json, '.env.example').map((d) => d.message).join()).toMatch(/outside the audited directory|not followed/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a FIFO named .env.example does not block the run', async () => {
    const dir = writeProject({ ...app, '.gitignore': '.env*\n' });
    execFileSync('mkfifo', [path.join(dir, '.env.example')]);
    const started = Date.now();
    const { code, json } = await runJson(['.'], dir);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(code).not.toBe(2);
    expect(diagnosticsFor(json, '.env.example').length).toBeGreaterThan(0);
  }, 30_000);

  it('a link to /dev/zero is not read', async () => {
    const dir = writeProject({ ...app, '.gitignore': '.env*\n' });
    symlinkSync('/dev/zero', path.join(dir, '.env.example'));
    const started = Date.now();
    const { code } = await runJson(['.'], dir);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(code).not.toBe(2);
  }, 30_000);

  it('a huge git-ignored env template is skipped by size, not read whole', async () => {
    const dir = writeProject({ ...app, '.gitignore': '.env*\n' });
    const fd = openSync(path.join(dir, '.env.example'), 'w');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    const { json } = await runJson(['.'], dir);
    expect(diagnosticsFor(json, '.env.example').map((d) => d.message).join()).toMatch(/MB is over the .* limit/);
  }, 30_000);
});
