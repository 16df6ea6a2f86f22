import { defineRule } from '../rule.js';
import { getEntry, getPath, getValue, scalarString } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import type { ComposeService } from '../../project/model.js';
import { loadable } from '../../project/compose/docker-cli.js';

/** One-off jobs and global agents do not need rolling-update tuning. */
function isJob(service: ComposeService): boolean {
  const mode = scalarString(getPath(service.node, ['deploy', 'mode']));
  return mode === 'replicated-job' || mode === 'global-job';
}

export const noDeploySection = defineRule({
  id: 'swarm/no-deploy-section',
  factor: 'swarm',
  severity: 'info',
  swarm: 'none',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A service in a stack file has no `deploy` section',
    rationale:
      'Factor VIII (concurrency): Swarm scales by running more replicas of a service. Without `deploy`, a service runs one replica with default restart, update and resource settings, which is rarely what production wants.',
    fix: 'Add `deploy:` with at least `replicas`, `update_config` (`order: start-first` for zero-downtime), `restart_policy` and `resources.limits`.',
    swarm: 'Swarm runs 1 replica, restarts on any exit, updates one task at a time (stop-first), with no resource limits.',
    bad: 'services:\n  web:\n    image: web:1.4.2',
    good: 'services:\n  web:\n    image: web:1.4.2\n    deploy:\n      replicas: 2\n      update_config:\n        order: start-first\n      resources:\n        limits:\n          memory: 256M',
    exampleLanguage: 'yaml',
  },
  messages: {
    noDeploy: 'Service "{{service}}" has no deploy section: Swarm runs one replica with default update, restart and resource settings',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file) || file.role !== 'stack') continue;
      for (const service of file.services) {
        if (!getEntry(service.node, 'deploy')) report({ file: file.path, range: service.keyRange, messageId: 'noDeploy', data: { service: service.name } });
      }
    }
  },
});

export const noUpdateConfig = defineRule({
  id: 'swarm/no-update-config',
  factor: 'swarm',
  severity: 'info',
  swarm: 'none',
  recommended: false,
  inputs: ['compose'],
  docs: {
    summary: 'A replicated service has `deploy` but no `update_config` / `rollback_config`',
    rationale:
      'Factor IX (disposability) and V (release): releases replace running tasks. Swarm\'s default update stops a task before starting its replacement and pauses on failure without rolling back.',
    fix: 'Set `update_config: {order: start-first, failure_action: rollback, parallelism: 1, delay: 10s}` and a `rollback_config`; give the image a healthcheck so Swarm can tell a good task from a bad one.',
    swarm: 'Defaults: parallelism 1, order stop-first, failure_action pause.',
    exampleLanguage: 'yaml',
    good: 'deploy:\n  update_config:\n    order: start-first\n    failure_action: rollback',
  },
  messages: {
    noUpdate: 'Service "{{service}}" has no update_config: Swarm stops each old task before starting the new one and pauses (does not roll back) on failure',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      for (const service of file.services) {
        const deploy = getEntry(service.node, 'deploy');
        if (!deploy || isJob(service) || scalarString(getValue(deploy.value, 'mode')) === 'global') continue;
        if (!getEntry(deploy.value, 'update_config')) report({ file: file.path, range: deploy.keyRange, messageId: 'noUpdate', data: { service: service.name } });
      }
    }
  },
});

export const noResourceLimits = defineRule({
  id: 'swarm/no-resource-limits',
  factor: 'swarm',
  severity: 'info',
  swarm: 'none',
  recommended: false,
  inputs: ['compose'],
  docs: {
    summary: 'A service has `deploy` but no `resources.limits`',
    rationale:
      'Factor VIII (concurrency): the scheduler places replicas by their declared resources. Without limits one runaway task can starve every other task on its node.',
    fix: 'Set `deploy.resources.limits` (memory at least) and `reservations` for what the service needs to start.',
    swarm: 'Without reservations the scheduler places tasks blindly; without limits a task may use the whole node.',
    exampleLanguage: 'yaml',
    good: 'deploy:\n  resources:\n    limits:\n      cpus: "0.5"\n      memory: 256M',
  },
  messages: {
    noLimits: 'Service "{{service}}" sets no deploy.resources.limits: one task can use all memory and CPU of its node',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      for (const service of file.services) {
        const deploy = getEntry(service.node, 'deploy');
        if (deploy && !getPath(deploy.value, ['resources', 'limits'])) report({ file: file.path, range: deploy.keyRange, messageId: 'noLimits', data: { service: service.name } });
      }
    }
  },
});

export const noRestartPolicy = defineRule({
  id: 'swarm/no-restart-policy',
  factor: 'swarm',
  severity: 'info',
  swarm: 'none',
  recommended: false,
  inputs: ['compose'],
  docs: {
    summary: 'A replicated service has `deploy` but no `restart_policy` (and no `restart`)',
    rationale:
      'Factor IX (disposability): processes can crash and be restarted at any moment. Swarm\'s default restarts every task that exits, forever, every 5 seconds, which can hide a crash loop and keep hammering backing services.',
    fix: 'Set `deploy.restart_policy` with `condition: on-failure`, a `delay` and, where a crash loop should stop, `max_attempts` and `window`.',
    swarm: 'Default: condition any, 5 s delay, unlimited attempts: a task that exits, even cleanly, is restarted forever.',
    exampleLanguage: 'yaml',
    good: 'deploy:\n  restart_policy:\n    condition: on-failure\n    delay: 5s\n    max_attempts: 3\n    window: 2m',
  },
  messages: {
    noRestartPolicy: 'Service "{{service}}" has no deploy.restart_policy: Swarm restarts its tasks after 5 s, forever, even after a clean exit; set condition, delay and max_attempts',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      for (const service of file.services) {
        const deploy = getEntry(service.node, 'deploy');
        if (!deploy || isJob(service) || getEntry(deploy.value, 'restart_policy') || getEntry(service.node, 'restart')) continue;
        report({ file: file.path, range: deploy.keyRange, messageId: 'noRestartPolicy', data: { service: service.name } });
      }
    }
  },
});

export const hostModePort = defineRule({
  id: 'swarm/host-mode-port',
  factor: 'swarm',
  severity: 'info',
  swarm: 'none',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A port is published with `mode: host`, bypassing the routing mesh',
    rationale:
      'Factor VIII (concurrency): host-mode ports bind directly on the node running the task, so at most one task per node can publish that port and clients must know which nodes run it.',
    fix: 'Use the default `mode: ingress` unless you need the client IP or run one task per node (`mode: global`).',
    swarm: 'A second replica on the same node cannot start ("host-mode port already in use"); replicas beyond the node count stay pending.',
    exampleLanguage: 'yaml',
    bad: 'ports:\n  - target: 80\n    published: 80\n    mode: host',
  },
  messages: {
    hostMode: 'Service "{{service}}" publishes port {{port}} in host mode: only one task per node can bind it{{replicas}}',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      for (const service of file.services) {
        if (scalarString(getPath(service.node, ['deploy', 'mode'])) === 'global') continue;
        const ports = getValue(service.node, 'ports');
        if (ports?.kind !== 'seq') continue;
        for (const item of ports.items) {
          if (item.kind !== 'map' || resolvedString(file, getValue(item, 'mode')) !== 'host') continue;
          const replicas = resolvedString(file, getPath(service.node, ['deploy', 'replicas']));
          report({
            file: file.path,
            range: getEntry(item, 'mode')!.keyRange,
            messageId: 'hostMode',
            data: { service: service.name, port: resolvedString(file, getValue(item, 'published')) ?? resolvedString(file, getValue(item, 'target')) ?? '?', replicas: replicas && Number(replicas) > 1 ? `, yet it asks for ${replicas} replicas` : '' },
          });
        }
      }
    }
  },
});
