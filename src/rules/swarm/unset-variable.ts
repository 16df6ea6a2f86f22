import { defineRule } from '../rule.js';
import type { Range } from '../../project/range.js';
import { interpolatedScalars, loadable } from '../../project/compose/docker-cli.js';

export default defineRule({
  id: 'swarm/unset-variable',
  factor: 'swarm',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A `${VAR}` without a default is not set in the deploy environment and becomes an empty string',
    rationale:
      'Factor III: config belongs to the deploy environment. docker stack deploy substitutes an empty string for an unset variable without a word, so a missing `TAG` deploys `app:` and a missing `SMTP_HOST` starts the service with a blank setting.',
    fix: 'Set the variable where `docker stack deploy` runs, give it a default (`${TAG:-1.4.2}`), or make it required (`${TAG:?set TAG}`) so a missing value stops the deploy. Tell twelvelint about deploy variables with `--env`/`--env-file`.',
    swarm: 'No message: the value is blank in the service spec. (`.env` files are not read by docker stack deploy.)',
    bad: 'image: registry.example.com/app:${TAG}',
    good: 'image: registry.example.com/app:${TAG:?set TAG to the release tag}',
    exampleLanguage: 'yaml',
  },
  messages: {
    unset: '{{name}} is not set in the deploy environment, so docker stack deploy substitutes an empty string here{{uses}}; set it, or write {{withDefault}} or {{required}}',
    literalDollar:
      'This value holds "$" signs that docker stack deploy reads as the variables {{names}}, which are not set, so each becomes an empty string and the value is mangled (a password hash, say); write $$ for a literal $',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      const first = new Map<string, { range: Range; count: number }>();
      for (const { node, result } of interpolatedScalars(file)) {
        if (result.error) continue;
        const unset = result.vars.filter((v) => v.origin === 'unset');
        // `$apr1$r$ymeak…`, `$2y$10$…`: several unset names in one value, or a hash shape, are literal dollars, not config.
        const raw = typeof node.value === 'string' ? node.value : '';
        if (unset.length >= 2 || (unset.length === 1 && /\$(apr1|2[abxy]?|[156])\$/.test(raw))) {
          const names = [...new Set(unset.map((v) => `$${v.name}`))].join(', ');
          report({ file: file.path, range: node.range, messageId: 'literalDollar', data: { names } });
          continue;
        }
        for (const use of unset) {
          const seen = first.get(use.name);
          if (seen) seen.count++;
          else first.set(use.name, { range: node.range, count: 1 });
        }
      }
      for (const [name, { range, count }] of first) {
        report({ file: file.path, range, messageId: 'unset', data: { name, withDefault: `${'$'}{${name}:-default}`, required: `${'$'}{${name}:?message}`, uses: count > 1 ? ` and in ${count - 1} more place${count > 2 ? 's' : ''}` : '' } });
      }
    }
  },
});
