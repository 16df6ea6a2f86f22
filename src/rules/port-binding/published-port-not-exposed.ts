import { defineRule } from '../rule.js';
import { getValue } from '../../project/yaml-tree.js';
import { resolvedString, resolvedValue } from '../../project/load-compose.js';
import type { YNode } from '../../project/yaml-tree.js';
import type { ComposeService } from '../../project/model.js';
import { buildTarget, serviceEnvironment } from '../../project/facts/service.js';

/** The container (target) port of a short or long port entry. */
export function targetPort(spec: string): number | undefined {
  const noProto = spec.split('/')[0];
  const parts = noProto.split(':');
  const last = parts[parts.length - 1];
  const m = /^(\d+)(?:-\d+)?$/.exec(last);
  return m ? Number(m[1]) : undefined;
}

/** Debugger ports (node --inspect, JDWP, debugpy, delve, xdebug): opened by a debug flag, never EXPOSEd. */
const DEBUG_PORTS = new Set([9229, 9230, 5005, 5678, 2345, 9003]);

export default defineRule({
  id: 'port-binding/published-port-not-exposed',
  factor: 'port-binding',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  inputs: ['compose', 'dockerfile'],
  docs: {
    summary: "A service publishes a container port its image does not `EXPOSE`",
    rationale:
      'Factor VII: the app is self-contained and exports its service by binding to a port. The Dockerfile `EXPOSE` documents that port; a compose file publishing a different one usually means the two disagree about where the app listens, and traffic goes nowhere.',
    fix: 'Make the compose target port, the `EXPOSE` line and the port the app listens on (ideally read from `PORT`) the same number.',
    swarm: 'Swarm\'s routing mesh forwards the published port to the target port of every task; if nothing listens there, requests fail and healthchecks never pass.',
    bad: '# Dockerfile: EXPOSE 3000\nports:\n  - "8080:8080"',
    good: '# Dockerfile: EXPOSE 3000\nports:\n  - "8080:3000"',
    exampleLanguage: 'yaml',
  },
  messages: {
    mismatch: 'Service "{{service}}" publishes container port {{port}}, but {{dockerfile}} only EXPOSEs {{exposed}}',
  },
  check({ project, report }) {
    /** The port number appears in the service's command, entrypoint, `expose` or environment: the app is told to listen there. */
    const mentioned = (service: ComposeService, port: number): boolean => {
      const re = new RegExp(`(^|[^\\d])${port}($|[^\\d])`);
      for (const s of [service, service.overriddenBy]) {
        if (!s) continue;
        for (const key of ['command', 'entrypoint', 'expose', 'healthcheck']) {
          const node = getValue(s.node, key);
          if (node && re.test(JSON.stringify(toPlainResolved(s, node)))) return true;
        }
        if (serviceEnvironment(s).some((v) => v.value !== undefined && re.test(v.value))) return true;
      }
      return false;
    };
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        if (!service.dockerfile) continue;
        const exposed = new Set(project.facts.image(service.dockerfile, buildTarget(service)).exposed);
        if (exposed.size === 0) continue;
        const ports = getValue(service.node, 'ports');
        if (ports?.kind !== 'seq') continue;
        for (const item of ports.items) {
          const target = item.kind === 'map' ? Number(resolvedString(file, getValue(item, 'target'))) : targetPort(resolvedString(file, item) ?? '');
          if (!target || Number.isNaN(target) || exposed.has(target) || DEBUG_PORTS.has(target) || mentioned(service, target)) continue;
          report({
            file: file.path,
            range: item.range,
            messageId: 'mismatch',
            data: { service: service.name, port: target, dockerfile: service.dockerfile.path, exposed: [...exposed].slice(0, 5).join(', ') },
          });
        }
      }
    }
  },
});

function toPlainResolved(service: ComposeService, node: YNode): unknown {
  if (node.kind === 'scalar') return resolvedValue(service.file, node);
  if (node.kind === 'seq') return node.items.map((i) => toPlainResolved(service, i));
  return Object.fromEntries(node.entries.map((e) => [e.key, toPlainResolved(service, e.value)]));
}
