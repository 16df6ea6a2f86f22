import { defineRule } from '../rule.js';
import { dockerPath } from '../../project/load-compose.js';
import { interpolationMessage } from '../../project/interpolate.js';
import { interpolatedScalars, loadable } from '../../project/compose/docker-cli.js';

export default defineRule({
  id: 'swarm/required-variable',
  factor: 'swarm',
  severity: 'error',
  swarm: 'deploy-input',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A required variable (`${VAR:?message}` / `${VAR?message}`) is not set in the deploy environment',
    rationale:
      'Factor III: config comes from the environment of the deploy. A required variable is the file saying so explicitly; the deploy cannot go on until the deployer supplies it. docker stack deploy reads only the shell environment (never a `.env` file).',
    fix: 'Export the variable in the shell or CI job that runs `docker stack deploy` (`DOMAIN=example.com docker stack deploy -c stack.yml app`). Tell twelvelint about it with `--env DOMAIN=example.com` or `--env-file deploy.env`.',
    swarm: 'docker stack deploy fails with "invalid interpolation format for services.web.environment.[]: "required variable DOMAIN is missing a value: …"; you may need to escape any $ with another $".',
    bad: 'environment:\n  - DOMAIN=${DOMAIN:?Variable not set}',
    exampleLanguage: 'yaml',
  },
  messages: {
    required: 'Set {{name}} before deploying{{uses}}: {{message}}',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      const first = new Map<string, { range: import('../../project/range.js').Range; message: string; count: number }>();
      for (const { node, path, result } of interpolatedScalars(file)) {
        if (result.error?.kind !== 'required') continue;
        // docker names one variable per string; the deployer has to supply every missing one.
        for (const use of result.vars.filter((v) => v.origin === 'missing-required')) {
          const seen = first.get(use.name);
          if (seen) seen.count++;
          else first.set(use.name, { range: node.range, message: interpolationMessage(dockerPath(path), { kind: 'required', detail: `required variable ${use.name} is missing a value: ${use.argument ?? ''}`, variable: use.name }), count: 1 });
        }
      }
      for (const [name, { range, message, count }] of first) {
        report({ file: file.path, range, messageId: 'required', data: { name, message, uses: count > 1 ? ` (required in ${count} places)` : '' } });
      }
    }
  },
});
