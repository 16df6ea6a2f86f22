import { defineRule } from '../rule.js';
import { getValue } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { loadable } from '../../project/compose/docker-cli.js';

/** Splits `[ip:]host:container[/proto]` as moby's nat.ParsePortSpec does. */
export function parsePortSpec(spec: string): { ip: string; host: string; container: string; proto: string } {
  let rest = spec.trim();
  let proto = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    proto = rest.slice(slash + 1) || 'tcp';
    rest = rest.slice(0, slash);
  }
  let ip = '';
  if (rest.startsWith('[')) {
    const end = rest.indexOf(']');
    ip = rest.slice(1, end);
    rest = rest.slice(end + 2);
    const [host = '', container = ''] = rest.split(':');
    return { ip, host, container, proto };
  }
  const parts = rest.split(':');
  if (parts.length >= 3) return { ip: parts.slice(0, parts.length - 2).join(':'), host: parts[parts.length - 2], container: parts[parts.length - 1], proto };
  if (parts.length === 2) return { ip, host: parts[0], container: parts[1], proto };
  return { ip, host: '', container: parts[0], proto };
}

function expandRange(text: string): string[] {
  const m = /^(\d+)-(\d+)$/.exec(text);
  if (!m) return [text];
  const out: string[] = [];
  for (let p = Number(m[1]); p <= Number(m[2]) && out.length < 100; p++) out.push(String(p));
  return out;
}

export default defineRule({
  id: 'swarm/host-ip-port',
  factor: 'swarm',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A published port is bound to a host IP (`127.0.0.1:5432:5432`), which Swarm ignores',
    rationale:
      'Binding to 127.0.0.1 is how a compose file keeps a database port private to the host. Swarm\'s routing mesh publishes on every node and every interface: the port meant to be private becomes public on the whole cluster.',
    fix: 'Do not publish ports of internal services at all (other services reach them over the overlay network); if you must reach one from the host, use `docker exec` or a tunnel, or publish with `mode: host` on a node with a firewall.',
    swarm: 'docker stack deploy prints "ignoring IP-address (127.0.0.1:5432:5432/tcp) service will listen on \'0.0.0.0\'".',
    bad: 'ports:\n  - "127.0.0.1:5432:5432"',
    good: '# no ports: the app reaches postgres as db:5432 on the overlay network',
    exampleLanguage: 'yaml',
  },
  messages: {
    hostIp: 'Swarm ignores the host IP {{ip}}: "ignoring IP-address ({{binding}}) service will listen on \'0.0.0.0\'" — port {{host}} becomes reachable on every node',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      for (const service of file.services) {
        const ports = getValue(service.node, 'ports');
        if (ports?.kind !== 'seq') continue;
        for (const item of ports.items) {
          if (item.kind !== 'scalar') continue;
          const spec = resolvedString(file, item);
          if (!spec) continue;
          const { ip, host, container, proto } = parsePortSpec(spec);
          if (!ip || ip === '0.0.0.0') continue;
          // A value that is no port spec at all (a broken `${VAR:+…}` left `{VAR:+…}` behind) is swarm/schema-violation's.
          if (!/^[\w.:%-]+$/.test(ip) || !/^\d+(-\d+)?$/.test(host || '0') || !/^\d+(-\d+)?$/.test(container)) continue;
          const hosts = expandRange(host);
          const containers = expandRange(container);
          const binding = `${ip}:${hosts[0]}:${containers[0]}/${proto}`;
          report({ file: file.path, range: item.range, messageId: 'hostIp', data: { ip, binding, host: host || container } });
        }
      }
    }
  },
});
