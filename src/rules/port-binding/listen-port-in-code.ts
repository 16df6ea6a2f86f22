import { defineRule } from '../rule.js';
import { buildTarget, publishedTargets } from '../../project/facts/service.js';
import { asPort, deployContexts, describe, listenSites, resolve, sourceIndex, type ListenSite } from '../../project/js/query.js';
import type { Value } from '../../project/js/facts.js';

function envNames(v: Value | undefined): string[] {
  return v?.k === 'env' ? [v.name, ...envNames(v.or)] : [];
}

export default defineRule({
  id: 'port-binding/listen-port-in-code',
  factor: 'port-binding',
  severity: 'error',
  swarm: 'blocker',
  blocker: 'broken',
  recommended: true,
  inputs: ['source', 'dockerfile', 'compose', 'env', 'manifest', 'procfile'],
  sourcePrefilter: /\.listen\s*\((?!\s*(?:\(|function\b|async\b|\w+\s*=>))|\.serve\(|hono\/node-server/,
  docs: {
    summary: 'The port the server listens on is not the port the deploy sends traffic to',
    rationale:
      'Factor VII: the app exports its service by binding to a port, and the deploy routes requests to that port. twelvelint follows the container start command (Dockerfile `CMD`, compose `command`, `npm start`) to the entry file, resolves the port its `listen` call uses (constants, `process.env.PORT ?? 3000`, the `PORT` the service sets) and compares it with the compose target port and the Dockerfile `EXPOSE`. When they differ, requests arrive where nothing listens. When the code reads `process.env.PORT` with no fallback and nothing sets `PORT`, Node listens on a random port.',
    fix: 'Make the listen port, the compose target port and `EXPOSE` the same number. Read it from `PORT` with a default (`process.env.PORT ?? 3000`) and set `PORT` in the service when it must differ.',
    swarm: 'The routing mesh forwards each published port to the target port of a task; if the app listens elsewhere, connections are refused and healthchecks fail, so Swarm keeps restarting the tasks.',
    bad: '// Dockerfile: EXPOSE 8080, compose: ports: ["80:8080"]\napp.listen(process.env.PORT || 3000);',
    good: '// compose: environment: { PORT: "8080" }, ports: ["80:8080"]\napp.listen(process.env.PORT || 3000);',
    exampleLanguage: 'js',
  },
  messages: {
    target: 'The server listens on port {{port}} ({{expr}}{{why}}), but {{label}} publishes container port {{target}}: requests to it reach nothing. Listen on {{target}} or change the target port',
    expose: 'The server listens on port {{port}} ({{expr}}{{why}}), but {{dockerfile}} EXPOSEs {{exposed}}; use one port for both (read it from PORT)',
    unset: 'The server listens on process.env.{{name}} with no fallback, and {{label}} does not set {{name}}: Node then listens on a random port. Set {{name}} for the service or add a default ({{example}})',
  },
  check({ project, report }) {
    const links = project.jsLinks;
    if (!links) return;
    const sources = sourceIndex(project);
    const reported = new Set<string>();
    const emit = (site: ListenSite, file: string, messageId: 'target' | 'expose' | 'unset', data: Record<string, string | number>) => {
      const key = `${file}:${site.call.range.line}:${site.call.range.column}:${messageId}:${JSON.stringify(data)}`;
      if (reported.has(key)) return;
      reported.add(key);
      report({ file, range: site.call.range, messageId, data });
    };
    for (const entry of links.entries) {
      if (!entry.dockerfile) continue;
      const sites: { site: ListenSite; file: string }[] = [];
      for (const f of entry.reachable) {
        const src = sources.get(f);
        if (!src?.facts) continue;
        for (const site of listenSites(src)) if (!site.socketPath && site.port) sites.push({ site, file: f });
      }
      if (sites.length === 0) continue;
      for (const ctx of deployContexts(project, entry)) {
        const resolved = sites.map(({ site, file }) => ({ site, file, r: resolve(site.port, ctx.env) }));
        for (const x of resolved) {
          if (x.r.kind === 'unset' && !x.site.fastify) {
            emit(x.site, x.file, 'unset', { name: x.r.name, label: ctx.label, example: `process.env.${x.r.name} ?? 3000` });
          }
        }
        // Compare only when every listen call resolves to a number: otherwise we cannot be sure.
        const ports = resolved.map((x) => asPort(x.r));
        if (ports.some((p) => p === undefined)) continue;
        const listening = new Set(ports as number[]);
        const first = resolved[0];
        const why = (x: (typeof resolved)[number]) => {
          const names = envNames(x.site.port);
          if (names.length === 0) return '';
          const parts = names.map((n) => {
            const v = ctx.env(n);
            return typeof v === 'string' ? `${n}=${v} from ${ctx.label}` : `${n} not set by ${ctx.label}`;
          });
          return `; ${parts.join(', ')}`;
        };
        const targets = ctx.service ? publishedTargets(ctx.service) : [];
        if (targets.length > 0) {
          for (const target of targets) {
            if (listening.has(target)) continue;
            emit(first.site, first.file, 'target', { port: [...listening].join(' and '), expr: describe(first.site.port), why: why(first), label: ctx.label, target });
          }
          continue;
        }
        const exposes = ctx.dockerfile ? project.facts.image(ctx.dockerfile, ctx.service ? buildTarget(ctx.service) : undefined).exposed : [];
        if (exposes.length > 0 && !exposes.some((p) => listening.has(p))) {
          emit(first.site, first.file, 'expose', { port: [...listening].join(' and '), expr: describe(first.site.port), why: why(first), dockerfile: ctx.dockerfile!.path, exposed: exposes.join(', ') });
        }
      }
    }
  },
});
