import { defineRule } from '../rule.js';
import { serviceImage, serviceVolumes } from '../../project/facts/service.js';
import { imageName } from '../../project/facts/image.js';
import { getValue } from '../../project/yaml-tree.js';

/** `/var/log`, `/var/log/nginx`, `/app/logs`, `/srv/app/log`, `/var/www/storage/logs`. */
export function isLogDirectory(target: string): boolean {
  const t = target.trim().replace(/\/+$/, '');
  if (/^\/(dev|run|proc|sys)(\/|$)|^\/var\/run(\/|$)/.test(t)) return false;
  // /var/lib holds programs' state (FHS): a `log` there is data, such as Kafka's commit log.
  if (/^\/var\/lib(\/|$)/.test(t)) return false;
  if (/^\/var\/log(\/[^/]+)*$/.test(t)) return !/^\/var\/log\/journal/.test(t);
  return /^\/.*\/logs?$/i.test(t) || /^\/logs?$/i.test(t);
}

/** File utilities a one-shot helper service runs (and exits). */
const ONE_SHOT = /^(chown|chmod|chgrp|mkdir|cp|rm|touch|true|ln|install|setfacl)$/;

/** Log shippers and collectors read log directories on purpose. */
const COLLECTOR = /(^|\/)(promtail|grafana\/alloy|alloy|filebeat|fluentd|fluent-bit|fluent\/[\w-]+|logstash|vector|timberio\/vector|datadog\/agent|splunk\/[\w-]+|elastic-agent|otel\/opentelemetry-collector[\w-]*|logspout|rsyslog|syslog-ng|loki|graylog)/;

export default defineRule({
  id: 'logs/log-volume',
  factor: 'logs',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A service mounts a volume or host folder on a log directory (`/var/log/<app>`, `/app/logs`)',
    rationale:
      'Factor XI: an app never concerns itself with routing or storing its output; it writes an unbuffered event stream to stdout and lets the environment collect it. A volume on a log directory means the app (or its server) writes log files that have to be rotated, shipped and cleaned up by hand, and that nothing in the platform sees.',
    fix: 'Configure the app and its server to log to stdout/stderr (for nginx and Apache the official images already link their log files to stdout — a volume over `/var/log/nginx` hides those links), remove the volume, and collect the stream with a logging driver.',
    swarm: 'Each task writes into the volume of the node it runs on: the logs of one service end up scattered over the nodes, out of reach of `docker service logs`.',
    bad: 'services:\n  web:\n    volumes:\n      - ./logs:/app/logs',
    good: 'services:\n  web:\n    logging:\n      driver: json-file',
    exampleLanguage: 'yaml',
  },
  messages: {
    logVolume: 'Service "{{service}}" mounts {{source}} on the log directory {{target}}: log files written there are kept on the node that ran the task, where `docker service logs` and logging drivers do not look; log to stdout/stderr only and remove the mount',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        const image = serviceImage(service);
        if (image && COLLECTOR.test(imageName(image.value))) continue;
        // `command: chown -R 1001 /var/log/CTFd`: a one-shot helper that prepares the folder, not a service that logs.
        const main = getValue(service.node, 'command') || getValue(service.node, 'entrypoint') ? project.facts.serviceProcess(service)?.main : undefined;
        if (main && ONE_SHOT.test(main.command.program.split('/').pop() ?? '')) continue;
        for (const v of serviceVolumes(service)) {
          if (!v.target || v.readOnly || v.type === 'tmpfs' || !isLogDirectory(v.target)) continue;
          const source = v.type === 'anonymous' ? 'an anonymous volume' : v.type === 'bind' ? `host path ${v.source}` : `volume ${v.source ?? ''}`.trim();
          report({ file: file.path, range: v.node.range, messageId: 'logVolume', data: { service: service.name, source, target: v.target } });
        }
      }
    }
  },
});
