import { defineRule } from '../rule.js';
import type { ComposeFile } from '../../project/model.js';
import { dirname } from '../../project/paths.js';
import { mapEntries, resolvedString } from '../../project/load-compose.js';
import { getValue } from '../../project/yaml-tree.js';
import { serviceEnvironment } from '../../project/facts/service.js';

const HOST_KEY = /(^|_)(HOST|HOSTNAME|HOSTS|ADDR|ADDRESS|SERVER|SERVERS|ENDPOINT|BROKERS?|NODES?)$/i;

/** Host names a value names: URL hosts, `host:port` items, or the whole value for *_HOST keys. */
export function hostsIn(key: string, value: string): string[] {
  const out: string[] = [];
  for (const m of value.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/(?:[^\s@/]*@)?([A-Za-z0-9_.-]+)/gi)) out.push(m[1]);
  if (out.length > 0) return out;
  for (const part of value.split(/[,\s;]+/)) {
    const m = /^([A-Za-z0-9_.-]+):\d+$/.exec(part);
    if (m) out.push(m[1]);
    else if (HOST_KEY.test(key) && /^[A-Za-z0-9_.-]+$/.test(part)) out.push(part);
  }
  return out;
}

export default defineRule({
  id: 'backing-services/container-name-reference',
  factor: 'backing-services',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A backing service is addressed by its `container_name` instead of its service name',
    rationale:
      'Factor IV: backing services are attached resources, located by a name the platform resolves. A `container_name` is a property of one container on one Docker host; the service name is the stable address every replica and every platform understands. Configuring an app with `DB_HOST=myapp-postgres` (the container name of service `db`) ties it to that one container. Checked: values in `environment:` (URL hosts, `host:port` items, and whole values of `*_HOST`-style keys) equal to the `container_name` of a service in a compose file of the same directory, when that name differs from every service name and network alias.',
    fix: 'Use the service name (`DB_HOST=db`), or add the name as a network alias of the target service (`networks: { default: { aliases: [myapp-postgres] } }`), and drop `container_name`.',
    swarm: 'docker stack deploy ignores `container_name` ("Ignoring deprecated options: container_name: Setting the container name is not supported"); tasks get generated names, so the configured host name does not resolve.',
    bad: 'services:\n  db:\n    image: postgres:16\n    container_name: myapp-postgres\n  api:\n    image: acme/api:1.4.2\n    environment:\n      DB_HOST: myapp-postgres',
    good: 'services:\n  db:\n    image: postgres:16\n  api:\n    image: acme/api:1.4.2\n    environment:\n      DB_HOST: db',
    exampleLanguage: 'yaml',
  },
  messages: {
    containerName:
      'Service "{{service}}" reaches "{{host}}" through {{key}}, but that is the container_name of service "{{target}}", not a service name: Swarm ignores container_name, so the name will not resolve; use "{{target}}"',
  },
  check({ project, report }) {
    const byDir = new Map<string, ComposeFile[]>();
    for (const f of project.composeFiles) byDir.set(dirname(f.path), [...(byDir.get(dirname(f.path)) ?? []), f]);
    for (const files of byDir.values()) {
      const services = files.flatMap((f) => f.services);
      const resolvable = new Set(services.map((s) => s.name));
      for (const s of services) {
        for (const net of mapEntries(getValue(s.node, 'networks'))) {
          const aliases = getValue(net.value, 'aliases');
          if (aliases?.kind === 'seq') for (const a of aliases.items) {
            const name = resolvedString(s.file, a);
            if (name) resolvable.add(name);
          }
        }
      }
      const containerNames = new Map<string, string>();
      for (const s of services) {
        const name = resolvedString(s.file, getValue(s.node, 'container_name'));
        if (name && name !== s.name && !resolvable.has(name)) containerNames.set(name, s.name);
      }
      if (containerNames.size === 0) continue;
      for (const s of services) {
        for (const v of serviceEnvironment(s)) {
          if (!v.value) continue;
          const host = hostsIn(v.key, v.value).find((h) => containerNames.has(h));
          if (!host) continue;
          report({ file: s.file.path, range: v.range, messageId: 'containerName', data: { service: s.name, host, key: v.key, target: containerNames.get(host)! } });
        }
      }
    }
  },
});
