#!/usr/bin/env node
// Bundles the GitHub Action into one file, action/dist/index.mjs (`npm run build:action`; an
// optional argument writes elsewhere, for the test that checks the committed bundle is current):
// the action runs with no install step and no network. Files the CLI reads beside its modules
// at run time are inlined: the package version, the config schema, and the parser (a static
// import instead of createRequire, which a bundle cannot follow).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { COMMONJS_BANNER, inlineRuntimeFiles } from './bundle-plugins.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const result = await build({
  entryPoints: [path.join(root, 'dist/action-main.js')],
  outfile: process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'action/dist/index.mjs'),
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
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`${process.argv[2] ?? 'action/dist/index.mjs'}: ${(bytes / 1e6).toFixed(1)} MB`);
