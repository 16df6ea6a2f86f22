import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { runCli, runJson } from './support/cli.js';
import { writeProject } from './support/rule-tester.js';

const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }).toString();
const files = (json: { results: { filePath: string; messages: unknown[] }[] }) => json.results.filter((r) => r.messages.length).map((r) => r.filePath).sort();

async function withStdin(args: string[], cwd: string, text: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const [o, e] = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((c: string) => (out.push(String(c)), true)) as typeof process.stdout.write;
  process.stderr.write = ((c: string) => (err.push(String(c)), true)) as typeof process.stderr.write;
  try {
    const code = await main(args, cwd, { readStdin: async () => text });
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

describe('--changed', () => {
  it('reports only findings in files changed since the merge base with the default branch, uncommitted and untracked included', async () => {
    const dir = writeProject({ Dockerfile: 'FROM node:latest\n', 'api/Dockerfile': 'FROM node:latest\n', 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n' }, { git: true });
    git(dir, 'branch', '-M', 'main');
    git(dir, 'checkout', '-q', '-b', 'feature');
    writeFileSync(path.join(dir, 'api/Dockerfile'), 'FROM node:latest\nCMD npm start\n');
    git(dir, 'commit', '-qam', 'change api');
    writeFileSync(path.join(dir, 'worker.Dockerfile'), 'FROM python:latest\n');
    const all = await runJson(['.'], dir);
    expect(files(all.json)).toEqual(expect.arrayContaining(['Dockerfile', 'api/Dockerfile']));
    const changed = await runJson(['--changed', '.'], dir);
    expect(files(changed.json)).toEqual(['api/Dockerfile', 'worker.Dockerfile']);
    expect(changed.json.diagnostics).toContainEqual(expect.objectContaining({ code: 'changed-only' }));
    // The score is the whole project's.
    expect(changed.json.summary.score).toBe(all.json.summary.score);
    const sinceRef = await runJson(['--changed-since', 'HEAD', '.'], dir);
    expect(files(sinceRef.json)).toEqual(['worker.Dockerfile']);
  });

  it('outside a git work tree it is a usage error', async () => {
    const dir = writeProject({ Dockerfile: 'FROM node:20\n' });
    const r = await runCli(['--changed', '.'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--changed needs a git work tree');
  });
});

describe('--stdin', () => {
  it('audits the buffer as the named file, linked to the files on disk, and reports only that file', async () => {
    const dir = writeProject({ 'package.json': '{"name":"x","scripts":{"start":"node server.js"}}', Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["npm", "start"]\n', 'server.js': 'require("http").createServer().listen(process.env.PORT);\n' });
    const buffer = "require('http').createServer().listen(3000, '127.0.0.1');\n";
    const r = await withStdin(['--stdin', '--stdin-filename', 'server.js', '--format', 'json', '.'], dir, buffer);
    const json = JSON.parse(r.stdout);
    expect(json.results.map((f: { filePath: string }) => f.filePath)).toEqual(['server.js']);
    // The Dockerfile on disk starts server.js: the buffer is judged as the deployed entry.
    expect(json.results[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('port-binding/listen-localhost-in-code');
  });

  it('a file that does not exist yet can be audited from the buffer', async () => {
    const dir = writeProject({ Dockerfile: 'FROM node:20\n' });
    const r = await withStdin(['--stdin', '--stdin-filename', 'deploy/docker-stack.yml', '--format', 'json', '.'], dir, 'services:\n  web:\n    build: .\n');
    const json = JSON.parse(r.stdout);
    expect(json.results.map((f: { filePath: string }) => f.filePath)).toEqual(['deploy/docker-stack.yml']);
    expect(json.results[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('swarm/build-without-image');
  });

  it('--stdin without --stdin-filename is a usage error', async () => {
    const r = await withStdin(['--stdin', '.'], writeProject({ Dockerfile: 'FROM node:20\n' }), 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--stdin needs --stdin-filename');
  });
});
