// esbuild plugins shared by the CLI bundle (dist/twelvelint.mjs) and the action bundle
// (action/dist/index.mjs): files the CLI reads beside its modules at run time are inlined.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function inlineRuntimeFiles(root, { parser, workerPath }) {
  const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  const configSchema = readFileSync(path.join(root, 'schemas/config.schema.json'), 'utf8');
  return {
    name: 'inline-runtime-files',
    setup(b) {
      b.onLoad({ filter: /dist[\\/]version\.js$/ }, () => ({ contents: `export const VERSION = ${JSON.stringify(version)};`, loader: 'js' }));
      b.onLoad({ filter: /dist[\\/]engine[\\/]config-schema\.js$/ }, () => ({
        contents: `const SCHEMAS = { 'config.schema.json': ${configSchema} };\nexport function readSchema(name) { return SCHEMAS[name]; }\nexport const configSchema = SCHEMAS['config.schema.json'];`,
        loader: 'js',
      }));
      b.onLoad({ filter: /dist[\\/]project[\\/]parse-js\.js$/ }, (args) => {
        let text = readFileSync(args.path, 'utf8');
        const call = "createRequire(import.meta.url)('@typescript-eslint/typescript-estree')";
        const oxcCall = "createRequire(import.meta.url)('oxc-parser')";
        const worker = "new URL('./js/worker.js', import.meta.url)";
        if (!text.includes(call) || !text.includes(oxcCall) || !text.includes(worker)) throw new Error('parse-js.js changed how it loads the parser or its worker: update scripts/bundle-plugins.mjs');
        // The parse worker is not bundled: point at the compiled module beside the bundle, or nowhere.
        text = text.replace(worker, workerPath ? `new URL(${JSON.stringify(workerPath)}, import.meta.url)` : "new URL('./no-parse-worker.js', import.meta.url)");
        // An inlined bundle has no native oxc-parser binding (a .node file per platform): it carries
        // typescript-estree, and loadParser's fallback takes it.
        if (parser === 'inline') text = `import * as bundledEstree from '@typescript-eslint/typescript-estree';\n${text.replace(call, 'bundledEstree').replace(oxcCall, "(() => { throw new Error('oxc-parser is not in this bundle'); })()")}`;
        return { contents: text, loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

/** CommonJS dependencies in an ES module bundle need require, __filename and __dirname. */
export const COMMONJS_BANNER =
  "import { createRequire as __tlRequire } from 'node:module'; import { fileURLToPath as __tlPath } from 'node:url'; import { dirname as __tlDir } from 'node:path'; const require = __tlRequire(import.meta.url); const __filename = __tlPath(import.meta.url); const __dirname = __tlDir(__filename);";
