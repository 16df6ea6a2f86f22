import { defineRule } from '../rule.js';
import { getEntry } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';

const UNIT_SECONDS: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Go duration (`1m30s`, `90s`, `2h`) in seconds; undefined when not one. */
export function goDurationSeconds(text: string): number | undefined {
  const t = text.trim();
  if (!/^(\d+(\.\d+)?(ns|us|µs|μs|ms|s|m|h))+$/.test(t)) return undefined;
  let total = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(m[1]) * UNIT_SECONDS[m[2]];
  return total;
}

export const LIMIT_SECONDS = 60;

export default defineRule({
  id: 'disposability/long-stop-grace-period',
  factor: 'disposability',
  severity: 'info',
  swarm: 'none',
  recommended: false,
  inputs: ['compose'],
  docs: {
    summary: '`stop_grace_period` is longer than a minute',
    rationale:
      'Factor IX: processes shut down gracefully and fast, within seconds of SIGTERM. A grace period over a minute says the process needs that long to stop: long jobs are being run inside the web process instead of as small, resumable units on a queue, and every deploy waits for them.',
    fix: 'Make shutdown fast: stop taking work on SIGTERM, finish or requeue what is in flight, exit. Move long jobs to a worker that can put unfinished jobs back on the queue, then lower `stop_grace_period` to what a clean shutdown really needs.',
    swarm: 'Swarm waits up to `stop_grace_period` for each task it stops: a rolling update with `parallelism: 1` over N replicas can take N times that long, and a node drain holds the tasks just as long.',
    bad: 'services:\n  worker:\n    image: registry.example.com/worker:1.4.2\n    stop_grace_period: 10m',
    good: 'services:\n  worker:\n    image: registry.example.com/worker:1.4.2\n    stop_grace_period: 30s',
    exampleLanguage: 'yaml',
  },
  messages: {
    long: 'Service "{{service}}" sets stop_grace_period {{value}} ({{seconds}} s): every stop, update and drain may wait that long per task; make shutdown take seconds and move long work to a queue',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        const entry = getEntry(service.node, 'stop_grace_period');
        const value = entry && resolvedString(file, entry.value);
        const seconds = value === undefined ? undefined : goDurationSeconds(value);
        if (seconds === undefined || seconds <= LIMIT_SECONDS) continue;
        report({ file: file.path, range: entry!.value.range, messageId: 'long', data: { service: service.name, value: value!, seconds: Math.round(seconds) } });
      }
    }
  },
});
