import { defineRule } from '../rule.js';
import { listenSites, sourceIndex, type ListenSite } from '../../project/js/query.js';

/** Text that shows shutdown is handled: the signal itself, or a library that registers it. */
const HANDLED = /SIGTERM|enableShutdownHooks|createTerminus|@godaddy\/terminus|close-with-grace|lightship|throng|async-exit-hook|exit-hook|node-cleanup|graceful-shutdown|gracefulShutdown|@fastify\/under-pressure|fastify-graceful-shutdown|signal-exit/;

export default defineRule({
  id: 'disposability/no-sigterm-handler-in-code',
  factor: 'disposability',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['source', 'dockerfile', 'compose', 'manifest', 'procfile'],
  sourcePrefilter: /\.listen\s*\((?!\s*(?:\(|function\b|async\b|\w+\s*=>))|\.serve\(|hono\/node-server|SIGTERM|SIGINT/,
  docs: {
    summary: 'The server process registers no SIGTERM handler',
    rationale:
      "Factor IX: processes shut down gracefully when they receive SIGTERM: stop listening, let current requests finish, then exit. twelvelint follows the start command (Dockerfile `CMD`, compose `command`, Procfile, `npm start`) to the entry file; when that process starts a server and nothing it imports mentions SIGTERM (or a shutdown helper such as terminus, close-with-grace, lightship or Nest's `enableShutdownHooks`), a stop cuts off requests in flight. When node runs as PID 1 (`CMD [\"node\", …]` without an init) it is worse: the kernel ignores signals PID 1 has no handler for, so the container only dies by SIGKILL after the grace period.",
    fix: "Handle SIGTERM: `process.on('SIGTERM', () => server.close(() => process.exit(0)))`, closing database pools in the callback; add a timeout that exits anyway.",
    swarm: 'On every rolling update, scale-down and node drain Swarm sends SIGTERM (or `stop_signal`), waits `stop_grace_period` (10 s by default), then sends SIGKILL.',
    bad: "const server = app.listen(3000);",
    good: "const server = app.listen(3000);\nprocess.on('SIGTERM', () => server.close(() => process.exit(0)));",
    exampleLanguage: 'js',
  },
  messages: {
    pid1: 'The server started by {{via}} ({{entry}}) registers no SIGTERM handler{{sigint}}, and node runs as PID 1, where signals without a handler are ignored: each stop waits the whole grace period and ends in SIGKILL, cutting off requests in flight. Handle SIGTERM: close the server, then exit',
    plain: 'The server started by {{via}} ({{entry}}) registers no SIGTERM handler{{sigint}}: when Swarm stops a task (every update or scale-down) the server never closes its connections, and requests in flight are cut off. Handle SIGTERM: close the server, then exit',
  },
  check({ project, report }) {
    const links = project.jsLinks;
    if (!links) return;
    const sources = sourceIndex(project);
    for (const entry of links.entries) {
      // A helper started with `&` beside the main process: a stop is not waiting on it (concurrency/daemonizing-command).
      if (entry.background) continue;
      const sites: { site: ListenSite; file: string }[] = [];
      let handled = false;
      let sigint = false;
      for (const f of entry.reachable) {
        const src = sources.get(f);
        if (!src) continue;
        if (HANDLED.test(src.text)) {
          handled = true;
          break;
        }
        if (src.facts?.signalHandlers.some((h) => h.signal === 'SIGINT')) sigint = true;
        if (src.facts) for (const site of listenSites(src)) if (!site.socketPath) sites.push({ site, file: f });
      }
      if (handled || sites.length === 0) continue;
      const first = sites[0];
      report({
        file: first.file,
        range: first.site.call.range,
        messageId: entry.pid1 && !entry.init ? 'pid1' : 'plain',
        data: { via: entry.via, entry: entry.file, sigint: sigint ? ' (only SIGINT, which Docker does not send)' : '' },
      });
    }
  },
});
