import { defineRule } from '../rule.js';
import type { ComposeService } from '../../project/model.js';
import { getValue } from '../../project/yaml-tree.js';
import { imageName } from '../../project/facts/image.js';
import { hostOf, listenSpec, webServerOf, type WebServer } from '../../project/facts/web-server.js';

/** Official language and OS images: they EXPOSE nothing, so the Dockerfile must. */
const NO_EXPOSE_BASE =
  /^(node|python|pypy|ruby|golang|php|perl|elixir|erlang|rust|openjdk|eclipse-temurin|amazoncorretto|alpine|debian|ubuntu|busybox|buildpack-deps|oven\/bun|mcr\.microsoft\.com\/dotnet\/(aspnet|runtime|runtime-deps|sdk)|gcr\.io\/distroless\/[\w.-]+|scratch)$/;

/** Where each server listens when no port is given. */
const DEFAULT_PORT: Record<string, number> = {
  gunicorn: 8000,
  uvicorn: 8000,
  hypercorn: 8000,
  daphne: 8000,
  granian: 8000,
  'waitress-serve': 8080,
  'flask run': 5000,
  'fastapi run': 8000,
  'fastapi dev': 8000,
  'streamlit run': 8501,
  'manage.py runserver': 8000,
  'rails server': 3000,
  puma: 9292,
  'python -m http.server': 8000,
  'php artisan serve': 8000,
  'http-server': 8080,
  serve: 3000,
};

function defaultPort(server: WebServer): number | undefined {
  if (server.name.startsWith('next ') || server.name.startsWith('nuxt ') || server.name.startsWith('nuxi ')) return 3000;
  return DEFAULT_PORT[server.name];
}

/** The service says which port it serves: ports, expose, or a Traefik port label. */
function declaresPort(service: ComposeService): boolean {
  for (const s of [service, service.overriddenBy]) {
    if (!s) continue;
    if (getValue(s.node, 'ports') || getValue(s.node, 'expose')) return true;
    const labels = [getValue(s.node, 'labels'), getValue(getValue(s.node, 'deploy'), 'labels')];
    if (labels.some((l) => l && /loadbalancer\.server\.port|VIRTUAL_PORT|caddy\.reverse_proxy/i.test(JSON.stringify(l)))) return true;
    if (getValue(s.node, 'network_mode')) return true;
  }
  return false;
}

export default defineRule({
  id: 'port-binding/web-server-no-port',
  factor: 'port-binding',
  severity: 'info',
  swarm: 'none',
  recommended: true,
  inputs: ['dockerfile', 'compose'],
  docs: {
    summary: 'An image starts a web server but declares no port: no `EXPOSE`, and no compose service publishes or exposes one',
    rationale:
      'Factor VII: the app exports HTTP as a service by binding to a port, and that port is part of its contract with the platform. When the image starts gunicorn, uvicorn, `node server.js` and the like but neither the Dockerfile (`EXPOSE`) nor the compose file (`ports`/`expose`) names the port, the people and tools that wire services together have to guess it.',
    fix: 'Add `EXPOSE <port>` to the Dockerfile (ideally the port the app reads from `PORT`), and publish it in the stack file where it should be reachable from outside.',
    swarm: 'Swarm does not need `EXPOSE` to route between services on an overlay network, but the routing mesh only publishes what `ports:` lists; a service without either is reachable only by other services that already know the port.',
    bad: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]',
    good: 'FROM python:3.12-slim\nCOPY . /app\nEXPOSE 8000\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    noExpose: '{{dockerfile}} starts {{server}} but declares no port; add `EXPOSE {{port}}` so the port the app serves is part of the image',
    noPort: '{{dockerfile}} starts {{server}} but declares no port, and service "{{service}}" neither publishes nor exposes one; add `EXPOSE {{port}}` (and `ports:` where it must be reachable)',
  },
  check({ project, report }) {
    for (const image of project.facts.images()) {
      const d = image.dockerfile;
      const base = image.base;
      if (!base || !NO_EXPOSE_BASE.test(imageName(base.image))) continue;
      // Any EXPOSE in the final chain counts, also ones we cannot read (`EXPOSE $PORT`).
      if (image.instructions.some((i) => i.keyword === 'EXPOSE')) continue;
      const proc = project.facts.imageProcess(d, image.target);
      if (!proc) continue;
      const command = proc.steps.map((s) => s.command).find((c) => !c.background && webServerOf(c.words));
      if (!command) continue;
      const server = webServerOf(command.words)!;
      const spec = listenSpec(server);
      // A unix socket is served through a proxy in the same container: no TCP port to declare.
      if (spec.addresses.length > 0 && spec.addresses.every((a) => hostOf(a.value) === undefined && !/^:?\d+$/.test(a.value))) continue;
      if (d.usedBy.some(declaresPort)) continue;
      const port = spec.ports[0] ?? defaultPort(server) ?? '<port>';
      const service = d.usedBy[0];
      report({
        file: d.path,
        range: proc.at.range,
        messageId: service ? 'noPort' : 'noExpose',
        data: { dockerfile: d.path, server: server.name, port, ...(service ? { service: service.name } : {}) },
      });
    }
  },
});

