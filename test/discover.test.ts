import { describe, expect, it } from 'vitest';
import { discover, resolveInputs } from '../src/project/discover.js';
import { writeProject } from './support/rule-tester.js';

async function paths(dir: string, ignorePatterns: string[] = []) {
  const d = await discover(await resolveInputs(['.'], dir), { ignorePatterns });
  return d.files.map((f) => f.path);
}

describe('discovery', () => {
  const files = {
    '.gitignore': 'secrets/\n*.log\n',
    Dockerfile: 'FROM node:20\n',
    'node_modules/pkg/Dockerfile': 'FROM x\n',
    'secrets/db.env': 'A=1\n',
    'examples/compose.yaml': 'services:\n  a:\n    image: a:1\n',
  };

  it('without git: .gitignore, default ignores and user ignores apply', async () => {
    const dir = writeProject(files);
    const listed = await paths(dir, ['examples/**']);
    expect(listed).toContain('Dockerfile');
    expect(listed).not.toContain('node_modules/pkg/Dockerfile');
    expect(listed).not.toContain('secrets/db.env');
    expect(listed).not.toContain('examples/compose.yaml');
  });

  it('in a git work tree: the same result from git ls-files, untracked files included', async () => {
    const dir = writeProject(files, { git: true, untracked: { 'new.Dockerfile': 'FROM node:20\n', 'debug.log': 'x' } });
    const listed = await paths(dir, ['examples/**']);
    expect(listed).toContain('Dockerfile');
    expect(listed).toContain('new.Dockerfile');
    expect(listed).not.toContain('debug.log');
    expect(listed).not.toContain('node_modules/pkg/Dockerfile');
    expect(listed).not.toContain('secrets/db.env');
    expect(listed).not.toContain('examples/compose.yaml');
  });
});
