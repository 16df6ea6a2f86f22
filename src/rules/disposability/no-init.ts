import { defineRule } from '../rule.js';
import type { Project } from '../../project/model.js';
import { getValue } from '../../project/yaml-tree.js';
import { pid1, reportPart, type ContainerProcess } from '../../project/facts/process.js';
import { programOf } from '../../project/facts/shell.js';

/** Servers and workers that install their own SIGTERM handler. */
const HANDLES_SIGTERM = new Set(['gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'granian', 'celery', 'rq', 'dramatiq', 'huey_consumer', 'arq', 'faust', 'supervisor.supervisord']);
/** Libraries and frameworks that handle SIGTERM for the app. */
const SHUTDOWN_DEPS = /^(@godaddy\/terminus|lightship|close-with-grace|http-graceful-shutdown|@nestjs\/terminus|next|nuxt|nitropack|@remix-run\/serve|@sveltejs\/adapter-node|graceful-shutdown|fastify-graceful-shutdown|@hapi\/hapi)$/;

function runtime(proc: ContainerProcess): 'node' | 'python' | undefined {
  const p = pid1(proc);
  if (!p) return undefined;
  if (p.name === 'node' || p.name === 'nodejs') {
    // `node --version`, `node -e`: not an app.
    return p.command.words.slice(1).some((w) => !w.startsWith('-')) ? 'node' : undefined;
  }
  if (/^python[\d.]*$/.test(p.name)) {
    const { name } = programOf(p.command.words);
    if (HANDLES_SIGTERM.has(name)) return undefined;
    // Django's and Werkzeug's autoreloaders install a SIGTERM handler.
    if (p.command.words.some((w) => /(^|\/)manage\.py$/.test(w)) && p.command.words.includes('runserver')) return undefined;
    return p.command.words.length > 1 ? 'python' : undefined;
  }
  return undefined;
}

function handlesSigterm(project: Project, lang: 'node' | 'python'): boolean {
  const languages = lang === 'node' ? ['js', 'ts'] : ['python'];
  if (project.sources.some((s) => languages.includes(s.language) && /SIGTERM|enableShutdownHooks/.test(s.text))) return true;
  // `app.run(debug=True)` / `use_reloader=True`: Werkzeug's reloader handles SIGTERM.
  if (lang === 'python' && project.sources.some((s) => s.language === 'python' && /\.run\([^)]*\b(debug|use_reloader)\s*=\s*True/.test(s.text))) return true;
  if (lang === 'node') return project.manifests.some((m) => m.ecosystem === 'npm' && m.dependencies.some((d) => SHUTDOWN_DEPS.test(d)));
  return false;
}

export default defineRule({
  id: 'disposability/no-init',
  factor: 'disposability',
  severity: 'warning',
  swarm: 'degraded',
  recommended: false,
  inputs: ['dockerfile', 'compose', 'source', 'manifest'],
  docs: {
    summary: 'node or python runs as PID 1 without an init, and the code never handles SIGTERM',
    rationale:
      'Factor IX: processes shut down gracefully on SIGTERM. The kernel gives PID 1 no default signal actions: a signal it has no handler for does nothing. Node.js and Python install no SIGTERM handler of their own, so an app that does not handle SIGTERM itself ignores `docker stop` when it is PID 1. An init (tini, dumb-init, or Docker\'s `--init`) runs as PID 1 instead, forwards signals and reaps zombie processes.',
    fix: 'Add `init: true` to the service (Docker runs its bundled tini), or use `ENTRYPOINT ["tini", "--"]` / `["dumb-init", "--"]` in the Dockerfile. Better still, also handle SIGTERM in the app: stop accepting requests, finish the open ones, close connections, exit.',
    swarm: 'Swarm sends SIGTERM, waits `stop_grace_period` (10 s by default), then SIGKILLs: every update and scale-down takes that long per task and drops in-flight work. `init: true` is honoured by `docker stack deploy` (compose file format 3.7+).',
    bad: 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "server.js"]',
    good: 'FROM node:20-alpine\nRUN apk add --no-cache tini\nCOPY . .\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "server.js"]',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    noInit: '{{where}} runs {{runtime}} as PID 1 with no init, and no code in the project mentions SIGTERM: PID 1 gets no default signal actions, so unless the app or its framework installs a handler, docker stop and Swarm updates wait for the SIGKILL; add `init: true` or tini/dumb-init, and handle SIGTERM',
  },
  check({ project, report }) {
    const inspect = (proc: ContainerProcess | undefined, where: string) => {
      if (!proc) return;
      const lang = runtime(proc);
      if (!lang || handlesSigterm(project, lang)) return;
      const at = reportPart(proc);
      report({ file: at.file, range: at.range, messageId: 'noInit', data: { where, runtime: lang } });
    };
    for (const image of project.facts.images()) {
      const d = image.dockerfile;
      const proc = project.facts.imageProcess(d, image.target);
      // Every service that runs this image adds `init: true`: fine.
      if (d.usedBy.length > 0 && d.usedBy.every((s) => project.facts.serviceProcess(s)?.composeInit)) continue;
      inspect(proc, proc?.at.source === 'dockerfile-entrypoint' ? 'ENTRYPOINT' : 'CMD');
    }
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        if (!getValue(service.node, 'command') && !getValue(service.node, 'entrypoint')) continue;
        inspect(project.facts.serviceProcess(service), `Service "${service.name}"`);
      }
    }
  },
});
