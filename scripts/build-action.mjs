#!/usr/bin/env node
// Bundles the GitHub Action into one file, action/dist/index.mjs (`npm run build:action`; an
// optional argument writes elsewhere, for the test that checks the committed bundle is current):
// the action runs with no install step and no network. Files the CLI reads beside its modules
// at run time are inlined: the package version, the config schema, and the parser (a static
// import instead of createRequire, which a bundle cannot follow).
import path from 'node:path';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { COMMONJS_BANNER, inlineRuntimeFiles } from './bundle-plugins.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'action/dist/index.mjs');
const result = await build({
  entryPoints: [path.join(root, 'dist/action-main.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'linked',
  // CommonJS dependencies call require(): give the ES module bundle one.
  banner: { js: COMMONJS_BANNER },
  plugins: [inlineRuntimeFiles(root, { parser: 'inline' })],
  logLevel: 'warning',
  metafile: true,
});
// tree-sitter's runtime and the grammars the rules read, beside the bundle (src/project/lang/tree-sitter.ts finds them there).
const grammars = path.join(path.dirname(outfile), 'tree-sitter');
const pkg = path.dirname(createRequire(import.meta.url).resolve('@vscode/tree-sitter-wasm'));
mkdirSync(grammars, { recursive: true });
copyFileSync(path.join(pkg, 'tree-sitter.js'), path.join(grammars, 'tree-sitter.cjs'));
for (const f of ['tree-sitter.wasm', 'tree-sitter-python.wasm', 'tree-sitter-go.wasm', 'tree-sitter-ruby.wasm', 'tree-sitter-php.wasm', 'tree-sitter-java.wasm']) copyFileSync(path.join(pkg, f), path.join(grammars, f));
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`${process.argv[2] ?? 'action/dist/index.mjs'}: ${(bytes / 1e6).toFixed(1)} MB`);
