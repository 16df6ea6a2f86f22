import { defineRule } from '../rule.js';
import { getEntry } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';

export default defineRule({
  id: 'backing-services/compose-links',
  factor: 'backing-services',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose'],
  sameProblemAs: ['swarm/ignored-option'],
  docs: {
    summary: 'A service is wired to its backing services with `links:` / `external_links:`',
    rationale:
      'Factor IV: a backing service is an attached resource, located through config and reachable over the network by a name the platform provides. `links` is a legacy Docker feature that hard-wires one container to another and can invent extra host names (`db:database`); on user-defined networks every service is already reachable by its service name, and the app should read that address from its config.',
    fix: 'Remove `links:`; put the services on a shared network (the default network of a compose project already is one) and point the app at the service name through an environment variable (`DATABASE_URL: postgres://db:5432/app`). If the app needs another host name, give the target service `networks: { default: { aliases: [database] } }`.',
    swarm: 'docker stack deploy prints "Ignoring unsupported options: links" (and external_links). Plain links do no harm there because service names resolve anyway, but an alias (`db:database`) does not exist in Swarm, so the app cannot resolve `database`.',
    bad: 'services:\n  web:\n    image: acme/web:1.4.2\n    links:\n      - db:database',
    good: 'services:\n  web:\n    image: acme/web:1.4.2\n    environment:\n      DATABASE_URL: postgres://db:5432/app',
    exampleLanguage: 'yaml',
  },
  messages: {
    alias: 'Service "{{service}}" links {{targets}} under the alias {{aliases}}: Swarm ignores links, so {{aliases}} will not resolve; use the service name (or a network alias) in the app\'s config',
    plain: 'Service "{{service}}" uses links ({{targets}}): service names already resolve on a shared network and Swarm ignores links; remove it and point the app at the service name through its config',
    external: 'Service "{{service}}" reaches the container{{plural}} {{targets}} through external_links, which Swarm ignores; attach them to a shared overlay network and point the app at the service name through its config',
  },
  check({ project, report }) {
    const quote = (names: string[]) => names.map((n) => `"${n}"`).join(', ');
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        for (const key of ['links', 'external_links'] as const) {
          const entry = getEntry(service.node, key);
          if (!entry || entry.value.kind !== 'seq') continue;
          const specs = entry.value.items.map((item) => resolvedString(file, item)).filter((s): s is string => Boolean(s)).map((s) => s.split(':'));
          if (specs.length === 0) continue;
          const targets = quote(specs.map(([t]) => t));
          // One finding per key: the problem is using links, whatever their number.
          if (key === 'external_links') report({ file: file.path, range: entry.keyRange, messageId: 'external', data: { service: service.name, targets, plural: specs.length > 1 ? 's' : '' } });
          else {
            const aliased = specs.filter(([t, a]) => a && a !== t);
            if (aliased.length) report({ file: file.path, range: entry.keyRange, messageId: 'alias', data: { service: service.name, targets: quote(aliased.map(([t]) => t)), aliases: quote(aliased.map(([, a]) => a)) } });
            else report({ file: file.path, range: entry.keyRange, messageId: 'plain', swarm: 'none', data: { service: service.name, targets } });
          }
        }
      }
    }
  },
});
