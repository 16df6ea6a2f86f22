import { defineRule } from '../rule.js';
import { dirname, joinPath } from '../../project/paths.js';
import { interpolatedScalars, loadable } from '../../project/compose/docker-cli.js';
import type { Range } from '../../project/range.js';

/** `export $(grep -v '^#' .env | xargs)`, `set -a; . ./.env`, `source .env`, `env $(cat .env | xargs) docker stack deploy`. */
const EXPORTS_DOTENV = /export\s+\$\([^)]*\.env|set\s+-a[\s\S]{0,80}?(\.|source)\s+\.?\/?\.env\b|(^|[;&|\s])(\.|source)\s+(\.\/)?\.env\b|env\s+\$\([^)]*\.env/m;

export default defineRule({
  id: 'swarm/dotenv-not-read',
  factor: 'swarm',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose', 'env', 'script'],
  docs: {
    summary: 'A `.env` file sits next to a compose file whose variables it seems to supply, but docker stack deploy never reads `.env`',
    rationale:
      'Factor III: config lives in the deploy environment. `docker compose` reads `.env` beside the file automatically, so the file works locally; `docker stack deploy` reads only the shell environment, and the same variables come out blank or stop the deploy.',
    fix: 'Export the variables where `docker stack deploy` runs (`set -a; . ./.env; set +a; docker stack deploy -c stack.yml app`), or render the file first with `docker compose config`.',
    swarm: 'No message: variables that only `.env` sets are blank (or, for `${VAR:?}`, the deploy fails with "required variable VAR is missing a value").',
    bad: '# .env\nTAG=1.4.2\n# docker-stack.yml\nimage: app:${TAG}',
    exampleLanguage: 'yaml',
  },
  messages: {
    dotenv: '{{variables}} {{verb}} not set in the deploy environment; {{dotenv}} may set {{them}} for docker compose, but docker stack deploy does not read .env files',
    exported: '{{variables}} {{verb}} set by {{dotenv}}, which {{script}} exports before it runs docker stack deploy: deploy with that script (docker stack deploy alone does not read .env files)',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      const dotenv = joinPath(dirname(file.path), '.env');
      if (!project.pathExists(dotenv)) continue;
      // When the .env was read, only the variables it sets are its business; the others come from
      // somewhere else (the deployer's shell, CI) and other rules speak about them.
      const read = project.envFiles.find((e) => e.path === dotenv);
      const sets = read ? new Set(read.entries.map((e) => e.key)) : undefined;
      const missing = new Map<string, Range>();
      for (const { node, result } of interpolatedScalars(file)) {
        for (const use of result.vars) {
          if (use.origin !== 'unset' && use.origin !== 'missing-required') continue;
          if (sets && !sets.has(use.name)) continue;
          if (!missing.has(use.name)) missing.set(use.name, node.range);
        }
      }
      if (missing.size === 0) continue;
      const names = [...missing.keys()];
      const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
      // A deploy script beside the file that exports the .env and runs docker stack deploy (moby/moby#29133's workaround).
      const script = project.scripts.find((s) => dirname(s.path) === dirname(file.path) && /docker\s+stack\s+deploy/.test(s.text) && EXPORTS_DOTENV.test(s.text));
      if (script) {
        report({ file: file.path, range: [...missing.values()][0], messageId: 'exported', severity: 'info', swarm: 'none', data: { variables: shown, verb: names.length === 1 ? 'is' : 'are', dotenv, script: script.path } });
        continue;
      }
      report({
        file: file.path,
        range: [...missing.values()][0],
        messageId: 'dotenv',
        data: { variables: shown, verb: names.length === 1 ? 'is' : 'are', them: names.length === 1 ? 'it' : 'them', dotenv },
      });
    }
  },
});
