import { defineRule } from '../rule.js';
import { getValue } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { loadable, referencedNames } from '../../project/compose/docker-cli.js';
import { parseVolumeSpec } from '../../project/compose/volume-spec.js';
import { basename, dirname } from '../../project/paths.js';
import type { ComposeFile } from '../../project/model.js';

function definitions(file: ComposeFile, kind: string): Map<string, unknown> {
  return kind === 'secret' ? file.secrets : kind === 'config' ? file.configs : kind === 'network' ? file.networks : file.volumes;
}

export default defineRule({
  id: 'swarm/undefined-reference',
  factor: 'swarm',
  severity: 'error',
  swarm: 'blocker',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A service uses a secret, config, network or named volume that the file does not define at the top level',
    rationale:
      'Every secret, config, network and named volume a service uses must be declared in the same file (or declared `external`). docker compose is lenient about some of these; docker stack deploy is not.',
    fix: 'Declare the name under the top-level `secrets:`/`configs:`/`networks:`/`volumes:` (with `file:` or `external: true` for secrets and configs), or fix the spelling.',
    swarm: 'docker stack deploy fails with "service web: undefined secret "db_password"" (likewise "undefined config", "undefined network", "undefined volume").',
    bad: 'services:\n  web:\n    image: web:1.0\n    secrets: [db_password]',
    good: 'services:\n  web:\n    image: web:1.0\n    secrets: [db_password]\nsecrets:\n  db_password:\n    external: true',
    exampleLanguage: 'yaml',
  },
  messages: {
    undefined: 'Service "{{service}}" uses {{kind}} "{{name}}", which is not defined at the top level: docker stack deploy fails with "service {{service}}: undefined {{kind}} "{{name}}""',
    inSibling: 'Service "{{service}}" uses {{kind}} "{{name}}", which {{other}} defines: this file deploys only together with it (docker stack deploy -c {{otherName}} -c {{thisName}}); alone it fails with "service {{service}}: undefined {{kind}} "{{name}}""',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      // `docker-compose.default.yml` defining the networks and volumes that `docker-compose.app.yml` beside it uses:
      // files of one folder meant to be deployed together (`-c default.yml -c app.yml`).
      const siblings = project.composeFiles.filter((f) => f !== file && loadable(f) && dirname(f.path) === dirname(file.path));
      for (const service of file.services) {
        const check = (kind: string, defined: Map<string, unknown>, refs: { name: string; range: import('../../project/range.js').Range }[]) => {
          for (const ref of refs) {
            if (kind === 'network' && ref.name === 'default') continue;
            if (defined.has(ref.name)) continue;
            const other = siblings.find((f) => definitions(f, kind).has(ref.name));
            if (other) report({ file: file.path, range: ref.range, messageId: 'inSibling', severity: 'info', swarm: 'deploy-input', data: { service: service.name, kind, name: ref.name, other: other.path, otherName: basename(other.path), thisName: basename(file.path) } });
            else report({ file: file.path, range: ref.range, messageId: 'undefined', data: { service: service.name, kind, name: ref.name } });
          }
        };
        check('secret', file.secrets, referencedNames(file, getValue(service.node, 'secrets')));
        check('config', file.configs, referencedNames(file, getValue(service.node, 'configs')));
        check('network', file.networks, referencedNames(file, getValue(service.node, 'networks')));
        const volumes = getValue(service.node, 'volumes');
        if (volumes?.kind !== 'seq') continue;
        const named: { name: string; range: import('../../project/range.js').Range }[] = [];
        for (const item of volumes.items) {
          if (item.kind === 'scalar') {
            if (file.interpolation.get(item)?.error) continue;
            const { volume } = parseVolumeSpec(resolvedString(file, item) ?? '');
            if (volume?.type === 'volume' && volume.source) named.push({ name: volume.source, range: item.range });
          } else if (item.kind === 'map') {
            const type = resolvedString(file, getValue(item, 'type'));
            const source = resolvedString(file, getValue(item, 'source'));
            if (type === 'volume' && source) named.push({ name: source, range: item.range });
          }
        }
        check('volume', file.volumes, named);
      }
    }
  },
});
