import { defineRule } from '../rule.js';
import { getEntry } from '../../project/yaml-tree.js';
import { loadable } from '../../project/compose/docker-cli.js';

export default defineRule({
  id: 'swarm/env-file-at-deploy',
  factor: 'swarm',
  severity: 'info',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A service takes its configuration from `env_file`, which docker stack deploy reads once on the deploying machine',
    rationale:
      'Factor III: config lives in the environment. With `env_file`, docker stack deploy reads the file where the command runs and copies every value into the service spec: the file must be present on that machine (not in the image or on the nodes), a change needs a new deploy, and every value, secrets included, is readable with `docker service inspect`.',
    fix: 'Keep `env_file` for non-secret settings and deploy from a machine (or CI job) that has the file; move credentials to Swarm secrets (`secrets:` + `*_FILE` variables) or to variables set in the deploy environment.',
    swarm: 'No message: the values are embedded in the service definition at deploy time.',
    bad: 'services:\n  api:\n    image: api:1.4.2\n    env_file: .env.production',
    good: 'services:\n  api:\n    image: api:1.4.2\n    environment:\n      DATABASE_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]',
    exampleLanguage: 'yaml',
  },
  messages: {
    envFile: 'Service "{{service}}" reads env_file at deploy time: docker stack deploy copies its values into the service spec (visible in docker service inspect, changed only by a new deploy); put credentials in Swarm secrets',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      for (const service of file.services) {
        const entry = getEntry(service.node, 'env_file');
        if (entry) report({ file: file.path, range: entry.keyRange, messageId: 'envFile', data: { service: service.name } });
      }
    }
  },
});
