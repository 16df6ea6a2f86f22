import { defineRule } from '../rule.js';
import { getEntry, getPath, getValue, type YNode } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { loadable } from '../../project/compose/docker-cli.js';
import type { ComposeFile } from '../../project/model.js';

/** Go's time.ParseDuration grammar. */
const GO_DURATION = /^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/;
/** docker/go-units RAMInBytes. */
const RAM_SIZE = /^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/;

const DURATION_PATHS = [
  ['healthcheck', 'interval'],
  ['healthcheck', 'timeout'],
  ['healthcheck', 'start_period'],
  ['healthcheck', 'start_interval'],
  ['stop_grace_period'],
  ['deploy', 'update_config', 'delay'],
  ['deploy', 'update_config', 'monitor'],
  ['deploy', 'rollback_config', 'delay'],
  ['deploy', 'rollback_config', 'monitor'],
  ['deploy', 'restart_policy', 'delay'],
  ['deploy', 'restart_policy', 'window'],
];

const SIZE_PATHS = [
  ['deploy', 'resources', 'limits', 'memory'],
  ['deploy', 'resources', 'reservations', 'memory'],
];

function stringValue(file: ComposeFile, node: YNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  if (file.interpolation.get(node)?.error) return undefined;
  return resolvedString(file, node);
}

export default defineRule({
  id: 'swarm/invalid-service-config',
  factor: 'swarm',
  severity: 'error',
  swarm: 'blocker',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A service setting docker stack deploy cannot convert: `replicas` with `mode: global`, healthcheck `test` with `disable`, an invalid duration or memory size',
    rationale:
      'These values pass the schema but fail when docker stack deploy converts the file into Swarm service specs, so the whole deploy stops.',
    fix: 'Use `replicas` only with `mode: replicated` (or `replicated-job`); keep either `test` or `disable: true` in a healthcheck; write durations as Go durations (`30s`, `1m30s`) and sizes with a unit (`512M`).',
    swarm: 'docker stack deploy fails with "replicas can only be used with replicated or replicated-job mode", "test and disable can\'t be set at the same time", "time: invalid duration …" or "invalid size: \'lots\'".',
    bad: 'deploy:\n  mode: global\n  replicas: 2',
    good: 'deploy:\n  mode: replicated\n  replicas: 2',
    exampleLanguage: 'yaml',
  },
  messages: {
    replicasGlobal: 'Service "{{service}}" sets replicas with mode: {{mode}}: docker stack deploy fails with "replicas can only be used with replicated or replicated-job mode"',
    healthcheckDisable: 'Service "{{service}}" healthcheck sets both test and disable: docker stack deploy fails with "test and disable can\'t be set at the same time"',
    duration: 'Service "{{service}}" {{key}} "{{value}}" is not a duration (use 30s, 1m30s…): docker stack deploy fails with "time: invalid duration "{{value}}""',
    size: 'Service "{{service}}" {{key}} "{{value}}" is not a size (use 512M, 1G…): docker stack deploy fails with "invalid size: \'{{value}}\'"',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      for (const service of file.services) {
        const deploy = getValue(service.node, 'deploy');
        const mode = resolvedString(file, getValue(deploy, 'mode'));
        const replicas = getEntry(deploy, 'replicas');
        if (replicas && (mode === 'global' || mode === 'global-job')) {
          report({ file: file.path, range: replicas.keyRange, messageId: 'replicasGlobal', data: { service: service.name, mode } });
        }
        const healthcheck = getValue(service.node, 'healthcheck');
        const disable = getEntry(healthcheck, 'disable');
        if (disable && getEntry(healthcheck, 'test') && resolvedString(file, disable.value) === 'true') {
          report({ file: file.path, range: disable.keyRange, messageId: 'healthcheckDisable', data: { service: service.name } });
        }
        for (const path of DURATION_PATHS) {
          const node = getPath(service.node, path);
          const value = stringValue(file, node);
          if (value !== undefined && !GO_DURATION.test(value)) report({ file: file.path, range: node!.range, messageId: 'duration', data: { service: service.name, key: path.join('.'), value } });
        }
        for (const path of SIZE_PATHS) {
          const node = getPath(service.node, path);
          const value = stringValue(file, node);
          if (value !== undefined && !RAM_SIZE.test(value)) report({ file: file.path, range: node!.range, messageId: 'size', data: { service: service.name, key: path.join('.'), value } });
        }
      }
    }
  },
});
