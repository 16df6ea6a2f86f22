import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/engine/fix.js';
import { runCli } from '../support/cli.js';

const range = (line: number, column: number, endLine: number, endColumn: number) => ({ line, column, endLine, endColumn });

describe('applyFixes', () => {
  it('applies edits by position, leaves every other byte alone, and skips an edit that overlaps an earlier one', () => {
    const text = 'FROM node:22\r\nCMD node server.js\r\n# tail\n';
    const { output, applied, skipped } = applyFixes(text, [
      { range: range(2, 5, 2, 19), text: '["node", "server.js"]' },
      { range: range(2, 10, 2, 12), text: 'XX' },
    ]);
    expect(output).toBe('FROM node:22\r\nCMD ["node", "server.js"]\r\n# tail\n');
    expect([applied, skipped]).toEqual([1, 1]);
  });

  it('is idempotent: an edit whose text is already there changes nothing', () => {
    const text = 'RUN npm ci\n';
    expect(applyFixes(text, [{ range: range(1, 9, 1, 11), text: 'ci' }])).toEqual({ output: text, applied: 0, skipped: 0 });
  });

  it('ignores an edit outside the text', () => {
    expect(applyFixes('a\n', [{ range: range(5, 1, 5, 2), text: 'x' }]).applied).toBe(0);
  });
});

describe('--fix and --fix-dry-run', () => {
  const project = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'twelvelint-fix-'));
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM node:22.11-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm install --omit=dev\nCOPY . .\nUSER node\nCMD node server.js\n');
    writeFileSync(path.join(dir, 'package.json'), '{"name":"x","version":"1.0.0","dependencies":{"express":"^4.21.0"},"scripts":{"start":"node server.js"}}\n');
    writeFileSync(path.join(dir, 'package-lock.json'), '{"name":"x","lockfileVersion":3,"packages":{}}\n');
    writeFileSync(path.join(dir, 'server.js'), "require('http').createServer().listen(3000);\n");
    return dir;
  };
  const capture = (argv: string[], dir: string) => runCli(argv, dir);

  it('--fix-dry-run prints a unified diff and changes nothing; exit 1 when there is something to fix', async () => {
    const dir = project();
    const before = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
    const { code, stdout } = await capture(['--fix-dry-run', '.'], dir);
    expect(code).toBe(1);
    expect(stdout).toContain('--- a/Dockerfile\n+++ b/Dockerfile\n');
    expect(stdout).toContain('-RUN npm install --omit=dev\n+RUN npm ci --omit=dev\n');
    expect(stdout).toContain('-CMD node server.js\n+CMD ["node", "server.js"]\n');
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(before);
  });

  it('--fix rewrites in place, the findings are gone on the next audit, nothing else changed, and a second run is a no-op', async () => {
    const dir = project();
    const first = await capture(['--fix', '-f', 'json', '.'], dir);
    expect(first.stderr).toContain('applied 2 fixes in 1 file');
    const after = readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
    expect(after).toBe('FROM node:22.11-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n');
    const rules = (JSON.parse(first.stdout) as { results: { messages: { ruleId: string }[] }[] }).results.flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(rules).not.toContain('disposability/shell-form-command');
    expect(rules).not.toContain('dependencies/install-without-lockfile');
    const second = await capture(['--fix', '-f', 'json', '.'], dir);
    expect(second.stderr).not.toContain('applied');
    expect(readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe(after);
    const dry = await capture(['--fix-dry-run', '.'], dir);
    expect([dry.code, dry.stdout]).toEqual([0, '']);
  });

  it('a symlinked Dockerfile (which could point outside the project) is not written', async () => {
    const dir = project();
    const outside = mkdtempSync(path.join(tmpdir(), 'twelvelint-outside-'));
    writeFileSync(path.join(outside, 'Dockerfile'), 'FROM node:22.11-slim\nCMD node other.js\n');
    mkdirSync(path.join(dir, 'svc'));
    symlinkSync(path.join(outside, 'Dockerfile'), path.join(dir, 'svc', 'Dockerfile'));
    await capture(['--fix', '.'], dir);
    expect(readFileSync(path.join(outside, 'Dockerfile'), 'utf8')).toBe('FROM node:22.11-slim\nCMD node other.js\n');
  });

  it('restart becomes deploy.restart_policy where the service has no deploy key; the file then has no restart finding', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'twelvelint-fix-'));
    const stack = 'services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n  job:\n    image: busybox:1.36\n    restart: on-failure:3\n  once:\n    image: busybox:1.36\n    restart: "no"\n  tuned:\n    image: busybox:1.36\n    restart: always # keep\n    deploy:\n      replicas: 2\n';
    writeFileSync(path.join(dir, 'docker-stack.yml'), stack);
    await capture(['--fix', '.'], dir);
    expect(readFileSync(path.join(dir, 'docker-stack.yml'), 'utf8')).toBe(
      'services:\n  web:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        condition: any\n  job:\n    image: busybox:1.36\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 3\n  once:\n    image: busybox:1.36\n    deploy:\n      restart_policy:\n        condition: none\n  tuned:\n    image: busybox:1.36\n    restart: always # keep\n    deploy:\n      replicas: 2\n',
    );
  });

  it('in a stack file, keys Swarm ignores or deprecates are removed, whole lines only; a compose file keeps them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'twelvelint-fix-'));
    const stack = 'services:\n  web:\n    image: nginx:1.27\n    container_name: web\n    links:\n      - db\n      - cache\n    expose:\n      - "80"\n    ports:\n      - "8080:80"\n  db: {image: "postgres:16.4", container_name: db}\n';
    writeFileSync(path.join(dir, 'docker-stack.yml'), stack);
    writeFileSync(path.join(dir, 'docker-compose.yml'), 'services:\n  web:\n    image: nginx:1.27\n    container_name: web\n');
    await capture(['--fix', '.'], dir);
    expect(readFileSync(path.join(dir, 'docker-stack.yml'), 'utf8')).toBe('services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n  db: {image: "postgres:16.4", container_name: db}\n');
    expect(readFileSync(path.join(dir, 'docker-compose.yml'), 'utf8')).toBe('services:\n  web:\n    image: nginx:1.27\n    container_name: web\n');
  });

  it('cannot be combined with --stdin', async () => {
    const dir = project();
    const { code, stderr } = await capture(['--fix', '--stdin', '--stdin-filename', 'Dockerfile', '.'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot be used with --stdin/);
  });
});
