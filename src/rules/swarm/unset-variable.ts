import { defineRule } from '../rule.js';
import type { Range } from '../../project/range.js';
import type { ComposeFile } from '../../project/model.js';
import { interpolatedScalars, loadable } from '../../project/compose/docker-cli.js';
import { dirname, joinPath } from '../../project/paths.js';
import { backingFamily, IMAGE_REQUIRED_ENV, serviceImage } from '../../project/facts/service.js';

export default defineRule({
  id: 'swarm/unset-variable',
  factor: 'swarm',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose', 'env'],
  docs: {
    summary: 'A `${VAR}` without a default is not set in the deploy environment and becomes an empty string',
    rationale:
      'Factor III: config belongs to the deploy environment. docker stack deploy substitutes an empty string for an unset variable without a word, so a missing `TAG` deploys `app:` and a missing password inside a `DATABASE_URL` makes a broken URL. A variable the file requires elsewhere (`${X:?…}`) is set whenever the deploy succeeds and is not reported. Settings a file hands on as they are, under their own name (`- SMTP_HOST=${SMTP_HOST}`) or in a file that marks its required variables that way, are optional by convention (docker compose gives them the same empty string), unless the image refuses to start without them (`POSTGRES_PASSWORD` for postgres), and are listed once per file: as info, or as a warning naming the ones an env template beside the file (`.env.example`) gives values for, since those are meant to be set and docker stack deploy reads no env file. With a `.env` beside the file, swarm/dotenv-not-read reports the unset variables together.',
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
    passThroughTemplate:
      '{{count}} settings are handed on from the deploy environment ({{names}}), and {{template}} gives values for {{valued}}: docker stack deploy reads no env file, so unless they are exported where it runs each reaches the container as an empty string; export them (and give twelvelint the filled-in file with --deploy-env-file)',
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
        // `https://${ID}.${HOST}` and `-U $POSTGRES_USER -d $POSTGRES_DB` are variables as meant; `$apr1$r$ymeak…` is not.
        const distinct = new Set(unset.map((v) => v.name)).size;
        const variableLike = unset.every((v) => raw[v.offset + 1] === '{' || /^[A-Z][A-Z0-9_]*$/.test(v.name));
        if ((distinct >= 2 && !variableLike) || (distinct >= 1 && /\$(apr1|2[abxy]?|[156])\$/.test(raw))) {
          const names = [...new Set(unset.map((v) => `$${v.name}`))].join(', ');
          report({ file: file.path, range: node.range, messageId: 'literalDollar', data: { names } });
          continue;
        }
        // `- SMTP_HOST=${SMTP_HOST}` in a file that marks its required variables (`${X:?…}`): by the file's own
        // convention an optional setting handed on from the deploy environment, listed once per file.
        if (dotenv) continue;
        // `- PORT=${PORT}` (the key is the variable's own name) is the same convention without the markers.
        if (unset.length === 1 && path[0] === 'services' && path[2] === 'environment' && isWholeReference(raw, unset[0].name, typeof path[3] === 'number') && (required.size > 0 || environmentKey(raw, path[3]) === unset[0].name) && !imageRequires(file, path[1], environmentKey(raw, path[3]))) {
          passThrough.push({ name: unset[0].name, range: node.range });
          continue;
        }
        for (const use of unset) {
          const seen = first.get(use.name);
          if (seen) seen.count++;
          else first.set(use.name, { range: node.range, count: 1 });
        }
      }
      // A variable that also builds a larger value (`smtp://$SMTP_HOST`) is reported there, its hand-on counted.
      for (const p of passThrough) {
        const seen = first.get(p.name);
        if (!seen) continue;
        seen.count++;
        if (p.range.line < seen.range.line || (p.range.line === seen.range.line && p.range.column < seen.range.column)) seen.range = p.range;
      }
      for (const [name, { range, count }] of first) {
        report({ file: file.path, range, messageId: 'unset', data: { name, withDefault: `${'$'}{${name}:-default}`, required: `${'$'}{${name}:?message}`, uses: count > 1 ? ` and in ${count - 1} more place${count > 2 ? 's' : ''}` : '' } });
      }
      const names = [...new Set(passThrough.map((p) => p.name).filter((n) => !first.has(n)))];
      if (names.length > 0) {
        const range = passThrough.find((p) => !first.has(p.name))!.range;
        // Values the project gives in a template beside the file (`.env.example`) are ones the deploy is meant to set.
        const templates = project.envFiles.filter((e) => e.isTemplate && dirname(e.path) === dirname(file.path));
        const valued = names.filter((n) => templates.some((t) => t.entries.some((e) => e.key === n && e.value !== '')));
        if (valued.length > 0) {
          report({ file: file.path, range, messageId: 'passThroughTemplate', data: { count: String(names.length), names: shown(names), valued: shown(valued), template: templates.find((t) => t.entries.some((e) => valued.includes(e.key)))!.path } });
        } else {
          report({ file: file.path, range, messageId: 'passThrough', severity: 'info', swarm: 'none', data: { count: String(names.length), names: shown(names) } });
        }
      }
    }
  },
});

/** The service's image refuses to start with this variable empty (`POSTGRES_PASSWORD` for postgres). */
function imageRequires(file: ComposeFile, serviceName: string | number | undefined, key: string | undefined): boolean {
  const service = file.services.find((s) => s.name === serviceName);
  const image = service ? serviceImage(service) : undefined;
  const family = image ? backingFamily(image.value) : undefined;
  return key !== undefined && family !== undefined && (IMAGE_REQUIRED_ENV[family]?.test(key) ?? false);
}

function shown(names: string[]): string {
  return names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', ');
}

/** The environment key a value belongs to: the map key, or the text before `=` in list form. */
function environmentKey(raw: string, key: string | number | undefined): string | undefined {
  if (typeof key === 'string') return key;
  const eq = raw.indexOf('=');
  return eq > 0 ? raw.slice(0, eq) : undefined;
}

/** The value is the variable and nothing else: `${X}`, `$X`, or `KEY=${X}` in list form. */
function isWholeReference(raw: string, name: string, listForm: boolean): boolean {
  const value = listForm ? raw.slice(raw.indexOf('=') + 1) : raw;
  return value === `$${name}` || value === `\${${name}}`;
}
