import { defineRule, type Fix } from '../rule.js';
import type { ComposeFile, ComposeService } from '../../project/model.js';
import { getEntry, getValue, type YEntry } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { IGNORED_SERVICE_KEYS, loadable, restartPolicyOf } from '../../project/compose/docker-cli.js';
import { removeEntry, stackFile } from '../../project/compose/edit.js';

const HINT: Record<string, string> = {
  build: 'build and push the image in CI and deploy it by tag',
  links: 'services on the same overlay network reach each other by service name',
  network_mode: 'attach the service to overlay networks instead',
  privileged: 'grant specific capabilities (cap_add, Compose 3.x ignores it too) or move the work out of the service',
  devices: 'Swarm services cannot map host devices',
  external_links: 'use an external overlay network',
  security_opt: 'Swarm services do not take security options',
  pid: 'Swarm services cannot share the host PID namespace',
  ipc: 'Swarm services cannot share IPC namespaces',
};

export default defineRule({
  id: 'swarm/ignored-option',
  factor: 'swarm',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose'],
  fixable: '`restart: always | unless-stopped | on-failure[:N] | "no"` becomes `deploy.restart_policy` (condition any, on-failure with max_attempts N, or none) when the service has no `deploy` key yet; in a stack file (`docker-stack.yml`, or one named with --stack) the other ignored keys but `build` are removed, whole lines only',
  docs: {
    summary: 'A service option that docker stack deploy ignores (`build`, `restart`, `links`, `network_mode`, `privileged`, `devices` …)',
    rationale:
      'A stack file describes services, not containers. docker stack deploy drops container-level options with a warning: the service then runs without them, which silently changes behaviour (no privileges, no devices, a different restart policy, no build).',
    fix: 'Remove the option from the stack file, or keep it in a `docker compose`-only file. The message names the Swarm way to get the same effect where there is one.',
    swarm: 'docker stack deploy prints "Ignoring unsupported options: build, restart" (all ignored keys, sorted) and deploys without them. Ignored keys: build, cgroup_parent, cgroupns_mode, devices, domainname, external_links, ipc, links, mac_address, network_mode, pid, privileged, restart, security_opt, shm_size, userns_mode.',
    bad: 'services:\n  web:\n    image: web:1.0\n    restart: always',
    good: 'services:\n  web:\n    image: web:1.0\n    deploy:\n      restart_policy:\n        condition: any',
    exampleLanguage: 'yaml',
  },
  messages: {
    ignored: 'docker stack deploy ignores {{key}} on service "{{service}}" ("Ignoring unsupported options: {{key}}"){{hint}}',
    restartConverted:
      'docker stack deploy prints "Ignoring unsupported options: restart" for service "{{service}}", but converts restart: {{value}} into deploy.restart_policy.condition: {{condition}}, the same behaviour; write deploy.restart_policy to drop the warning',
    restartNo: 'Service "{{service}}" sets restart: "no", but docker stack deploy ignores it and Swarm applies its default restart condition (any): the task is restarted every time it exits; set deploy.restart_policy.condition: none',
    restartOverridden: 'docker stack deploy ignores restart on service "{{service}}": its deploy.restart_policy decides; remove restart',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      for (const service of file.services) {
        for (const key of IGNORED_SERVICE_KEYS) {
          const entry = getEntry(service.node, key);
          if (!entry) continue;
          // A build with no image is reported as an error by swarm/build-without-image.
          if (key === 'build' && !getEntry(service.node, 'image')) continue;
          if (key === 'restart') {
            // cli/compose/convert: without deploy.restart_policy, restart becomes the restart policy.
            const resolved = resolvedString(file, entry.value);
            // `restart: $RESTART_POLICY` with the variable unset or unknown: swarm/unset-variable speaks of it.
            if ((resolved === undefined || resolved === '') && entry.value.kind === 'scalar' && String(entry.value.value).includes('$')) continue;
            const value = resolved ?? '';
            const data = { service: service.name, value };
            const fix = restartFix(file, service, entry, value);
            if (getValue(getValue(service.node, 'deploy'), 'restart_policy')) report({ file: file.path, range: entry.keyRange, messageId: 'restartOverridden', data, severity: 'info', swarm: 'none' });
            else if (value === 'no' || value === 'false' || value === '') report({ file: file.path, range: entry.keyRange, messageId: 'restartNo', data, ...(fix ? { fix } : {}) });
            else {
              const condition = value.startsWith('on-failure') ? 'on-failure' : 'any';
              report({ file: file.path, range: entry.keyRange, messageId: 'restartConverted', data: { ...data, condition }, severity: 'info', swarm: 'none', ...(fix ? { fix } : {}) });
            }
            continue;
          }
          const hint = Object.hasOwn(HINT, key) ? HINT[key] : undefined;
          const fix = key !== 'build' && stackFile(project, file) ? removeEntry(file, service, entry) : undefined;
          report({ file: file.path, range: entry.keyRange, messageId: 'ignored', data: { key, service: service.name, hint: hint ? `; ${hint}` : '' }, ...(fix ? { fix } : {}) });
        }
      }
    }
  },
});

/**
 * `restart: always` → `deploy: {restart_policy: {condition: any}}` in place, for a service with no `deploy` key
 * and a literal one-line value (what docker/cli converts it to; `on-failure:3` keeps its attempts).
 */
function restartFix(file: ComposeFile, service: ComposeService, entry: YEntry, value: string): Fix | undefined {
  if (entry.merged || getEntry(service.node, 'deploy') || entry.value.kind !== 'scalar' || entry.value.range.line !== entry.keyRange.line) return undefined;
  const raw = String(entry.value.value);
  if (raw.includes('$') || raw !== value) return undefined;
  const policy = restartPolicyOf(value);
  if (!policy) return undefined;
  const line = file.lines[entry.keyRange.line - 1] ?? '';
  // The rest of the line must be the value (a trailing comment would be lost).
  if (!new RegExp(`^\\s*restart\\s*:\\s*["']?${value}["']?\\s*$`).test(line)) return undefined;
  const indent = ' '.repeat(entry.keyRange.column - 1);
  const step = ' '.repeat(Math.max(2, entry.keyRange.column - service.keyRange.column));
  const text = [`${indent}deploy:`, `${indent}${step}restart_policy:`, `${indent}${step}${step}condition: ${policy.condition}`, ...(policy.maxAttempts ? [`${indent}${step}${step}max_attempts: ${policy.maxAttempts}`] : [])].join('\n');
  return { range: { line: entry.keyRange.line, column: 1, endLine: entry.keyRange.line, endColumn: line.length + 1 }, text };
}
