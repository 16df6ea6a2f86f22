import { defineRule } from '../rule.js';
import { rawVersion, loadable } from '../../project/compose/docker-cli.js';
import { resolveSchemaVersion } from '../../project/compose/schema-data.js';

export default defineRule({
  id: 'swarm/unsupported-version',
  factor: 'swarm',
  severity: 'error',
  swarm: 'blocker',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'The compose file declares a `version` that docker stack deploy does not support',
    rationale:
      'docker stack deploy reads only the Compose file format 3.x (3.0 to 3.13). Files written for version 2 use options Swarm does not understand and are refused before anything else is checked.',
    fix: 'Remove the `version` line (docker stack deploy then uses the newest 3.x schema) or set `version: "3.8"`, and move v2-only options (`mem_limit`, `cpus`, `depends_on` conditions …) to their v3 forms.',
    swarm: 'docker stack deploy fails with "unsupported Compose file version: 2.4".',
    bad: 'version: "2.4"',
    good: 'version: "3.8"',
    exampleLanguage: 'yaml',
  },
  messages: {
    unsupported: 'docker stack deploy supports Compose file versions 3.0–3.13 only; it fails with "unsupported Compose file version: {{version}}"',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file) || !file.version) continue;
      const version = rawVersion(file) ?? '';
      if (resolveSchemaVersion(version) !== undefined) continue;
      report({ file: file.path, range: file.version.range, messageId: 'unsupported', data: { version } });
    }
  },
});
