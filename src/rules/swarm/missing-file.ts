import { defineRule } from '../rule.js';
import { getValue } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { dirname, isInside, joinPath, selfAndAncestors } from '../../project/paths.js';
import { isExternal, loadable } from '../../project/compose/docker-cli.js';
import type { Range } from '../../project/range.js';
import type { YNode } from '../../project/yaml-tree.js';

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
    fix: 'Create the file where the deploy runs (and keep real secrets out of git: create them in CI from a secret store), point `file:` at the right path, or declare the secret `external: true` and create it with `docker secret create`. A file with a committed template beside it (`.env` and `.env.example`) is reported as a deploy input (info): the deployer creates it from the template. One missing env file is one finding, naming every service that reads it.',
    swarm: 'docker stack deploy fails with "open <path>: no such file or directory".',
    bad: 'secrets:\n  db_password:\n    file: ./secrets/db_password.txt   # not in the repository',
    good: 'secrets:\n  db_password:\n    external: true',
    exampleLanguage: 'yaml',
  },
  messages: {
    secretFile: '{{kind}} "{{name}}" reads {{path}}, which does not exist: docker stack deploy fails with "open {{path}}: no such file or directory"',
    envFile: '{{what}} env_file {{path}}, which does not exist: docker stack deploy fails with "open {{path}}: no such file or directory"',
    fromTemplate: '{{what}} {{path}}, which is not in the repository but has the template {{template}}: create it from the template where docker stack deploy runs, or the deploy fails with "open {{path}}: no such file or directory"',
    inSubmodule: '{{what}} reads {{path}} from the git submodule {{submodule}}, which is not checked out here: run `git submodule update --init` where docker stack deploy runs, or it fails with "open {{path}}: no such file or directory"',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      const dir = dirname(file.path);
      const exists = (p: string) => p.startsWith('~') || project.pathExists(joinPath(dir, p));
      // A path inside a submodule exists once the submodule is checked out: the deployer's step, not a missing file.
      const submodule = (p: string) => project.submodules.find((s) => isInside(joinPath(dir, p), s));
      // A file with a committed template (`.env` beside `.env.example`) is one the deployer creates: an input, not a mistake.
      const template = (p: string) => templatesOf(joinPath(dir, p)).find((t) => project.pathExists(t));
      const missing = (what: string, p: string, range: Range, data: Record<string, string>) => {
        const sub = submodule(p);
        const tpl = sub ? undefined : template(p);
        if (sub) report({ file: file.path, range, messageId: 'inSubmodule', data: { what, path: p, submodule: sub }, severity: 'info', swarm: 'deploy-input' });
        else if (tpl) report({ file: file.path, range, messageId: 'fromTemplate', data: { what: `${what} reads`, path: p, template: tpl }, severity: 'info', swarm: 'deploy-input' });
        else report({ file: file.path, range, messageId: 'secretFile', data });
      };
      for (const [kind, defs] of [['Secret', file.secrets], ['Config', file.configs]] as const) {
        for (const def of defs.values()) {
          if (isExternal(def.node)) continue;
          const node = getValue(def.node, 'file');
          const p = resolvedString(file, node);
          if (p && node && !exists(p)) missing(`${kind} "${def.name}"`, p, node.range, { kind, name: def.name, path: p });
        }
      }
      // One missing env file is one problem, however many services read it: reported where it is first named.
      const envFiles = new Map<string, { range: Range; services: string[] }>();
      for (const service of file.services) {
        const envFile = getValue(service.node, 'env_file');
        const items: YNode[] = envFile?.kind === 'seq' ? envFile.items : envFile ? [envFile] : [];
        for (const node of items) {
          const p = resolvedString(file, node.kind === 'map' ? getValue(node, 'path') : node);
          if (!p || exists(p)) continue;
          const seen = envFiles.get(p);
          if (seen) seen.services.push(service.name);
          else envFiles.set(p, { range: node.range, services: [service.name] });
        }
      }
      for (const [p, { range, services }] of envFiles) {
        const names = services.map((n) => `"${n}"`).join(', ');
        const what = services.length > 1 ? `Services ${names} read` : `Service ${names} reads`;
        const sub = submodule(p);
        const tpl = sub ? undefined : template(p);
        if (sub) report({ file: file.path, range, messageId: 'inSubmodule', data: { what: services.length > 1 ? `Services ${names}` : `Service ${names}`, path: p, submodule: sub }, severity: 'info', swarm: 'deploy-input' });
        else if (tpl) report({ file: file.path, range, messageId: 'fromTemplate', data: { what: `${what} env_file`, path: p, template: tpl }, severity: 'info', swarm: 'deploy-input' });
        else report({ file: file.path, range, messageId: 'envFile', data: { what, path: p } });
      }
    }
  },
});

/**
 * Where a template of a file would be: `.env.example`, `.env.sample`, `config.json.dist`, `env.example` …,
 * beside it or in a folder above (a compose file in `docs/install/` whose `.env` comes from the root's `.env.template`).
 */
function templatesOf(path: string): string[] {
  const own = dirname(path);
  const name = path.slice(own === '.' ? 0 : own.length + 1);
  const bare = name.replace(/^\./, '');
  return selfAndAncestors(own).flatMap((dir) => [
    ...['example', 'sample', 'template', 'tmpl', 'tpl', 'dist', 'default', 'defaults'].map((s) => joinPath(dir, `${name}.${s}`)),
    ...(name.startsWith('.env') ? ['example', 'sample', 'template'].flatMap((s) => [joinPath(dir, `${s}.${bare}`), joinPath(dir, `${bare}.${s}`)]) : []),
    // `.env-example`, `env_example`, `ENVEXAMPLE` (maxun): the same template with other separators or case.
    ...(name === '.env' ? ['example', 'sample', 'template'].flatMap((s) => ['-', '_', ''].flatMap((sep) => [`.env${sep}${s}`, `env${sep}${s}`, `ENV${sep}${s.toUpperCase()}`]).map((t) => joinPath(dir, t))) : []),
  ]);
}
