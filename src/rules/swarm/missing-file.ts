import { defineRule } from '../rule.js';
import { getValue } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { dirname, isInside, joinPath } from '../../project/paths.js';
import { isExternal, loadable } from '../../project/compose/docker-cli.js';
import type { Range } from '../../project/range.js';

export default defineRule({
  id: 'swarm/missing-file',
  factor: 'swarm',
  severity: 'error',
  swarm: 'blocker',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A secret or config `file:`, or an `env_file`, does not exist next to the compose file',
    rationale:
      'docker stack deploy reads secret and config files and env files on the machine that runs it, relative to the compose file, and sends their content to the swarm. A missing file stops the deploy.',
    fix: 'Create the file where the deploy runs (and keep real secrets out of git: create them in CI from a secret store), point `file:` at the right path, or declare the secret `external: true` and create it with `docker secret create`.',
    swarm: 'docker stack deploy fails with "open <path>: no such file or directory".',
    bad: 'secrets:\n  db_password:\n    file: ./secrets/db_password.txt   # not in the repository',
    good: 'secrets:\n  db_password:\n    external: true',
    exampleLanguage: 'yaml',
  },
  messages: {
    secretFile: '{{kind}} "{{name}}" reads {{path}}, which does not exist: docker stack deploy fails with "open {{path}}: no such file or directory"',
    envFile: 'Service "{{service}}" reads env_file {{path}}, which does not exist: docker stack deploy fails with "open {{path}}: no such file or directory"',
    inSubmodule: '{{what}} reads {{path}} from the git submodule {{submodule}}, which is not checked out here: run `git submodule update --init` where docker stack deploy runs, or it fails with "open {{path}}: no such file or directory"',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      const dir = dirname(file.path);
      const exists = (p: string) => p.startsWith('~') || project.pathExists(joinPath(dir, p));
      // A path inside a submodule exists once the submodule is checked out: the deployer's step, not a missing file.
      const submodule = (p: string) => project.submodules.find((s) => isInside(joinPath(dir, p), s));
      const missing = (what: string, p: string, range: Range, messageId: 'secretFile' | 'envFile', data: Record<string, string>) => {
        const sub = submodule(p);
        if (sub) report({ file: file.path, range, messageId: 'inSubmodule', data: { what, path: p, submodule: sub }, severity: 'info', swarm: 'deploy-input' });
        else report({ file: file.path, range, messageId, data });
      };
      for (const [kind, defs] of [['Secret', file.secrets], ['Config', file.configs]] as const) {
        for (const def of defs.values()) {
          if (isExternal(def.node)) continue;
          const node = getValue(def.node, 'file');
          const p = resolvedString(file, node);
          if (p && node && !exists(p)) missing(`${kind} "${def.name}"`, p, node.range, 'secretFile', { kind, name: def.name, path: p });
        }
      }
      for (const service of file.services) {
        const envFile = getValue(service.node, 'env_file');
        const items: { node: import('../../project/yaml-tree.js').YNode; range: Range }[] = envFile?.kind === 'seq' ? envFile.items.map((n) => ({ node: n, range: n.range })) : envFile ? [{ node: envFile, range: envFile.range }] : [];
        for (const { node, range } of items) {
          const p = resolvedString(file, node.kind === 'map' ? getValue(node, 'path') : node);
          if (p && !exists(p)) missing(`Service "${service.name}"`, p, range, 'envFile', { service: service.name, path: p });
        }
      }
    }
  },
});
