import { defineRule } from '../rule.js';
import type { Range } from '../../project/range.js';
import { interpolatedScalars, loadable } from '../../project/compose/docker-cli.js';
import { dirname, joinPath } from '../../project/paths.js';

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
      'Factor III: config belongs to the deploy environment. docker stack deploy substitutes an empty string for an unset variable without a word, so a missing `TAG` deploys `app:` and a missing password inside a `DATABASE_URL` makes a broken URL. A variable the file requires elsewhere (`${X:?…}`) is set whenever the deploy succeeds and is not reported. In a file that marks its required variables that way, the settings it hands on as they are (`- SMTP_HOST=${SMTP_HOST}`) are optional by its own convention and are listed once per file (info): unset, they reach the container as empty strings. With a `.env` beside the file, swarm/dotenv-not-read reports the unset variables together.',
    fix: 'Set the variable where `docker stack deploy` runs, give it a default (`${TAG:-1.4.2}`), or make it required (`${TAG:?set TAG}`) so a missing value stops the deploy. Tell twelvelint about deploy variables with `--env`/`--env-file`.',
    swarm: 'No message: the value is blank in the service spec. (`.env` files are not read by docker stack deploy.)',
    bad: 'image: registry.example.com/app:${TAG}',
    good: 'image: registry.example.com/app:${TAG:?set TAG to the release tag}',
    exampleLanguage: 'yaml',
  },
  messages: {
    unset: '{{name}} is not set in the deploy environment, so docker stack deploy substitutes an empty string here{{uses}}; set it, or write {{withDefault}} or {{required}}',
    passThrough:
      '{{count}} optional settings are handed on from the deploy environment ({{names}}): each one not set where docker stack deploy runs reaches the container as an empty string, not as an absent variable (code that falls back with `??` or `in` gets ""); set the ones this deploy needs',
    literalDollar:
      'This value holds "$" signs that docker stack deploy reads as the variables {{names}}, which are not set, so each becomes an empty string and the value is mangled (a password hash, say); write $$ for a literal $',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      // With a .env beside the file, the unset variables are one problem: swarm/dotenv-not-read names them all.
      const dotenv = project.pathExists(joinPath(dirname(file.path), '.env'));
      const scalars = interpolatedScalars(file);
      // A variable the file requires (`${X:?…}`) is set whenever the deploy succeeds: its plain uses are fine.
      const required = new Set(scalars.flatMap(({ result }) => result.vars.filter((v) => v.form === 'required' || v.form === 'required-non-empty').map((v) => v.name)));
      const first = new Map<string, { range: Range; count: number }>();
      const passThrough: { name: string; range: Range }[] = [];
      for (const { node, path, result } of scalars) {
        if (result.error) continue;
        const unset = result.vars.filter((v) => v.origin === 'unset' && !required.has(v.name));
        // `$apr1$r$ymeak…`, `$2y$10$…`: several unset names in one value, or a hash shape, are literal dollars, not config.
        const raw = typeof node.value === 'string' ? node.value : '';
        if (unset.length >= 2 || (unset.length === 1 && /\$(apr1|2[abxy]?|[156])\$/.test(raw))) {
          const names = [...new Set(unset.map((v) => `$${v.name}`))].join(', ');
          report({ file: file.path, range: node.range, messageId: 'literalDollar', data: { names } });
          continue;
        }
        // `- SMTP_HOST=${SMTP_HOST}` in a file that marks its required variables (`${X:?…}`): by the file's own
        // convention an optional setting handed on from the deploy environment, listed once per file.
        if (dotenv) continue;
        if (required.size > 0 && unset.length === 1 && path[0] === 'services' && path[2] === 'environment' && isWholeReference(raw, unset[0].name, typeof path[3] === 'number')) {
          passThrough.push({ name: unset[0].name, range: node.range });
          continue;
        }
        if (dotenv) continue;
        for (const use of unset) {
          const seen = first.get(use.name);
          if (seen) seen.count++;
          else first.set(use.name, { range: node.range, count: 1 });
        }
      }
      // A variable that also builds a larger value (`smtp://$SMTP_HOST`) is reported there, its hand-on counted.
      for (const p of passThrough) {
        const seen = first.get(p.name);
        if (seen) seen.count++;
      }
      for (const [name, { range, count }] of first) {
        report({ file: file.path, range, messageId: 'unset', data: { name, withDefault: `${'$'}{${name}:-default}`, required: `${'$'}{${name}:?message}`, uses: count > 1 ? ` and in ${count - 1} more place${count > 2 ? 's' : ''}` : '' } });
      }
      const names = [...new Set(passThrough.map((p) => p.name).filter((n) => !first.has(n)))];
      if (names.length > 0) {
        const shown = names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', ');
        report({ file: file.path, range: passThrough.find((p) => !first.has(p.name))!.range, messageId: 'passThrough', severity: 'info', swarm: 'none', data: { count: String(names.length), names: shown } });
      }
    }
  },
});

/** The value is the variable and nothing else: `${X}`, `$X`, or `KEY=${X}` in list form. */
function isWholeReference(raw: string, name: string, listForm: boolean): boolean {
  const value = listForm ? raw.slice(raw.indexOf('=') + 1) : raw;
  return value === `$${name}` || value === `\${${name}}`;
}
