import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, runJson } from './support/cli.js';
import { writeProject } from './support/rule-tester.js';

const BIN = path.join(ROOT, 'bin/twelvelint.js');
const project = () => writeProject({ Dockerfile: 'FROM node:latest\nCMD ["node", "server.js"]\n', 'docker-stack.yml': 'services:\n  web:\n    image: app:1\n' });

/** What ESLint users type, and what twelvelint used to get wrong (issue: reports and CI). */
describe('ESLint habits', () => {
  it('--rule id:warn and 0/1/2 are severities', async () => {
    const dir = project();
    const warn = await runJson(['--rule', 'dependencies/unpinned-base-image:warn', '.'], dir);
    expect(warn.code).toBeLessThan(2);
    const levels = (r: typeof warn) => r.json.results.flatMap((f: { messages: { ruleId: string; level: string }[] }) => f.messages).filter((m: { ruleId: string }) => m.ruleId === 'dependencies/unpinned-base-image').map((m: { level: string }) => m.level);
    expect(levels(warn)).toEqual(['warning']);
    expect(levels(await runJson(['--rule', 'dependencies/unpinned-base-image:2', '.'], dir))).toEqual(['error']);
    expect(levels(await runJson(['--rule', 'dependencies/unpinned-base-image:0', '.'], dir))).toEqual([]);
  });

  it('--max-warnings -1 means no limit; going over the limit says why', async () => {
    const dir = project();
    expect((await runCli(['--max-warnings', '-1', '.'], dir)).code).toBe(0);
    const over = await runCli(['--max-warnings', '0', '.'], dir);
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/\d+ warnings? found; --max-warnings allows 0/);
  });

  it('-q keeps errors only in json too', async () => {
    const dir = project();
    const { json } = await runJson(['-q', '.'], dir);
    const levels = json.results.flatMap((f: { messages: { level: string }[] }) => f.messages.map((m) => m.level));
    expect(levels.every((l: string) => l === 'error')).toBe(true);
  });

  it('--deploy-env-file works when the program is started as `node bin/twelvelint.js` (Node 20 reads --env-file itself)', () => {
    const dir = project();
    const r = spawnSync(process.execPath, [BIN, '--deploy-env-file', 'missing.env', '.'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Cannot read --deploy-env-file missing.env (ENOENT)');
    expect(r.stderr).not.toContain('node:');
  });

  it('config errors name the file, the key in words and what is allowed, and suggest the nearest rule id', async () => {
    const extra = writeProject({ Dockerfile: 'FROM node:20\n', '.twelvelintrc.json': '{"rulez": {}}' });
    expect((await runCli(['.'], extra)).stderr).toMatch(/Invalid config .*\.twelvelintrc\.json: unknown key "rulez" in the top level \(did you mean "rules"\?\); allowed: extends, rules/);
    const typo = writeProject({ Dockerfile: 'FROM node:20\n', '.twelvelintrc.json': '{"rules": {"swarm/build-without-imag": "off"}}' });
    expect((await runCli(['.'], typo)).stderr).toContain('Unknown rule "swarm/build-without-imag"');
    expect((await runCli(['.'], typo)).stderr).toContain('did you mean "swarm/build-without-image"?');
  });

  it('rule options are checked: unknown options and options for rules that take none are errors', async () => {
    const none = writeProject({ Dockerfile: 'FROM node:20\n', '.twelvelintrc.json': '{"rules": {"swarm/build-without-image": ["warning", {"foo": 1}]}}' });
    const r = await runCli(['.'], none);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Rule "swarm\/build-without-image" .* has no option "foo"; it takes no options/);
  });

  it('--list-rules honours -f json', async () => {
    const { stdout, code } = await runCli(['--list-rules', '-f', 'json']);
    expect(code).toBe(0);
    const rules = JSON.parse(stdout) as { id: string; docs: string }[];
    expect(rules.length).toBeGreaterThan(80);
    expect(rules[0].docs).toMatch(/^https:\/\/github\.com\/twelvelint\/twelvelint\/blob\/main\/docs\/rules\//);
  });

  it('--print-config lists rules set to off', async () => {
    const dir = writeProject({ Dockerfile: 'FROM node:20\n', '.twelvelintrc.json': '{"rules": {"swarm/no-deploy-section": "off"}}' });
    const { json } = await runJson(['--print-config', '.'], dir);
    expect(json.rules['swarm/no-deploy-section']).toBe('off');
  });

  it('an ignore pattern that matches nothing is named, with the folder it is relative to', async () => {
    const dir = project();
    const { json } = await runJson(['--ignore-pattern', 'sub/Dockerfile', '--ignore-pattern', 'Dockerfile', '.'], dir);
    const notes = json.diagnostics.filter((d: { code: string }) => d.code === 'ignore-pattern-unused').map((d: { message: string }) => d.message);
    expect(notes).toEqual([expect.stringMatching(/^Ignore pattern "sub\/Dockerfile" matched no file; patterns are relative to the audited folder/)]);
  });
});
