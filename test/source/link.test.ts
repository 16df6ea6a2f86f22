import { describe, expect, it } from 'vitest';
import { commandTarget, sourceFor, resolveImport } from '../../src/project/js/closure.js';
import { parseArgv, parseShell } from '../../src/project/facts/shell.js';

const target = (argv: string[]) => parseArgv(argv).map(commandTarget).filter(Boolean).at(-1);
import { stripJsonComments } from '../../src/project/js/load-extras.js';

const resolver = (sources: string[], tsconfigs = [] as Parameters<typeof sourceFor>[2]['tsconfigs']) => ({ sources: new Set(sources), tsconfigs, manifests: new Map() });

describe('entry linking', () => {
  it('finds what a start command runs', () => {
    expect(target(['node', '--enable-source-maps', '-r', 'dotenv/config', 'dist/server.js'])).toEqual({ kind: 'file', path: 'dist/server.js' });
    expect(target(['tini', '--', 'node', 'index.js'])).toEqual({ kind: 'file', path: 'index.js' });
    expect(commandTarget(parseShell('NODE_ENV=production node .')[0])).toEqual({ kind: 'main' });
    expect(commandTarget(parseShell('cross-env NODE_ENV=production node server.js')[0])).toEqual({ kind: 'file', path: 'server.js' });
    expect(target(['sh', '-c', 'npx prisma migrate deploy && node dist/main.js'])).toEqual({ kind: 'file', path: 'dist/main.js' });
    expect(target(['next', 'start', '-p', '3000'])).toEqual({ kind: 'framework', name: 'next', dir: '.' });
    expect(target(['pm2-runtime', 'dist/server.js'])).toEqual({ kind: 'file', path: 'dist/server.js' });
    // npm scripts are followed by the process facts, not here.
    expect(target(['npm', 'run', 'start:prod'])).toBeUndefined();
    expect(target(['node', '-e', 'console.log(1)'])).toBeUndefined();
    expect(target(['python', 'app.py'])).toBeUndefined();
    expect(target(['pm2-runtime', 'ecosystem.config.js'])).toBeUndefined();
  });

  it('maps compiled paths back to sources only when certain', () => {
    const tsconfigs = [{ dir: 'api', outDir: 'dist', rootDir: 'src' }];
    expect(sourceFor('dist/server.js', 'api', resolver(['api/src/server.ts'], tsconfigs))).toBe('api/src/server.ts');
    expect(sourceFor('build/server/index.js', '.', resolver(['server/index.ts']))).toBe('server/index.ts');
    expect(sourceFor('dist/main', '.', resolver(['src/main.ts']))).toBe('src/main.ts');
    // Two candidates for one stem: not certain.
    expect(sourceFor('dist/main.js', '.', resolver(['main.ts', 'src/main.ts']))).toBeUndefined();
    expect(sourceFor('server.js', '.', resolver(['server.js']))).toBe('server.js');
    expect(sourceFor('../outside.js', '.', resolver(['outside.js']))).toBeUndefined();
  });

  it('resolves relative and tsconfig-path imports', () => {
    const r = resolver(['src/a.ts', 'src/lib/index.ts', 'server/env.ts'], [{ dir: '.', paths: { '@server/*': ['server/*'] } }]);
    expect(resolveImport('src/b.ts', './a.js', r)).toBe('src/a.ts');
    expect(resolveImport('src/b.ts', './lib', r)).toBe('src/lib/index.ts');
    expect(resolveImport('src/b.ts', '@server/env', r)).toBe('server/env.ts');
    expect(resolveImport('src/b.ts', 'express', r)).toBeUndefined();
  });

  it('reads tsconfig comments and trailing commas', () => {
    expect(JSON.parse(stripJsonComments('{\n  // c\n  "a": "//not a comment", /* b */\n  "x": [1,],\n}\n'))).toEqual({ a: '//not a comment', x: [1] });
  });
});
