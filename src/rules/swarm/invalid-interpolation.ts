import { defineRule } from '../rule.js';
import { dockerPath } from '../../project/load-compose.js';
import { interpolationMessage } from '../../project/interpolate.js';
import { castForPath } from '../../project/compose/casts.js';
import { interpolatedScalars, loadable } from '../../project/compose/docker-cli.js';

export default defineRule({
  id: 'swarm/invalid-interpolation',
  factor: 'swarm',
  severity: 'error',
  swarm: 'blocker',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A `$` expression docker stack deploy cannot interpolate, or a value that no longer fits its field after interpolation',
    rationale:
      'docker stack deploy supports `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`, `${VAR?error}` and `$$`. Anything else (`${VAR:+x}`, `${VAR/a/b}`, a lone `$`) stops the deploy; so does a number or boolean field whose interpolated text is not a number or boolean.',
    fix: 'Write a literal `$` as `$$`; replace unsupported forms with a supported one (or render the file with `docker compose config` first); make sure numeric fields interpolate to numbers.',
    swarm: 'docker stack deploy fails with "invalid interpolation format for services.web.command: "${A:+x}"; you may need to escape any $ with another $", or "error while interpolating services.web.deploy.replicas: failed to cast to expected type: …".',
    bad: 'command: echo ${GREETING:+hello}',
    good: 'command: echo $${GREETING}',
    exampleLanguage: 'yaml',
  },
  messages: {
    invalid: '{{message}}',
    cast: 'error while interpolating {{path}}: {{error}}',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      for (const { node, path, result } of interpolatedScalars(file)) {
        if (result.error?.kind === 'invalid') {
          report({ file: file.path, range: node.range, messageId: 'invalid', data: { message: interpolationMessage(dockerPath(path), result.error) } });
          continue;
        }
        if (result.error || result.value === node.value) continue;
        // docker casts numeric/boolean fields only when interpolation changed the text.
        const cast = castForPath(path.map(String), result.value);
        if (cast !== null && typeof cast === 'object' && 'error' in cast) {
          report({ file: file.path, range: node.range, messageId: 'cast', data: { path: dockerPath(path), error: cast.error } });
        }
      }
    }
  },
});
