import { defineRule } from '../rule.js';
import { LOCAL_HOST, deployContexts, describe, listenSites, resolve, sourceIndex, type ListenSite } from '../../project/js/query.js';

export default defineRule({
  id: 'port-binding/listen-localhost-in-code',
  factor: 'port-binding',
  severity: 'error',
  swarm: 'blocker',
  blocker: 'broken',
  recommended: true,
  inputs: ['source', 'dockerfile', 'compose', 'env', 'manifest', 'procfile'],
  sourcePrefilter: /\.listen\s*\((?!\s*(?:\(|function\b|async\b|\w+\s*=>))|\.serve\(|hono\/node-server/,
  docs: {
    summary: 'The server in a container listens on `localhost` / `127.0.0.1`',
    rationale:
      "Factor VII: the app exports HTTP as a service by binding to a port that the outside world can reach. Inside a container `127.0.0.1` is the container's own loopback interface: published ports, the routing mesh and other services all arrive on the container's network interface and find nothing. Fastify binds to `localhost` unless `host` is given, so `fastify.listen({ port })` has the same problem. twelvelint reports this only for code the container's start command runs, and only when every listen call of that process is local.",
    fix: "Listen on all interfaces: omit the host (Node, Express, Koa), or pass `host: '0.0.0.0'` (Fastify, or `'::'` for IPv6).",
    swarm: 'Tasks receive traffic on their overlay network address; a server bound to loopback refuses every connection, so the service never answers and its healthcheck (if it probes from outside) fails.',
    bad: "await fastify.listen({ port: 3000 });\n// or\napp.listen(3000, '127.0.0.1');",
    good: "await fastify.listen({ port: 3000, host: '0.0.0.0' });\n// or\napp.listen(3000);",
    exampleLanguage: 'js',
  },
  messages: {
    local: 'The server listens on {{host}} ({{expr}}) in the container started by {{via}}: only the container itself can connect, so published ports and other services reach nothing. Listen on 0.0.0.0 (or omit the host)',
    fastify: "fastify.listen() without a host binds to localhost, and this runs in the container started by {{via}}: nothing outside the container can connect. Pass host: '0.0.0.0'",
  },
  check({ project, report }) {
    const links = project.jsLinks;
    if (!links) return;
    const sources = sourceIndex(project);
    const reported = new Set<string>();
    for (const entry of links.entries) {
      if (!entry.dockerfile) continue;
      const sites: { site: ListenSite; file: string }[] = [];
      for (const f of entry.reachable) {
        const src = sources.get(f);
        if (!src?.facts) continue;
        for (const site of listenSites(src)) if (!site.socketPath) sites.push({ site, file: f });
      }
      if (sites.length === 0) continue;
      for (const ctx of deployContexts(project, entry)) {
        const judged = sites.map(({ site, file }) => {
          if (!site.host) return { site, file, local: site.fastify ? ('fastify' as const) : false };
          const r = resolve(site.host, ctx.env);
          if (r.kind === 'unknown') return { site, file, local: undefined };
          if (r.kind === 'unset') return { site, file, local: site.fastify ? ('fastify' as const) : false };
          return { site, file, local: LOCAL_HOST.test(String(r.value)) ? String(r.value) : false };
        });
        // A local listener next to a public one is deliberate (admin, metrics): only report when all are local.
        if (!judged.every((j) => typeof j.local === 'string')) continue;
        for (const j of judged) {
          const key = `${j.file}:${j.site.call.range.line}:${j.site.call.range.column}`;
          if (reported.has(key)) continue;
          reported.add(key);
          if (j.local === 'fastify') report({ file: j.file, range: j.site.call.range, messageId: 'fastify', data: { via: entry.via } });
          else report({ file: j.file, range: j.site.call.range, messageId: 'local', data: { host: j.local as string, expr: describe(j.site.host), via: entry.via } });
        }
      }
    }
  },
});
