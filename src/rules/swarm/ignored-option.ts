import { defineRule } from '../rule.js';
import { getEntry } from '../../project/yaml-tree.js';
import { IGNORED_SERVICE_KEYS, loadable } from '../../project/compose/docker-cli.js';

const HINT: Record<string, string> = {
  build: 'build and push the image in CI and deploy it by tag',
  restart: 'it still turns it into the restart policy when deploy.restart_policy is absent (always/unless-stopped → any, on-failure → on-failure); say so explicitly with deploy.restart_policy',
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
          const hint = HINT[key];
          report({ file: file.path, range: entry.keyRange, messageId: 'ignored', data: { key, service: service.name, hint: hint ? `; ${hint}` : '' } });
        }
      }
    }
  },
});
