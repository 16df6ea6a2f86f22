import { defineRule } from '../rule.js';
import { getValue } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { loadable } from '../../project/compose/docker-cli.js';
import { parseVolumeSpec } from '../../project/compose/volume-spec.js';

export default defineRule({
  id: 'swarm/invalid-volume-spec',
  factor: 'swarm',
  severity: 'error',
  swarm: 'blocker',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A short-syntax volume that docker stack deploy cannot parse, often because an unset variable made it blank (`${DATA}:/data` → `:/data`)',
    rationale:
      'Factor III: the deploy environment supplies host paths and names. When a variable used in a volume is not set, docker stack deploy substitutes an empty string and the volume spec breaks.',
    fix: 'Set the variable in the deploy environment, give it a default (`${DATA:-/srv/data}:/data`) or make it required (`${DATA:?set DATA}`); otherwise fix the spec to `source:target[:mode]`.',
    swarm: 'docker stack deploy fails with "error decoding \'Volumes[0]\': invalid spec: :/media/: empty section between colons" (or "too many colons").',
    bad: 'volumes:\n  - ${PLEX_MEDIA_PATH}:/media',
    good: 'volumes:\n  - ${PLEX_MEDIA_PATH:?set PLEX_MEDIA_PATH}:/media',
    exampleLanguage: 'yaml',
  },
  messages: {
    invalid: 'Service "{{service}}" volume "{{spec}}"{{interpolated}} is invalid: docker stack deploy fails with "error decoding \'Volumes[{{index}}]\': {{error}}"',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      for (const service of file.services) {
        const volumes = getValue(service.node, 'volumes');
        if (volumes?.kind !== 'seq') continue;
        volumes.items.forEach((item, index) => {
          if (item.kind !== 'scalar' || typeof item.value !== 'string') return;
          const interpolation = file.interpolation.get(item);
          if (interpolation?.error) return;
          const spec = resolvedString(file, item) ?? '';
          const { error } = parseVolumeSpec(spec);
          if (!error) return;
          const unset = interpolation?.vars.filter((v) => v.origin === 'unset').map((v) => v.name) ?? [];
          report({
            file: file.path,
            range: item.range,
            messageId: 'invalid',
            data: { service: service.name, spec, index, error, interpolated: unset.length ? ` (${unset.join(', ')} not set, so blank)` : '' },
          });
        });
      }
    }
  },
});
