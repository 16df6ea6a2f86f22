import { defineRule } from '../rule.js';
import type { ComposeService, Project } from '../../project/model.js';
import { dirname } from '../../project/paths.js';
import { resolvedString } from '../../project/load-compose.js';
import { getValue } from '../../project/yaml-tree.js';
import { backingFamily, serviceEnvironment, serviceImage } from '../../project/facts/service.js';

/** A URL or host:port that points at the container itself. */
const LOCAL_URL = /\b([a-z][a-z0-9+.-]*):\/\/(?:[^\s@/]*@)?(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::(\d+))?/i;
const BACKING_SCHEMES = /^(postgres(ql)?|mysql|mariadb|mongodb(\+srv)?|redis|rediss|amqps?|nats|kafka|memcached?|mssql|sqlserver|jdbc|elasticsearch|http|https|smtp|ldap|clickhouse|cassandra)/i;
const HOST_NAME = /(^|_)(HOST|HOSTNAME|ADDR|ADDRESS|SERVER)$/i;
/** Variables a browser reads (bundled into front-end code) or that name the app's own public address: localhost there is the user's machine. */
const BROWSER_OR_PUBLIC = /^(NEXT_PUBLIC_|REACT_APP_|VITE_|VUE_APP_|NUXT_PUBLIC_|NUXT_ENV_|PUBLIC_|GATSBY_|EXPO_PUBLIC_|NG_APP_|STORYBOOK_)|CORS|ORIGIN|REDIRECT|CALLBACK|FRONTEND|PUBLIC|EXTERNAL|ALLOWED|TRUSTED|WEBHOOK/i;

export function localBackingUrl(key: string, value: string): { url: string; port?: string } | undefined {
  const m = LOCAL_URL.exec(value);
  if (m) {
    const scheme = m[1];
    if (!BACKING_SCHEMES.test(scheme) && !/^jdbc/i.test(value)) return undefined;
    // An app's own public URL (APP_URL=http://localhost:3000) is not a backing service.
    if (/^https?$/i.test(scheme)) {
      if (BROWSER_OR_PUBLIC.test(key)) return undefined;
      if (!/(DATABASE|DB|REDIS|CACHE|MONGO|AMQP|RABBIT|BROKER|QUEUE|ELASTIC|SEARCH|SMTP|MAIL|API|SERVICE|BACKEND|UPSTREAM)/i.test(key)) return undefined;
    }
    return { url: m[0], port: m[3] };
  }
  if (HOST_NAME.test(key) && /^(localhost|127\.0\.0\.1)(:\d+)?$/i.test(value.trim()) && /(DB|DATABASE|REDIS|CACHE|MONGO|MYSQL|POSTGRES|PG|AMQP|RABBIT|BROKER|QUEUE|ELASTIC|SMTP|MAIL|MEMCACHE)/i.test(key)) {
    return { url: value.trim() };
  }
  return undefined;
}

/** Containers that share another network namespace (the host's, or another container's) really do reach it at localhost. */
function sharesNamespace(service: ComposeService): boolean {
  const mode = resolvedString(service.file, getValue(service.node, 'network_mode'));
  return mode !== undefined && /^(host|service:|container:)/.test(mode);
}

/** Ports the service itself listens on (targets of `ports:` and `expose:`): a URL to them is the service's own address. */
/** `--port 8000`, `--port=8000`, `-p 8000`, `--bind 127.0.0.1:8000`: ports a process of the container listens on. */
function portsInSteps(steps: readonly { command: { words: string[] } }[]): string[] {
  const out: string[] = [];
  for (const { command } of steps) {
    const w = command.words;
    w.forEach((word, i) => {
      const m = /^--?(?:port|p|listen|bind|b)(?:=(.+))?$/.exec(word);
      const value = m ? (m[1] ?? w[i + 1]) : /^(?:127\.0\.0\.1|0\.0\.0\.0|localhost|\[::\]):\d+$/.test(word) ? word : undefined;
      const port = value ? /(?:^|:)(\d{2,5})$/.exec(value)?.[1] : undefined;
      if (port) out.push(port);
    });
  }
  return out;
}

/**
 * Ports the container's own processes listen on: a start script that runs a helper on 127.0.0.1:8000 beside the app
 * (paperless-ai's RAG service) makes `http://localhost:8000` the container itself, as meant. A service that runs the
 * project's image without building it is judged by the project's release images.
 */
function processPorts(project: Project, service: ComposeService): string[] {
  const proc = project.facts.serviceProcess(service);
  const own = proc ? portsInSteps(proc.steps) : [];
  if (own.length > 0 || getValue(service.node, 'build')) return own;
  const image = serviceImage(service)?.value;
  if (!image || backingFamily(image) !== undefined) return own;
  return project.facts.startedProcesses().filter((p) => !p.service).flatMap((p) => portsInSteps(p.steps));
}

function ownPorts(service: ComposeService): Set<string> {
  const out = new Set<string>();
  for (const key of ['ports', 'expose']) {
    const node = getValue(service.node, key);
    if (node?.kind !== 'seq') continue;
    for (const item of node.items) {
      if (item.kind === 'map') {
        const target = resolvedString(service.file, getValue(item, 'target'));
        if (target) out.add(target);
      } else {
        const spec = resolvedString(service.file, item);
        const target = spec?.split('/')[0].split(':').at(-1);
        if (target) out.add(target);
      }
    }
  }
  return out;
}

function joinRel(dir: string, rel: string): string {
  const parts = (dir === '.' ? [] : dir.split('/')).concat(rel.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..' && out.length > 0 && out.at(-1) !== '..') out.pop();
    else out.push(p);
  }
  return out.join('/') || '.';
}

export default defineRule({
  id: 'backing-services/localhost-url',
  factor: 'backing-services',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  // Dockerfiles and scripts say which ports the container's own processes listen on.
  inputs: ['compose', 'env', 'dockerfile'],
  docs: {
    summary: 'A backing service is addressed as `localhost` / `127.0.0.1`',
    rationale:
      'Factor IV: backing services are attached resources, located by config. Inside a container `localhost` is the container itself, so a database URL pointing there only works when the database runs in the same container, which is never true on Swarm. Checked: `environment:` of compose services and the env files they load with `env_file:` (keys the service\'s own `environment:` overrides are skipped). Services with `network_mode: host` or `service:…` (which do share a network namespace), variables read by browsers (`VITE_`, `NEXT_PUBLIC_` …) or naming public origins (CORS, redirect URLs), and URLs to the service\'s own ports (published, exposed, or listened on by a process its start command runs: `python main.py --port 8000 &` beside the app) are left alone.',
    fix: 'Address the backing service by its compose service name (`postgres://db:5432/app`) or by the external host the deploy provides, and read it from the environment.',
    swarm: 'Each task has its own network namespace; services reach each other by service name through Swarm DNS on an overlay network.',
    bad: 'DATABASE_URL: postgres://app@localhost:5432/app',
    good: 'DATABASE_URL: postgres://app@db:5432/app',
    exampleLanguage: 'yaml',
  },
  messages: {
    compose: '{{key}} points at {{url}}: inside a container that is the container itself; use the service name of the backing service',
    envFile: '{{key}} points at {{url}}, and {{services}} this file with env_file: inside a container that is the container itself; use the service name of the backing service',
  },
  check({ project, report }) {
    const envUsers = new Map<string, Map<string, Set<string>>>();
    for (const file of project.composeFiles) {
      // An env file only a development compose file loads (`frontend/.env` of docker-compose-dev.yaml) is development config.
      if (!project.facts.composeStatus(file).deployed) continue;
      for (const service of file.services) {
        if (sharesNamespace(service)) continue;
        const own = new Set([...ownPorts(service), ...processPorts(project, service)]);
        const environment = serviceEnvironment(service);
        for (const v of environment) {
          if (!v.value) continue;
          const hit = localBackingUrl(v.key, v.value);
          if (hit && !(hit.port && own.has(hit.port))) report({ file: file.path, range: v.range, messageId: 'compose', data: { key: v.key, url: hit.url } });
        }
        // env_file entries the service does not override.
        const envFile = getValue(service.node, 'env_file');
        const items = envFile?.kind === 'seq' ? envFile.items : envFile ? [envFile] : [];
        for (const item of items) {
          const p = resolvedString(file, item.kind === 'map' ? getValue(item, 'path') : item);
          if (!p) continue;
          const path = joinRel(dirname(file.path), p);
          const byKey = envUsers.get(path) ?? new Map<string, Set<string>>();
          envUsers.set(path, byKey);
          const overridden = new Set(environment.map((v) => v.key));
          const env = project.envFiles.find((e) => e.path === path);
          for (const e of env?.entries ?? []) {
            if (overridden.has(e.key)) continue;
            const hit = localBackingUrl(e.key, e.value);
            if (!hit || (hit.port && own.has(hit.port))) continue;
            const users = byKey.get(e.key) ?? new Set<string>();
            users.add(service.name);
            byKey.set(e.key, users);
          }
        }
      }
    }
    for (const env of project.envFiles) {
      const byKey = envUsers.get(env.path);
      if (!byKey) continue;
      for (const e of env.entries) {
        const users = byKey.get(e.key);
        const hit = users && localBackingUrl(e.key, e.value);
        if (!users || !hit) continue;
        report({ file: env.path, range: e.range, messageId: 'envFile', data: { key: e.key, url: hit.url, services: users.size === 1 ? `service "${[...users][0]}" loads` : `services ${[...users].sort().map((u) => `"${u}"`).join(', ')} load` } });
      }
    }
  },
});
