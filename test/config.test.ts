import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './support/cli.js';
import { writeProject } from './support/rule-tester.js';

const bad = { Dockerfile: 'FROM node:latest\nCMD npm start\n', 'compose.yaml': 'services:\n  web:\n    build: .\n    restart: always\n' };
const ids = (json: { results: { messages: { ruleId: string | null }[] }[] }) => json.results.flatMap((r) => r.messages.map((m) => m.ruleId));

describe('config files', () => {
  it('.twelvelintrc.json turns rules off and sets severity', async () => {
    const dir = writeProject({ ...bad, '.twelvelintrc.json': JSON.stringify({ rules: { 'swarm/build-without-image': 'off', 'dependencies/unpinned-base-image': 'error' } }) });
    const { json, code } = await runJson(['.'], dir);
    expect(ids(json)).not.toContain('swarm/build-without-image');
    expect(json.results.find((r: { filePath: string }) => r.filePath === 'Dockerfile').messages[0].level).toBe('error');
    expect(code).toBe(1);
  });

  it('.twelvelintrc.yaml with ignores', async () => {
    const dir = writeProject({ ...bad, '.twelvelintrc.yaml': 'ignores:\n  - compose.yaml\n' });
    expect(ids((await runJson(['.'], dir)).json)).not.toContain('swarm/build-without-image');
  });

  it('package.json#twelvelint', async () => {
    const dir = writeProject({ ...bad, 'package.json': JSON.stringify({ name: 'x', twelvelint: { rules: { 'disposability/shell-form-command': 'off' } } }) });
    expect(ids((await runJson(['.'], dir)).json)).not.toContain('disposability/shell-form-command');
  });

  it('extends twelvelint:strict enables rules outside recommended', async () => {
    const files = { 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n    deploy:\n      replicas: 2\n' };
    expect(ids((await runJson(['.'], writeProject(files))).json)).not.toContain('swarm/no-update-config');
    expect(ids((await runJson(['.'], writeProject({ ...files, '.twelvelintrc.json': '{"extends":"twelvelint:strict"}' }))).json)).toContain('swarm/no-update-config');
  });

  it('an invalid config is a usage error (exit 2) naming the problem', async () => {
    const dir = writeProject({ ...bad, '.twelvelintrc.json': '{"rules": {"swarm/build-without-image": "loud"}}' });
    const { code, stderr } = await runCli(['.'], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Invalid config .*\.twelvelintrc\.json: the setting of rule "swarm\/build-without-image" must be a severity \(off, info, warning, error/);
    const dir2 = writeProject({ ...bad, '.twelvelintrc.json': '{"rules": {"no/such-rule": "off"}}' });
    expect((await runCli(['.'], dir2)).stderr).toMatch(/Unknown rule "no\/such-rule"/);
  });

  it('a device named with --config is read no further than the config size cap', async () => {
    const r = await runCli(['--config', '/dev/zero', '.'], writeProject({ ...bad }));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot read config \/dev\/zero: .*limit/);
  });

  it('a twelvelint.config.js inside the audited project is never run', async () => {
    const dir = writeProject({ ...bad, 'twelvelint.config.js': "require('fs').writeFileSync('PWNED', 'x'); module.exports = {};\n" });
    const { json } = await runJson(['.'], dir);
    expect(json.diagnostics.map((d: { code: string }) => d.code)).toContain('config-not-executed');
    expect((await runCli(['.'], dir)).stdout).not.toContain('PWNED');
    expect(existsSync(path.join(dir, 'PWNED'))).toBe(false);
  });

  it('--config runs a JS config the user names', async () => {
    const dir = writeProject({ ...bad, 'my.config.mjs': "export default { rules: { 'swarm/build-without-image': 'off' } };\n" });
    expect(ids((await runJson(['.', '--config', 'my.config.mjs'], dir)).json)).not.toContain('swarm/build-without-image');
    expect((await runCli(['.', '--config', 'missing.json'], dir)).code).toBe(2);
  });

  it('--print-config shows the resolved rules', async () => {
    const { json } = { json: JSON.parse((await runCli(['fixtures/bad-minimal', '--print-config'])).stdout) };
    expect(json.extends).toEqual(['twelvelint:recommended']);
    expect(json.rules['swarm/build-without-image']).toBe('error');
  });
});

describe('inline suppression', () => {
  it('disable-next-line in YAML and Dockerfile, disable-file, unused directives', async () => {
    const dir = writeProject({
      Dockerfile: '# twelvelint-disable-next-line dependencies/unpinned-base-image -- we track node LTS on purpose\nFROM node:latest\nCMD npm start\n',
      'compose.yaml': 'services:\n  web:\n    # twelvelint-disable-next-line swarm/build-without-image, swarm/ignored-option\n    build: .\n    # twelvelint-disable-next-line swarm/ignored-option\n    image: web:1\n',
      'docker-stack.yml': '# twelvelint-disable-file\nservices:\n  web:\n    build: .\n',
    });
    const { json } = await runJson(['.', '--report-unused-disable'], dir);
    const all = json.results.flatMap((r: { filePath: string; messages: { ruleId: string | null; line: number; message: string }[] }) => r.messages.map((m) => ({ ...m, filePath: r.filePath })));
    expect(all.filter((m: { ruleId: string | null }) => m.ruleId === 'dependencies/unpinned-base-image')).toEqual([]);
    expect(all.filter((m: { filePath: string; ruleId: string | null }) => m.filePath === 'compose.yaml' && m.ruleId === 'swarm/build-without-image')).toEqual([]);
    expect(all.filter((m: { filePath: string }) => m.filePath === 'docker-stack.yml')).toEqual([]);
    const unused = all.filter((m: { ruleId: string | null }) => m.ruleId === null);
    expect(unused.map((m: { filePath: string; line: number }) => `${m.filePath}:${m.line}`)).toEqual(['compose.yaml:5']);
    expect(unused[0].message).toMatch(/Unused twelvelint-disable directive/);
  });
});
