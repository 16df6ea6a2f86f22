import { defineRule } from '../rule.js';
import { entriesRunning, isServerEntry, listenSites, parsedSources } from '../../project/js/query.js';

/** Calls that only log or exit. */
const TRIVIAL = /^(process\.exit|console\.\w+|[\w.]*(log|logger|Logger|debug|info|warn|error|trace)(\.\w+)?)$/;

export default defineRule({
  id: 'disposability/exit-without-close-in-code',
  factor: 'disposability',
  severity: 'info',
  swarm: 'degraded',
  recommended: true,
  inputs: ['source', 'dockerfile', 'compose', 'manifest', 'procfile'],
  sourcePrefilter: /SIGTERM|SIGINT|\.listen\s*\((?!\s*(?:\(|function\b|async\b|\w+\s*=>))|\.serve\(|hono\/node-server/,
  docs: {
    summary: 'A SIGTERM/SIGINT handler exits without closing the server',
    rationale:
      'Factor IX: a graceful shutdown stops accepting connections and lets current requests finish before the process exits. A handler that only logs and calls `process.exit()` is as abrupt as no handler: every request in flight is cut off at each rolling update. Reported for handlers in server processes whose body does nothing but log and exit.',
    fix: "Close the server first and exit in its callback, with a timeout as a safety net: `process.on('SIGTERM', () => { server.close(() => process.exit(0)); setTimeout(() => process.exit(1), 10_000).unref(); })`.",
    swarm: 'Swarm sends SIGTERM and waits `stop_grace_period` (10 s by default): that is the time available to drain.',
    bad: "process.on('SIGTERM', () => process.exit(0));",
    good: "process.on('SIGTERM', () => server.close(() => process.exit(0)));",
    exampleLanguage: 'js',
  },
  messages: {
    exit: 'The {{signal}} handler exits without closing the server: requests in flight are cut off at every rolling update. Call server.close() and exit in its callback (with a timeout)',
  },
  check({ project, report }) {
    for (const file of parsedSources(project)) {
      const handlers = file.facts.signalHandlers.filter((h) => (h.signal === 'SIGTERM' || h.signal === 'SIGINT') && h.calls && h.calls.includes('process.exit') && h.calls.every((c) => TRIVIAL.test(c)));
      if (handlers.length === 0) continue;
      const server = listenSites(file).some((l) => !l.socketPath) || entriesRunning(project, file.path).some((e) => isServerEntry(project, e));
      if (!server) continue;
      for (const h of handlers) report({ file: file.path, range: h.range, messageId: 'exit', data: { signal: h.signal } });
    }
  },
});
