import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/project/yaml-tree.js';
import { loadCompose } from '../../src/project/load-compose.js';
import { loadDockerfile } from '../../src/project/load-dockerfile.js';
import { loadEnvFile } from '../../src/project/load-env.js';
import { loadManifest } from '../../src/project/load-manifest.js';
import { interpolate } from '../../src/project/interpolate.js';
import { composeWords, parseShell, tokenize } from '../../src/project/facts/shell.js';
import { loadEstree, loadParser } from '../../src/project/parse-js.js';
import { parseAndExtract } from '../../src/project/js/parse-file.js';
import type { ProjectFile, TextFile } from '../../src/project/model.js';
import { composeSoup, dockerfileSoup, envSoup, mangle, packageJson, pyproject, scriptSoup, sourceSoup } from './arbitraries.js';
import { SEED, runs, within } from './settings.js';

function textFile(path: string, kind: ProjectFile['kind'], text: string): TextFile {
  return { path, absPath: `/memory/${path}`, kind, size: text.length, text, lines: text.split(/\r?\n/) };
}

const env = new Map([['VAR', 'x'], ['PORT', '3000']]);

/** Each loader, on anything: returns, within a bounded time, never throws. */
describe('loaders never throw', () => {
  it('YAML: random strings and compose-like line soup', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), mangle(composeSoup)), (text) => {
        within(() => parseYaml(text));
      }),
      { seed: SEED + 1, numRuns: runs(1500) },
    );
  });

  it('compose loader (interpolation, sections, services)', () => {
    fc.assert(
      fc.property(mangle(composeSoup), (text) => {
        within(() => loadCompose(textFile('compose.yaml', 'compose', text), env));
      }),
      { seed: SEED + 2, numRuns: runs(1500) },
    );
  });

  it('Dockerfile loader (heredocs, continuations, parser directives, flags)', () => {
    fc.assert(
      fc.property(fc.oneof(mangle(dockerfileSoup), fc.string({ maxLength: 300 })), (text) => {
        within(() => loadDockerfile(textFile('Dockerfile', 'dockerfile', text)));
      }),
      { seed: SEED + 3, numRuns: runs(1500) },
    );
  });

  it('env file loader', () => {
    fc.assert(
      fc.property(fc.oneof(mangle(envSoup), fc.string({ maxLength: 200 })), (text) => {
        within(() => loadEnvFile(textFile('.env', 'env', text)));
      }),
      { seed: SEED + 4, numRuns: runs(800) },
    );
  });

  it('manifest loader (package.json, pyproject.toml, requirements.txt, go.mod)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          mangle(packageJson).map((t) => ['package.json', 'npm', t] as const),
          pyproject.map((t) => ['pyproject.toml', 'python', t] as const),
          fc.string({ maxLength: 200 }).map((t) => ['requirements.txt', 'python', t] as const),
          fc.string({ maxLength: 200 }).map((t) => ['go.mod', 'go', t] as const),
        ),
        ([path, ecosystem, text]) => {
          within(() => loadManifest(textFile(path, 'manifest', text), ecosystem));
        },
      ),
      { seed: SEED + 5, numRuns: runs(800) },
    );
  });

  it('shell reader and compose interpolation', () => {
    fc.assert(
      fc.property(fc.oneof(scriptSoup, fc.string({ maxLength: 200 })), (text) => {
        within(() => {
          tokenize(text);
          parseShell(text);
          composeWords(text);
          interpolate(text, env);
        });
      }),
      { seed: SEED + 6, numRuns: runs(1500) },
    );
  });

  it('JS/TS parse and fact extraction', () => {
    const parser = loadParser();
    fc.assert(
      fc.property(mangle(sourceSoup), fc.constantFrom('index.js', 'app.ts', 'x.mjs', 'y.tsx'), (text, path) => {
        const parsed = within(() => parseAndExtract(parser, path, text, loadEstree));
        expect(parsed.facts !== undefined || parsed.parseError !== undefined).toBe(true);
        expect(parsed.parseError?.message ?? '').not.toMatch(/^internal:/);
      }),
      { seed: SEED + 7, numRuns: runs(600) },
    );
  });

  it('JS/TS: oxc-parser (with its typescript-estree fallback, as the CLI runs it) gives the facts typescript-estree gives', () => {
    const parser = loadParser();
    const estree = loadEstree();
    if (parser === estree) return; // oxc-parser does not load on this platform: nothing to compare
    fc.assert(
      fc.property(mangle(sourceSoup), fc.constantFrom('index.js', 'app.ts', 'x.mjs', 'y.tsx'), (text, path) => {
        const viaOxc = parseAndExtract(parser, path, text, loadEstree);
        const viaEstree = parseAndExtract(estree, path, text);
        expect(viaOxc.facts).toEqual(viaEstree.facts);
        expect(viaOxc.parseError).toEqual(viaEstree.parseError);
      }),
      { seed: SEED + 8, numRuns: runs(600) },
    );
  });
});
