import { defineRule } from '../rule.js';
import { entriesRunning, parsedSources } from '../../project/js/query.js';
import { replicas } from '../../project/facts/service.js';

const ADAPTER = /\.adapter\s*\(|socket\.io-redis|@socket\.io\/[\w-]+-adapter|socket\.io-adapter|socket\.io-emitter/;

export default defineRule({
  id: 'processes/socket-without-adapter-in-code',
  factor: 'processes',
  severity: 'warning',
  swarm: 'blocker',
  blocker: 'replicas',
  recommended: true,
  inputs: ['source', 'compose', 'dockerfile', 'manifest', 'procfile'],
  sourcePrefilter: /['"]socket\.io['"]/,
  docs: {
    summary: 'A socket.io server has no adapter to share events between replicas',
    rationale:
      "Factor VI: processes share nothing, so state that spans clients lives in a backing service. socket.io keeps rooms and connected sockets in the memory of one process: with two replicas, `io.emit()` or `io.to(room).emit()` reaches only the clients connected to the replica that emits, and HTTP long-polling clients fail unless every request reaches the same replica. twelvelint reports a socket.io server when no file of the project sets an adapter (`io.adapter(...)`, `@socket.io/redis-adapter`, …) and the services running it are not pinned to one replica.",
    fix: 'Add a shared adapter: `io.adapter(createAdapter(pubClient, subClient))` from `@socket.io/redis-adapter` (or the Postgres/Mongo/cluster adapters), and use WebSocket transport only or sticky sessions for polling.',
    swarm: 'The routing mesh spreads connections over tasks without stickiness; a Socket.IO handshake and its follow-up polling requests can land on different replicas.',
    bad: "const io = new Server(httpServer);\nio.emit('update', data);",
    good: "const io = new Server(httpServer);\nio.adapter(createAdapter(pub, sub));",
    exampleLanguage: 'js',
  },
  messages: {
    noAdapter: 'socket.io server without an adapter{{replicas}}: events emitted on one replica never reach clients connected to another, and polling clients break without sticky sessions. Add a shared adapter (io.adapter(createAdapter(...)) from @socket.io/redis-adapter)',
  },
  check({ project, report }) {
    let adapterSet: boolean | undefined;
    for (const file of parsedSources(project)) {
      for (const call of file.facts.calls) {
        if (!/^socket\.io:(Server)?$/.test(call.callee)) continue;
        adapterSet ??= project.sources.some((s) => ADAPTER.test(s.text));
        if (adapterSet) return;
        // A service declared with exactly one replica is a deliberate choice.
        const services = entriesRunning(project, file.path).flatMap((e) => e.services);
        const counts = services.map((s) => project.composeFiles.find((f) => f.path === s.file)?.services.find((x) => x.name === s.name)).filter(Boolean).map((s) => replicas(s!));
        if (counts.length > 0 && counts.every((c) => c === 1)) continue;
        const scaled = counts.find((c) => c === 'global' || (typeof c === 'number' && c > 1));
        report({ file: file.path, range: call.range, messageId: 'noAdapter', data: { replicas: scaled === undefined ? '' : scaled === 'global' ? ' in a global service (one task per node)' : ` in a service with ${scaled} replicas` } });
      }
    }
  },
});
