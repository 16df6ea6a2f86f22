#!/usr/bin/env node
import { existsSync } from 'node:fs';

// A reader that stops early (`twelvelint --help | head`) closes the pipe: stop quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error?.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// The one-file build (scripts/build-cli.mjs) starts twice as fast; the module build is the fallback.
const bundle = new URL('../dist/twelvelint.mjs', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../dist/cli.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`twelvelint: internal error: ${error?.message ?? error}\n`);
    process.exitCode = 2;
  },
);
