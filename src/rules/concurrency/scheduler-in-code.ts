import { defineRule } from '../rule.js';
import { entriesRunning, isServerEntry, listenSites, parsedSources, resolve } from '../../project/js/query.js';
import type { CallFact } from '../../project/js/facts.js';

const CRON: [RegExp, string][] = [
  [/^node-cron:schedule$/, 'cron.schedule (node-cron)'],
  [/^cron:(CronJob|CronJob\.from|job)$/, 'CronJob (cron)'],
  [/^node-schedule:(scheduleJob|RecurrenceRule)$/, 'schedule.scheduleJob (node-schedule)'],
  [/^toad-scheduler:(SimpleIntervalJob|CronJob)$/, 'toad-scheduler job'],
];
/** setInterval periods at or above this are jobs, not timers (15 minutes). */
const LONG_PERIOD_MS = 15 * 60 * 1000;

function period(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  return `${Math.round(ms / 60_000)} min`;
}

/** Calls that only read or report: fetching, parsing, comparing, looking up, logging. */
const READ_CALL = /(^|[.:])(fetch|get\w*|find\w*|read\w*|load\w*|list\w*|query|select|count|has|includes|check\w*|compare\w*|parse\w*|stringify|json|text|then|catch|finally|resolve|debug|info|warn|error|log|trace|verbose|now|toISOString|toString|valueOf|min|max|floor|ceil|round|keys|values|entries|map|filter|some|every|test|match|split|join|trim|slice|replace|startsWith|endsWith|toLowerCase|toUpperCase|Number|String|Boolean|Date|URL|Error)$/;

/**
 * A timer that only refreshes a value of its own process (`setInterval(check, 48 h)` where check fetches the
 * latest version and stores it in `this.latestVersion`): every replica needs its own copy, so it is not a job.
 */
function refreshesProcessState(call: CallFact): boolean {
  const cb = call.callback;
  return cb !== undefined && cb.assignments > 0 && cb.calls.every((c) => READ_CALL.test(c));
}

export default defineRule({
  id: 'concurrency/scheduler-in-code',
  factor: 'concurrency',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['source', 'dockerfile', 'compose', 'manifest', 'procfile'],
  sourcePrefilter: /node-cron|node-schedule|toad-scheduler|['"]cron['"]|setInterval\([^\n]*(?:\d\s*\*|\d{6}|[A-Z][A-Z_]{3,}|[Hh]our|[Mm]inute|[Dd]ay|ms\()|\.listen\s*\((?!\s*(?:\(|function\b|async\b|\w+\s*=>))|\.serve\(|hono\/node-server/,
  docs: {
    summary: 'Scheduled jobs run inside the web process',
    rationale:
      "Factor VIII: scale out via the process model, with one process type per kind of work. A scheduler inside the web server (`node-cron`'s `cron.schedule`, `cron`'s `new CronJob`, `node-schedule`, or `setInterval` with a period of 15 minutes or more) runs in every replica: with three replicas the nightly report is sent three times and cleanup jobs race. A timer whose callback only reads (fetches, looks up, parses, logs) and stores the result in its own process (`this.latestVersion = …`) refreshes a per-process cache every replica needs, and is left alone. twelvelint reports schedulers in files the server entry reaches (or, without a linked entry, in the file that calls `listen`). Agenda and BullMQ repeatable jobs lock through their backing store and are fine.",
    fix: 'Move scheduled work to its own process type: a separate service with one replica (`worker: node dist/cron.js`), a Swarm job (`mode: replicated-job` triggered by an external scheduler), or a queue with repeatable jobs (BullMQ, Agenda) that runs each job once.',
    swarm: 'Every task of a replicated service runs the same code; `deploy.replicas: 3` means three schedulers.',
    bad: "cron.schedule('0 3 * * *', sendDailyReport); // in server.js\napp.listen(3000);",
    good: '// cron.js, deployed as its own service with replicas: 1\ncron.schedule(\'0 3 * * *\', sendDailyReport);',
    exampleLanguage: 'js',
  },
  messages: {
    cron: '{{what}} runs inside the web process ({{where}}): every replica runs the job, so with 3 replicas it runs 3 times. Run scheduled work in a separate one-replica service or a queue with repeatable jobs',
    interval: 'setInterval every {{period}} runs a job inside the web process ({{where}}): every replica runs it. Run scheduled work in a separate one-replica service or a queue with repeatable jobs',
  },
  check({ project, report }) {
    const hasEntries = (project.jsLinks?.entries.length ?? 0) > 0;
    for (const file of parsedSources(project)) {
      const found: { call: CallFact; messageId: 'cron' | 'interval'; data: Record<string, string> }[] = [];
      for (const call of file.facts.calls) {
        const cron = CRON.find(([re]) => re.test(call.callee));
        if (cron) {
          found.push({ call, messageId: 'cron', data: { what: cron[1] } });
          continue;
        }
        if (call.callee === 'setInterval') {
          const r = resolve(call.args[1], () => null);
          const ms = r.kind === 'known' && typeof r.value === 'number' ? r.value : undefined;
          if (ms !== undefined && ms >= LONG_PERIOD_MS && !refreshesProcessState(call)) found.push({ call, messageId: 'interval', data: { period: period(ms) } });
        }
      }
      if (found.length === 0) continue;
      const servers = entriesRunning(project, file.path).filter((e) => isServerEntry(project, e));
      let where: string | undefined;
      if (servers.length > 0) where = `reached from ${servers[0].file}, started by ${servers[0].via}`;
      else if (!hasEntries && listenSites(file).some((l) => !l.socketPath)) where = 'this file starts the server';
      if (!where) continue;
      for (const f of found) report({ file: file.path, range: f.call.range, messageId: f.messageId, data: { ...f.data, where } });
    }
  },
});
