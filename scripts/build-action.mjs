#!/usr/bin/env node
// Bundles the GitHub Action into one file, action/dist/index.mjs (`npm run build:action`; an
// optional argument writes elsewhere, for the test that checks the committed bundle is current):
// the action runs with no install step and no network. Files the CLI reads beside its modules
// at run time are inlined: the package version, the config schema, and the parser (a static
// import instead of createRequire, which a bundle cannot follow).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const configSchema = readFileSync(path.join(root, 'schemas/config.schema.json'), 'utf8');

const inline = {
  name: 'inline-runtime-files',
  setup(b) {
    b.onLoad({ filter: /dist[\\/]version\.js$/ }, () => ({ contents: `export const VERSION = ${JSON.stringify(version)};`, loader: 'js' }));
    b.onLoad({ filter: /dist[\\/]engine[\\/]config-schema\.js$/ }, () => ({
      contents: `const SCHEMAS = { 'config.schema.json': ${configSchema} };\nexport function readSchema(name) { return SCHEMAS[name]; }\nexport const configSchema = SCHEMAS['config.schema.json'];`,
      loader: 'js',
    }));
    b.onLoad({ filter: /dist[\\/]project[\\/]parse-js\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const call = "createRequire(import.meta.url)('@typescript-eslint/typescript-estree')";
      if (!text.includes(call)) throw new Error('parse-js.js no longer loads the parser with createRequire: update scripts/build-action.mjs');
      return { contents: `import * as bundledEstree from '@typescript-eslint/typescript-estree';\n${text.replace(call, 'bundledEstree')}`, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

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
  banner: {
    js: "import { createRequire as __tlRequire } from 'node:module'; import { fileURLToPath as __tlPath } from 'node:url'; import { dirname as __tlDir } from 'node:path'; const require = __tlRequire(import.meta.url); const __filename = __tlPath(import.meta.url); const __dirname = __tlDir(__filename);",
  },
  plugins: [inline],
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`${process.argv[2] ?? 'action/dist/index.mjs'}: ${(bytes / 1e6).toFixed(1)} MB`);
