import { defineRule } from '../rule.js';
import { getEntry, getValue } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { isExternal, loadable, referencedNames } from '../../project/compose/docker-cli.js';

const LOCAL_DRIVERS = new Set(['bridge', 'host', 'none']);

export default defineRule({
  id: 'swarm/local-network-driver',
  factor: 'swarm',
  severity: 'error',
  swarm: 'blocker',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A network used by a service is declared with a local driver (`bridge`, `host`)',
    rationale:
      'Swarm services span nodes, so their networks must be swarm-scoped. A `driver: bridge` network exists on one host only; docker stack deploy creates it, then the daemon refuses to attach services to it.',
    fix: 'Remove `driver: bridge` (stack networks default to `overlay`) or set `driver: overlay`.',
    swarm: 'The deploy fails when the first service is created: "The network <stack>_<name> cannot be used with services. Only networks scoped to the swarm can be used, such as those created with the overlay driver."',
    bad: 'networks:\n  backend:\n    driver: bridge',
    good: 'networks:\n  backend:\n    driver: overlay',
    exampleLanguage: 'yaml',
  },
  messages: {
    local: 'Network "{{network}}" uses the local driver {{driver}}, but {{services}} {{verb}} attached to it: the daemon refuses with "Only networks scoped to the swarm can be used, such as those created with the overlay driver"; use driver: overlay',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      const users = new Map<string, string[]>();
      for (const service of file.services) {
        if (getEntry(service.node, 'network_mode')) continue;
        const refs = referencedNames(file, getValue(service.node, 'networks')).map((r) => r.name);
        for (const name of refs.length ? refs : ['default']) users.set(name, [...(users.get(name) ?? []), service.name]);
      }
      for (const [name, def] of file.networks) {
        if (isExternal(def.node)) continue;
        const driverNode = getValue(def.node, 'driver');
        const driver = resolvedString(file, driverNode);
        const services = users.get(name);
        if (!driver || !LOCAL_DRIVERS.has(driver) || !services) continue;
        report({ file: file.path, range: driverNode!.range, messageId: 'local', data: { network: name, driver, services: `${services.length === 1 ? 'service' : 'services'} ${services.map((s) => `"${s}"`).join(', ')}`, verb: services.length === 1 ? 'is' : 'are' } });
      }
    }
  },
});
