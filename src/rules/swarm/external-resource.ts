import { defineRule } from '../rule.js';
import { getEntry, getValue } from '../../project/yaml-tree.js';
import { externalName, isExternal, loadable, referencedNames } from '../../project/compose/docker-cli.js';

const CREATE: Record<string, string> = {
  network: 'docker network create --driver overlay --attachable {{name}}',
  secret: 'printf %s "$VALUE" | docker secret create {{name}} -',
  config: 'docker config create {{name}} ./file',
};

export default defineRule({
  id: 'swarm/external-resource',
  factor: 'swarm',
  severity: 'info',
  swarm: 'deploy-input',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'The stack uses an external network, secret or config that must exist in the swarm before deploying',
    rationale:
      'Factor III and IV: credentials and shared networks belong to the environment, not the codebase, so `external: true` is the right pattern. It is also a precondition: the deploy fails until someone creates them.',
    fix: 'Create them once per swarm before the first deploy (`docker network create --driver overlay proxy`, `docker secret create db_password -`) and document it next to the stack file.',
    swarm: 'Without them docker stack deploy fails with "network "proxy" is declared as external, but could not be found. You need to create a swarm-scoped network before the stack is deployed" or "service web: secret not found: db_password".',
    bad: 'secrets:\n  db_password:\n    external: true',
    exampleLanguage: 'yaml',
  },
  messages: {
    external: 'Create the external {{kind}} "{{name}}" in the swarm before deploying ({{command}}); {{services}} {{verb}} it',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      for (const [kind, defs, key] of [
        ['network', file.networks, 'networks'],
        ['secret', file.secrets, 'secrets'],
        ['config', file.configs, 'configs'],
      ] as const) {
        for (const [name, def] of defs) {
          if (!isExternal(def.node)) continue;
          const services = file.services
            .filter((s) => {
              const refs = referencedNames(file, getValue(s.node, key)).map((r) => r.name);
              if (kind === 'network' && refs.length === 0 && !getEntry(s.node, 'network_mode')) return name === 'default';
              return refs.includes(name);
            })
            .map((s) => `"${s.name}"`);
          if (services.length === 0) continue;
          const swarmName = externalName(name, def.node, file);
          report({
            file: file.path,
            range: getEntry(def.node, 'external')?.keyRange ?? def.keyRange,
            messageId: 'external',
            data: { kind, name: swarmName, command: CREATE[kind].replace('{{name}}', swarmName), services: `${services.length === 1 ? 'service' : 'services'} ${services.join(', ')}`, verb: services.length === 1 ? 'uses' : 'use' },
          });
        }
      }
    }
  },
});
