import { defineRule } from '../rule.js';
import type { ComposeService, Project } from '../../project/model.js';
import { getValue } from '../../project/yaml-tree.js';
import { containerEnvNames, reportPart, type CommandPart, type ContainerProcess } from '../../project/facts/process.js';
import { hostOf, isLoopbackHost, isReverseProxy, listenSpec, webServerOf, type ListenSpec, type WebServer } from '../../project/facts/web-server.js';

interface Problem {
  kind: 'explicit' | 'default';
  server: WebServer;
  host: string;
  flag?: string;
  fix?: string;
  envOverrides: string[];
}

/** The web server of a process and where it listens, when that is loopback only. */
function loopbackServer(proc: ContainerProcess, project: Project): Problem | undefined {
  // Another server in the same container (nginx in front of gunicorn on 127.0.0.1) reaches it.
  const commands = proc.steps.map((s) => s.command);
  if (commands.some((c) => isReverseProxy(c.words))) return undefined;
  for (const c of commands) {
    const server = webServerOf(c.words);
    if (!server) continue;
    const spec: ListenSpec = listenSpec(server);
    if (spec.addresses.length > 0) {
      // Every TCP address is loopback (a second bind on 0.0.0.0 makes it reachable).
      const tcp = spec.addresses.filter((a) => hostOf(a.value) !== undefined || /^:?\d+$/.test(a.value));
      const loop = tcp.filter((a) => isLoopbackHost(hostOf(a.value)));
      if (loop.length > 0 && loop.length === tcp.length) return { kind: 'explicit', server, host: hostOf(loop[0].value)!, flag: loop[0].flag, envOverrides: [] };
      continue;
    }
    const def = spec.loopbackDefault;
    if (!def) continue;
    if (def.configFlags.some((f) => server.args.some((a) => a === f || a.startsWith(`${f}=`)))) continue;
    if (server.program === 'gunicorn' && project.files.some((f) => /(^|\/)gunicorn[._-]?conf(ig)?\.py$/.test(f.path))) continue;
    if (server.program === 'flask' && (project.files.some((f) => /(^|\/)\.flaskenv$/.test(f.path)) || project.envFiles.some((e) => e.entries.some((x) => x.key === 'FLASK_RUN_HOST')))) continue;
    return { kind: 'default', server, host: def.host, fix: def.fix, envOverrides: def.envOverrides };
  }
  return undefined;
}

function envOverridden(project: Project, problem: Problem, service: ComposeService, proc: ContainerProcess): boolean {
  if (problem.envOverrides.length === 0) return false;
  const serviceProc = project.facts.serviceProcess(service) ?? proc;
  const { names, unknown } = containerEnvNames(project, serviceProc);
  for (const n of proc.image?.env.keys() ?? []) names.add(n);
  return unknown || problem.envOverrides.some((n) => names.has(n));
}

export default defineRule({
  id: 'port-binding/bound-to-localhost',
  factor: 'port-binding',
  severity: 'error',
  swarm: 'degraded',
  recommended: true,
  inputs: ['dockerfile', 'compose', 'env'],
  docs: {
    summary: 'The app server listens on 127.0.0.1/localhost inside its container',
    rationale:
      'Factor VII: the app exports its service by binding to a port that the platform routes requests to. Inside a container, 127.0.0.1 is the container itself: a server bound there (by `--host 127.0.0.1`, `--bind localhost:8000`, or by the default of `flask run`, `manage.py runserver`, `uvicorn`, `gunicorn`) accepts no connection from other containers, the published port or the load balancer.',
    fix: 'Bind to all interfaces: `--host 0.0.0.0`, `--bind 0.0.0.0:8000`, `manage.py runserver 0.0.0.0:8000`; or set the server\'s variable (`FLASK_RUN_HOST`, `UVICORN_HOST`, `PORT` for gunicorn).',
    swarm: 'The routing mesh and other services connect to the task\'s overlay address, not to its loopback: requests get "connection refused" and healthchecks that go through the network fail.',
    bad: 'CMD ["uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", "8000"]',
    good: 'CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    explicit: '{{server}} binds to {{host}} ("{{flag}}"), so only processes inside the same container can connect; bind to 0.0.0.0 so other containers and the published port reach it',
    default: '{{server}} listens on {{host}} unless told otherwise, and nothing here changes it, so only processes inside the same container can connect; use {{fix}}',
  },
  check({ project, report }) {
    const emit = (at: CommandPart, p: Problem) =>
      report({
        file: at.file,
        range: at.range,
        messageId: p.kind,
        data: p.kind === 'explicit' ? { server: p.server.name, host: p.host, flag: p.flag ?? '' } : { server: p.server.name, host: p.host, fix: `\`${p.fix}\`${p.envOverrides.length ? ` or set ${p.envOverrides.join('/')}` : ''}` },
      });

    for (const image of project.facts.images()) {
      const d = image.dockerfile;
      const proc = project.facts.imageProcess(d, image.target);
      if (!proc) continue;
      const p = loopbackServer(proc, project);
      if (!p) continue;
      if (p.kind === 'default' && p.envOverrides.length > 0) {
        // The default can be changed by the environment: only report when every service running this command is known not to.
        const running = d.usedBy.filter((s) => !getValue(s.node, 'command') && !getValue(s.node, 'entrypoint') && !getValue(s.node, 'network_mode'));
        if (running.length === 0 || running.some((s) => envOverridden(project, p, s, proc))) continue;
      }
      emit(proc.at, p);
    }
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        const own = getValue(service.node, 'command') ?? getValue(service.node, 'entrypoint');
        if (!own || getValue(service.node, 'network_mode') || getValue(service.overriddenBy?.node, 'network_mode')) continue;
        const proc = project.facts.serviceProcess(service);
        if (!proc) continue;
        const p = loopbackServer(proc, project);
        if (!p || (p.kind === 'default' && envOverridden(project, p, service, proc))) continue;
        emit(reportPart(proc), p);
      }
    }
  },
});
