import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/codebase/untracked-build-context.js';
import { audit } from '../../../src/engine/run.js';
import { ruleTester, writeProject } from '../../support/rule-tester.js';

const compose = 'services:\n  web:\n    build: ./web\n    image: registry.example.com/web:1.0\n  api:\n    build:\n      context: ./api\n    image: registry.example.com/api:1.0\n';
const web = { 'web/Dockerfile': 'FROM nginx:1.27\nCOPY . /usr/share/nginx/html\n', 'web/index.html': '<h1>hi</h1>\n' };
const api = { 'api/Dockerfile': 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "index.js"]\n', 'api/index.js': 'console.log(1);\n' };

ruleTester(rule, {
  valid: [
    { name: 'every build context committed', git: true, files: { 'compose.yaml': compose, ...web, ...api } },
    {
      name: 'one tracked context built under two image names (web and worker of one app)',
      git: true,
      files: {
        'compose.yaml': 'services:\n  web:\n    build: ./app\n    image: acme/app:1.0\n  worker:\n    build: ./app\n    image: acme/app-worker:1.0\n    command: ["node", "worker.js"]\n',
        'app/Dockerfile': 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "server.js"]\n',
        'app/server.js': 'console.log(1);\n',
      },
    },
    { name: 'one new untracked file next to committed ones', git: true, files: { 'compose.yaml': compose, ...web, ...api }, untracked: { 'api/new-route.js': 'export {};\n' } },
    { name: 'the compose file itself is not committed yet (work in progress)', git: true, files: { 'README.md': '# x\n' }, untracked: { 'compose.yaml': compose, ...web, ...api } },
    { name: 'not a git repository (another rule says so)', files: { 'compose.yaml': compose, ...web, ...api } },
    { name: 'context outside the audited directory or missing', git: true, files: { 'compose.yaml': 'services:\n  web:\n    build: ../web\n    image: web:1\n  api:\n    build: ./generated\n    image: api:1\n' } },
    { name: 'build context is the project root', git: true, files: { 'compose.yaml': 'services:\n  web:\n    build: .\n    image: web:1\n', Dockerfile: 'FROM nginx:1.27\n' }, untracked: { 'extra.html': 'x\n' } },
  ],
  invalid: [
    {
      name: 'a context whose files git does not track',
      git: true,
      files: { 'compose.yaml': compose, ...web },
      untracked: api,
      errors: [{ file: 'compose.yaml', line: 7, column: 16, messageId: 'untracked', message: /Service "api" is built from api\/, but none of its 2 files is tracked/ }],
    },
    {
      name: 'short build syntax in a nested compose file',
      git: true,
      files: { 'deploy/docker-compose.yml': 'services:\n  web:\n    build: ../web\n    image: web:1\n', 'README.md': 'x\n' },
      untracked: web,
      errors: [{ file: 'deploy/docker-compose.yml', line: 3, column: 12, messageId: 'untracked', message: /built from web\// }],
    },
  ],
});

describe('codebase/untracked-build-context with gitlinks', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }).toString();

  async function run(withGitmodules: boolean) {
    const dir = writeProject({ 'compose.yaml': compose, ...web });
    try {
      git(dir, 'init', '-q');
      // api/ is its own repository, added to the outer one as a gitlink.
      mkdirSync(path.join(dir, 'api'), { recursive: true });
      for (const [rel, text] of Object.entries(api)) writeFileSync(path.join(dir, rel), text);
      git(path.join(dir, 'api'), 'init', '-q');
      git(path.join(dir, 'api'), 'add', '-A');
      git(path.join(dir, 'api'), 'commit', '-qm', 'api');
      if (withGitmodules) writeFileSync(path.join(dir, '.gitmodules'), '[submodule "api"]\n\tpath = api\n\turl = https://github.com/acme/api.git\n');
      git(dir, 'add', '-A');
      git(dir, 'commit', '-qm', 'outer');
      const { result } = await audit({ paths: ['.'], cwd: dir, rules: [rule], cliRules: { [rule.id]: 'warning' } });
      return result.factors.flatMap((f) => f.findings).filter((f) => f.ruleId === rule.id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('catches an embedded repository without .gitmodules', async () => {
    const findings = await run(false);
    expect(findings.map((f) => [f.filePath, f.line, f.messageId])).toEqual([['compose.yaml', 7, 'embedded']]);
  });

  it('leaves a submodule alone', async () => {
    expect(await run(true)).toEqual([]);
  });
});
