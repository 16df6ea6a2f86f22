import { defineRule } from '../rule.js';
import { getEntry, getValue } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';

export default defineRule({
  id: 'logs/logging-driver-none',
  factor: 'logs',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A service throws its logs away with `logging: driver: none`',
    rationale:
      'Factor XI: treat logs as event streams. The app writes to stdout/stderr and the execution environment captures, collates and routes the stream. The `none` driver discards it: nothing can be searched, alerted on or looked at after an incident.',
    fix: 'Remove `driver: none` (the daemon default is `json-file`), or route the stream where you want it (`local`, `journald`, `fluentd`, `gelf`, `awslogs` …) with size limits such as `max-size`/`max-file` if volume is the concern.',
    swarm: '`docker service logs <service>` shows nothing for a service whose tasks use the `none` driver.',
    bad: 'services:\n  web:\n    logging:\n      driver: none',
    good: 'services:\n  web:\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n        max-file: "3"',
    exampleLanguage: 'yaml',
  },
  messages: {
    none: 'Service "{{service}}" uses the "none" logging driver: its stdout/stderr stream is thrown away and `docker service logs` shows nothing; use a real driver (with size limits if needed)',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        const driver = getEntry(getValue(service.node, 'logging'), 'driver');
        if (!driver || resolvedString(file, driver.value)?.trim().toLowerCase() !== 'none') continue;
        report({ file: file.path, range: driver.value.range, messageId: 'none', data: { service: service.name } });
      }
    }
  },
});
