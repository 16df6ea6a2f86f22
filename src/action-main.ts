import { runAction } from './action.js';

// GitHub runs this file (action.yml `main`, bundled into action/dist/index.mjs).
runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(`::error title=twelvelint::${String((error as Error)?.message ?? error).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
    process.exitCode = 2;
  },
);
