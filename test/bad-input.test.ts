import { chmodSync, mkdirSync, symlinkSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson } from './support/cli.js';
import { writeProject } from './support/rule-tester.js';

/** Every bad input gives a diagnostic or finding, exits by the usual rules, and never crashes or hangs. */
describe('bad input', () => {
  it('malformed YAML: tabs, unclosed quotes, duplicate keys → fatal findings at the right line, run goes on', async () => {
    const dir = writeProject({
      'compose.yaml': 'services:\n  web:\n\timage: nginx\n',
      'docker-compose.yml': 'services:\n  web:\n    image: "nginx\n',
      'docker-stack.yml': 'services:\n  web:\n    image: nginx:1\n    image: nginx:2\n',
      Dockerfile: 'FROM node:latest\n',
    });
    const { code, json, stderr } = await runJson(['.'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const fatal = json.results.flatMap((r: { filePath: string; messages: { fatal?: boolean; line: number; message: string }[] }) => r.messages.filter((m) => m.fatal).map((m) => `${r.filePath}:${m.line}`));
    expect(fatal).toContain('compose.yaml:3');
    expect(fatal.some((f: string) => f.startsWith('docker-compose.yml:'))).toBe(true);
    expect(fatal).toContain('docker-stack.yml:4');
    // The Dockerfile is still audited.
    expect(json.results.some((r: { filePath: string }) => r.filePath === 'Dockerfile')).toBe(true);
    expect(json.summary.swarm.verdict).toBe('not-deployable');
  });

  it('compose file that is a list or a scalar', async () => {
    const dir = writeProject({ 'compose.yaml': '- a\n- b\n', 'docker-compose.yml': 'just a string\n' });
    const { code, json } = await runJson(['compose.yaml', 'docker-compose.yml'], dir);
    expect(code).toBe(1);
    const msgs = json.results.flatMap((r: { messages: { message: string }[] }) => r.messages.map((m) => m.message));
    expect(msgs.filter((m: string) => /must be a mapping/.test(m))).toHaveLength(2);
  });

  it('YAML alias bomb → diagnostic finding, no hang', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    lines.push('services:\n  web:\n    image: nginx:1\n    labels: *j');
    const dir = writeProject({ 'compose.yaml': `${lines.join('\n')}\n` });
    const started = Date.now();
    const { code, json } = await runJson(['.'], dir);
    expect(Date.now() - started).toBeLessThan(15000);
    expect(code).toBe(1);
    expect(JSON.stringify(json.results)).toMatch(/alias|resource exhaustion/i);
  });

  it('binary and empty Dockerfiles', async () => {
    const dir = writeProject({ 'Dockerfile.empty': '' });
    writeFileSync(path.join(dir, 'Dockerfile'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3]));
    const { code, json } = await runJson(['.'], dir);
    expect(code).toBe(0);
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ code: 'binary-file', filePath: 'Dockerfile' }));
  });

  it('a 50 MB file is skipped with a diagnostic', async () => {
    const dir = writeProject({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' });
    const big = path.join(dir, 'docker-compose.yml');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024);
    closeSync(fd);
    const { code, json } = await runJson(['.'], dir);
    expect(code).toBe(0);
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ code: 'file-too-large', filePath: 'docker-compose.yml' }));
  });

  it('symlink loop, link out of the root, broken link', async () => {
    const dir = writeProject({ 'app/compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' });
    symlinkSync('.', path.join(dir, 'app/loop'));
    symlinkSync('/etc', path.join(dir, 'app/etc-link'));
    symlinkSync('/etc/hostname', path.join(dir, 'app/docker-compose.yml'));
    symlinkSync('missing-target', path.join(dir, 'app/Dockerfile'));
    mkdirSync(path.join(dir, 'cycle'));
    symlinkSync(path.join(dir, 'cycle'), path.join(dir, 'cycle/self'));
    const { code, json } = await runJson(['.'], dir);
    expect(code).toBe(0);
    const skipped = json.diagnostics.filter((d: { code: string }) => d.code === 'symlink-skipped').map((d: { filePath: string }) => d.filePath);
    expect(skipped).toContain('app/docker-compose.yml');
    expect(skipped).toContain('app/Dockerfile');
  });

  it('an unreadable file', async () => {
    if (process.getuid?.() === 0) {
      // root reads everything; simulate with a directory named like a Dockerfile instead
      const dir = writeProject({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' });
      mkdirSync(path.join(dir, 'Dockerfile'));
      expect((await runCli(['.'], dir)).code).toBe(0);
      return;
    }
    const dir = writeProject({ Dockerfile: 'FROM node:20\n' });
    chmodSync(path.join(dir, 'Dockerfile'), 0);
    const { code, json } = await runJson(['.'], dir);
    expect(code).toBe(0);
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ code: 'unreadable' }));
  });

  it('a path that does not exist: exit 2', async () => {
    expect((await runCli(['no/such/dir'])).code).toBe(2);
  });

  it('a non-git directory: a finding, not an error', async () => {
    const dir = writeProject({ 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' });
    const { code, json } = await runJson(['.'], dir);
    expect(code).toBe(0);
    expect(json.results.flatMap((r: { messages: { ruleId: string }[] }) => r.messages.map((m) => m.ruleId))).toContain('codebase/not-a-git-repository');
  });

  it('a broken package.json is a fatal finding, and the run goes on', async () => {
    const dir = writeProject({ 'package.json': '{ "name": "x", ', 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n' });
    const { code, json } = await runJson(['.'], dir);
    expect(code).toBe(1);
    expect(json.results.find((r: { filePath: string }) => r.filePath === 'package.json').messages[0].fatal).toBe(true);
  });

  it.each(['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])('a compose key named like an Object member (%s) is just a key', async (key) => {
    const dir = writeProject({
      'docker-stack.yml': `${key}:\n  a: 1\nservices:\n  web:\n    image: nginx:1.27\n    ${key}: {a: 1}\n    environment:\n      ${key}: x\n    deploy:\n      ${key}: 1\n  ${key}:\n    image: nginx:1.27\nsecrets:\n  ${key}:\n    external: true\nnetworks:\n  ${key}: {}\n`,
      Dockerfile: `FROM node:20.11-slim\nRUN --${key}=1 echo\nCMD ["node", "${key}.js"]\n`,
      [`${key}.js`]: `const o = { ${key === '__proto__' ? '"__proto__"' : key}: 'x' };\nmodule.exports = o.${key === '__proto__' ? 'a' : key};\n`,
    });
    const { code, json, stderr } = await runJson(['.'], dir);
    expect(code).not.toBe(2);
    expect(stderr).toBe('');
    const messages = json.results.flatMap((r: { messages: { message: string }[] }) => r.messages.map((m) => m.message)).join('\n');
    expect(messages).not.toMatch(/native code|function Object|\[object /);
    expect(messages).toMatch(new RegExp(`Additional property ${key.replace(/[$]/g, '\\$&')} is not allowed`));
  });

  it('a pyproject.toml whose dependencies are not strings', async () => {
    const dir = writeProject({ 'pyproject.toml': '[project]\nname = "x"\ndependencies = [1, {a = 2}, "flask>=3"]\n[tool.poetry]\ndependencies = "oops"\n' });
    const { code, json } = await runJson(['.'], dir);
    expect(code).not.toBe(2);
    expect(JSON.stringify(json)).not.toMatch(/is not a function/);
  });

  it('a config file or package.json that cannot be read is a diagnostic; the defaults apply', async () => {
    for (const name of ['.twelvelintrc.json', 'package.json', '.twelvelintrc']) {
      const dir = writeProject({ Dockerfile: 'FROM node:20.11-slim\n' });
      mkdirSync(path.join(dir, name));
      const { code, json } = await runJson(['.'], dir);
      expect(code, name).not.toBe(2);
      if (name !== 'package.json') expect(json.diagnostics).toContainEqual(expect.objectContaining({ code: 'config-unreadable', filePath: name }));
    }
  });

  it('a config file that links outside the root is not read', async () => {
    const dir = writeProject({ Dockerfile: 'FROM node:20.11-slim\n', 'outside/x.json': '{"rules": {"no-such-rule": "error"}}' });
    const project = path.join(dir, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'Dockerfile'), 'FROM node:20.11-slim\n');
    symlinkSync(path.join(dir, 'outside/x.json'), path.join(project, '.twelvelintrc.json'));
    const { code, json } = await runJson(['.'], project);
    expect(code).not.toBe(2);
    expect(json.diagnostics).toContainEqual(expect.objectContaining({ code: 'config-unreadable', filePath: '.twelvelintrc.json' }));
  });
});

