/**
 * swarmify: turn compose files into a stack file `docker stack deploy` accepts. Every key docker/cli
 * ignores, deprecates or refuses is rewritten to its Swarm form or removed, each change is recorded with
 * its reason, and what only the user can decide (a registry, a secret's value, a volume to share) is
 * listed, never guessed. Comments and key order are kept (the `yaml` Document API) unless the files use
 * anchors or merge keys, which are expanded.
 */
import { Document, isMap, isScalar, isSeq, isAlias, parseDocument, visit, YAMLMap, YAMLSeq, Scalar, type Node as YamlNode } from 'yaml';
import { DEPRECATED_SERVICE_KEYS, FORBIDDEN_SERVICE_KEYS, IGNORED_SERVICE_KEYS, restartPolicyOf } from '../project/compose/docker-cli.js';
import { SERVICE_KEY_SINCE } from '../project/compose/schema-data.js';
import { KEY_ACTIONS } from './coverage.js';
import { isPlaceholderValue, isSecretName } from '../project/facts/secrets.js';

export interface Change {
  service?: string;
  key: string;
  action: 'rewritten' | 'removed' | 'added';
  note: string;
}

export interface SwarmifyOptions {
  /** Registry and namespace for images built from `build:` (`ghcr.io/acme`). */
  imagePrefix?: string;
  /** Tag for those images (default: the git short SHA, never `latest`). */
  tag: string;
  /** Stack/project name, used in image names. */
  project: string;
  /** Add deploy defaults (update_config, rollback_config, restart_policy) where absent. */
  defaults: boolean;
  /** Reads a compose file named by `extends: {file: …}` (relative to the first file); undefined when it cannot. */
  readFile?: (path: string) => string | undefined;
}

/** A Dockerfile that declares a HEALTHCHECK (not `HEALTHCHECK NONE`): the image checks itself. */
function dockerfileHasHealthcheck(text: string | undefined): boolean {
  return text !== undefined && /^\s*HEALTHCHECK\s+(?!NONE\b)/im.test(text);
}

export interface SwarmifyResult {
  text: string;
  /** Secret files to write beside the stack file (their values never reach the report). */
  secretFiles: { path: string; value: string }[];
  changes: Change[];
  /** What only the user can decide or supply. */
  decisions: string[];
  /** `docker build` / `docker push` commands for images swarmify named. */
  buildCommands: string[];
  /** Keys swarmify cannot turn into something Swarm accepts: the file is listed as not transformable. */
  blockers: string[];
}

const MIN_VERSION = 8;

/** Parses compose files (overrides after the base) into one document, merged as `docker compose -f a -f b` merges. */
export function mergeDocuments(texts: readonly { name: string; text: string }[]): { doc: Document; expanded: boolean; errors: string[] } {
  const errors: string[] = [];
  const docs = texts.map((t) => {
    const d = parseDocument(t.text, { merge: true, uniqueKeys: false });
    for (const e of d.errors) errors.push(`${t.name}: ${e.message.split('\n')[0]}`);
    return d;
  });
  let expanded = false;
  // Anchors and merge keys cannot be edited in place: expand them (the comments are lost, the meaning kept).
  const usesAliases = (d: Document) => {
    let found = false;
    visit(d, { Alias: () => { found = true; return visit.BREAK; } });
    return found;
  };
  const plain = docs.map((d) => {
    if (!usesAliases(d)) return d;
    expanded = true;
    return new Document(d.toJS({ maxAliasCount: 1000 }));
  });
  const base = plain[0] ?? new Document({});
  for (const overlay of plain.slice(1)) mergeInto(base, base.contents, overlay.contents, []);
  return { doc: base, expanded, errors };
}

/** Keys whose lists compose appends across files (by value) rather than replaces. */
const APPENDED = new Set(['ports', 'expose', 'external_links', 'dns', 'dns_search', 'tmpfs', 'volumes', 'secrets', 'configs', 'cap_add', 'cap_drop', 'devices', 'env_file', 'extra_hosts']);

function mergeInto(doc: Document, base: unknown, overlay: unknown, path: string[]): void {
  if (!isMap(base) || !isMap(overlay)) return;
  for (const pair of overlay.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const existing = base.get(key, true);
    const value = pair.value as YamlNode | null;
    if (isMap(existing) && isMap(value) && !(path.length === 2 && path[0] === 'services' && (key === 'command' || key === 'entrypoint'))) mergeInto(doc, existing, value, [...path, key]);
    else if (isSeq(existing) && isSeq(value) && APPENDED.has(key)) {
      const seen = new Set(existing.items.map((i) => JSON.stringify(isScalar(i) ? i.value : (i as YamlNode).toJSON?.())));
      for (const item of value.items) if (!seen.has(JSON.stringify(isScalar(item) ? item.value : (item as YamlNode).toJSON?.()))) existing.items.push(item);
    } else base.set(key, value);
  }
}

function scalarText(node: unknown): string | undefined {
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node); // keys set from code are plain values
  return isScalar(node) && node.value !== null && typeof node.value !== 'object' ? String(node.value) : undefined;
}

/** `deploy` of a service, created when absent (right after `image`, where people look for it). */
function deployOf(doc: Document, svc: YAMLMap): YAMLMap {
  return ensureMap(doc, svc, 'deploy');
}

function ensureMap(doc: Document, parent: YAMLMap, key: string): YAMLMap {
  const m: unknown = parent.get(key, true);
  if (isMap(m)) return m as YAMLMap;
  const created = doc.createNode({}) as YAMLMap;
  parent.set(key, created);
  return created;
}


/** `127.0.0.1:8080:80` → `8080:80`: Swarm publishes on every node's interfaces whatever the host IP says. */
function withoutHostIp(spec: string): string | undefined {
  const m = /^(\[[^\]]+\]|\d{1,3}(?:\.\d{1,3}){3}|localhost):(.+:.+)$/.exec(spec);
  return m ? m[2] : undefined;
}

export function swarmify(doc: Document, options: SwarmifyOptions): Omit<SwarmifyResult, 'text'> & { doc: Document } {
  const secretFiles: { path: string; value: string }[] = [];
  const changes: Change[] = [];
  const decisions: string[] = [];
  const buildCommands: string[] = [];
  const blockers: string[] = [];
  const root = doc.contents;
  if (!isMap(root)) return { doc, changes, decisions: ['the file is not a mapping of compose keys'], buildCommands, blockers: ['not a compose file'], secretFiles };

  // version: 3.x, at least 3.8 (deploy keys such as rollback_config need 3.7).
  const version = scalarText(root.get('version', true));
  const minor = version && /^3(\.\d+)?$/.test(version) ? Number(version.split('.')[1] ?? 0) : -1;
  if (minor < MIN_VERSION) {
    root.set('version', doc.createNode(`3.${MIN_VERSION}`));
    changes.push({ key: 'version', action: version ? 'rewritten' : 'added', note: version ? `"${version}" → "3.${MIN_VERSION}": docker stack deploy reads Compose file format 3.x only` : `"3.${MIN_VERSION}": docker stack deploy needs a 3.x version` });
    // `version` goes first, where readers expect it.
    const i = root.items.findIndex((p) => scalarText(p.key) === 'version');
    if (i > 0) root.items.unshift(...root.items.splice(i, 1));
  }
  for (const key of ['name', 'include']) {
    if (root.has(key)) {
      root.delete(key);
      changes.push({ key, action: 'removed', note: KEY_ACTIONS.top[key].note });
    }
  }

  const services = root.get('services', true);
  if (!isMap(services)) blockers.push('no services: not a compose file');
  if (isMap(services)) resolveExtends(doc, services, options, { changes, decisions, buildCommands, blockers, secretFiles });
  if (isMap(services)) {
    for (const pair of services.items) {
      const name = scalarText(pair.key) ?? '';
      const svc = pair.value;
      if (!isMap(svc)) continue;
      serviceRules(doc, name, svc, options, { changes, decisions, buildCommands, blockers, secretFiles });
    }
  }

  // Networks: stack networks are overlay networks; bridge/host/none are node-local.
  const networks = root.get('networks', true);
  if (isMap(networks)) {
    for (const pair of networks.items) {
      const name = scalarText(pair.key) ?? '';
      const def = pair.value;
      if (!isMap(def) || def.get('external')) continue;
      const driver = scalarText(def.get('driver', true));
      if (driver && driver !== 'overlay') {
        def.set('driver', 'overlay');
        changes.push({ key: `networks.${name}.driver`, action: 'rewritten', note: `${driver} → overlay: only swarm-scoped networks can be used by services` });
      }
    }
  }
  // Secrets and configs from an environment variable (Compose spec) do not exist in 3.x: create them first.
  for (const kind of ['secrets', 'configs'] as const) {
    const defs = root.get(kind, true);
    if (!isMap(defs)) continue;
    for (const pair of defs.items) {
      const name = scalarText(pair.key) ?? '';
      const def = pair.value;
      if (!isMap(def)) continue;
      const env = scalarText(def.get('environment', true));
      if (env !== undefined) {
        def.delete('environment');
        def.set('external', true);
        changes.push({ key: `${kind}.${name}`, action: 'rewritten', note: `environment: ${env} → external: docker stack deploy has no environment-sourced ${kind}` });
        decisions.push(`create the ${kind === 'secrets' ? 'secret' : 'config'} "${name}" before deploying: printf '%s' "$${env}" | docker ${kind === 'secrets' ? 'secret' : 'config'} create ${name} -`);
      }
    }
  }
  return { doc, changes, decisions, buildCommands, blockers, secretFiles };
}

interface Sink {
  changes: Change[];
  decisions: string[];
  buildCommands: string[];
  blockers: string[];
  secretFiles?: { path: string; value: string }[];
}

/** Images whose entrypoint reads `<VAR>_FILE` for these variables (the official images' secrets convention). */
const FILE_VARIANTS: [RegExp, RegExp][] = [
  [/^(postgres|postgis\/postgis|timescale\/timescaledb[\w-]*)$/, /^POSTGRES_(PASSWORD|USER|DB)$/],
  [/^(mysql|mariadb)$/, /^(MYSQL|MARIADB)_(ROOT_PASSWORD|PASSWORD|USER|DATABASE)$/],
  [/^mongo$/, /^MONGO_INITDB_ROOT_(USERNAME|PASSWORD)$/],
];

function serviceRules(doc: Document, name: string, svc: YAMLMap, options: SwarmifyOptions, out: Sink): void {
  const change = (key: string, action: Change['action'], note: string) => out.changes.push({ service: name, key, action, note });
  // The image this service builds declares its own HEALTHCHECK: no reminder.
  let ownHealthcheck = false;

  // build → an image the deploy pulls.
  if (svc.has('build')) {
    const build = svc.get('build', true);
    const context = isMap(build) ? (scalarText(build.get('context', true)) ?? '.') : (scalarText(build) ?? '.');
    const dockerfile = isMap(build) ? scalarText(build.get('dockerfile', true)) : undefined;
    const target = isMap(build) ? scalarText(build.get('target', true)) : undefined;
    let image = scalarText(svc.get('image', true));
    if (!image) {
      image = `${options.imagePrefix ? `${options.imagePrefix.replace(/\/+$/, '')}/` : ''}${options.project}-${name}:${options.tag}`;
      svc.set('image', image);
      change('image', 'added', `${image}: docker stack deploy does not build; it pulls this image on every node`);
      if (!options.imagePrefix) out.decisions.push(`service "${name}": ${image} has no registry; every node must be able to pull it (--image-prefix ghcr.io/<you> names one)`);
    }
    if (dockerfileHasHealthcheck(options.readFile?.(joinContext(context, dockerfile ?? 'Dockerfile').replace(/^\.\//, '')))) ownHealthcheck = true;
    out.buildCommands.push(`docker build -t ${image}${dockerfile ? ` -f ${joinContext(context, dockerfile)}` : ''}${target ? ` --target ${target}` : ''} ${context}`, `docker push ${image}`);
    svc.delete('build');
    change('build', 'removed', 'docker stack deploy ignores build; build and push the image first (commands below)');
  } else if (svc.has('image')) {
    const image = scalarText(svc.get('image', true)) ?? '';
    if (image && !image.includes('$') && !/@sha256:/.test(image) && (!/:[\w][\w.-]*$/.test(image.replace(/^[^/]*\//, '')) || /:latest$/.test(image))) {
      out.decisions.push(`service "${name}": ${image} is not pinned (no tag, or latest); each deploy may run another image`);
    }
  } else out.blockers.push(`service "${name}" has neither image nor build`);

  // restart → deploy.restart_policy.
  if (svc.has('restart')) {
    const value = scalarText(svc.get('restart', true)) ?? '';
    const deploy = svc.get('deploy', true);
    const existing = isMap(deploy) ? deploy.get('restart_policy', true) : undefined;
    const policy = restartPolicyOf(value.trim());
    if (!existing && policy) {
      ensureMap(doc, deployOf(doc, svc), 'restart_policy').set('condition', policy.condition);
      if (policy.maxAttempts) ensureMap(doc, deployOf(doc, svc), 'restart_policy').set('max_attempts', policy.maxAttempts);
      change('restart', 'rewritten', `restart: ${value} → deploy.restart_policy.condition: ${policy.condition}`);
    } else change('restart', 'removed', existing ? 'deploy.restart_policy already decides' : `restart: ${value} is not a restart policy docker knows`);
    svc.delete('restart');
  }

  // Resource keys → deploy.resources.
  const resources: [key: string, where: 'limits' | 'reservations', field: 'memory' | 'cpus'][] = [
    ['mem_limit', 'limits', 'memory'],
    ['mem_reservation', 'reservations', 'memory'],
    ['cpus', 'limits', 'cpus'],
  ];
  for (const [key, where, field] of resources) {
    if (!svc.has(key)) continue;
    const value = scalarText(svc.get(key, true));
    const res = ensureMap(doc, deployOf(doc, svc), 'resources');
    const section = ensureMap(doc, res, where);
    if (value !== undefined && !section.has(field)) {
      section.set(field, field === 'cpus' ? String(value) : normalizeMemory(value));
      change(key, 'rewritten', `${key}: ${value} → deploy.resources.${where}.${field}`);
    } else change(key, 'removed', `deploy.resources.${where}.${field} already set`);
    svc.delete(key);
  }
  for (const key of ['memswap_limit', 'cpu_quota', 'cpu_shares', 'cpuset', 'cpu_period', 'cpu_count', 'cpu_percent', 'cpu_rt_period', 'cpu_rt_runtime', 'mem_swappiness', 'oom_kill_disable', 'oom_score_adj', 'blkio_config']) {
    if (!svc.has(key)) continue;
    svc.delete(key);
    change(key, 'removed', KEY_ACTIONS.service[key]?.note ?? 'not a Swarm service setting');
  }

  // depends_on: a list (Swarm starts services in no order: the app must retry its connections).
  const dependsOn = svc.get('depends_on', true);
  if (isMap(dependsOn)) {
    const names = dependsOn.items.map((p) => scalarText(p.key)).filter((n): n is string => n !== undefined);
    svc.set('depends_on', doc.createNode(names));
    change('depends_on', 'rewritten', `conditions dropped (${names.join(', ')}): Swarm starts services in no order and waits for no health; the app must retry its connections`);
  }

  // Ports: no host IP (Swarm publishes on every node).
  const ports = svc.get('ports', true);
  if (isSeq(ports)) {
    ports.items.forEach((item, i) => {
      const spec = scalarText(item);
      const fixed = spec ? withoutHostIp(spec) : undefined;
      if (spec && fixed) {
        ports.items[i] = doc.createNode(fixed) as Scalar;
        change('ports', 'rewritten', `${spec} → ${fixed}: Swarm ignores the host IP and publishes on every node (put a firewall or an internal network in front)`);
      } else if (isMap(item) && item.has('host_ip')) {
        item.delete('host_ip');
        change('ports', 'rewritten', 'host_ip removed: Swarm publishes on every node');
      }
    });
  }

  // Host paths: a bind mount needs the path on every node the task may run on.
  const volumes = svc.get('volumes', true);
  if (isSeq(volumes)) {
    for (const item of volumes.items) {
      const spec = scalarText(item) ?? (isMap(item) && scalarText(item.get('type', true)) === 'bind' ? `${scalarText(item.get('source', true))}:${scalarText(item.get('target', true))}` : undefined);
      const source = spec?.split(':')[0];
      if (source && /^(\.{1,2}\/|\/|~)/.test(source)) out.decisions.push(`service "${name}" bind-mounts ${source}: that path must exist on every node the task may run on (copy code and config into the image, or use a volume, a config or a placement constraint)`);
    }
  }

  // Environment values must be strings or numbers in 3.x (`DEBUG: true` is rejected).
  const environment = svc.get('environment', true);
  if (isMap(environment)) {
    for (const p of environment.items) {
      if (isScalar(p.value) && typeof p.value.value === 'boolean') {
        const key = scalarText(p.key) ?? '';
        p.value = doc.createNode(String(p.value.value)) as Scalar;
        (p.value as Scalar).type = Scalar.QUOTE_DOUBLE;
        change(`environment.${key}`, 'rewritten', `${key}: ${String((p.value as Scalar).value)} quoted: environment values must be strings in the 3.x format`);
      }
    }
  }

  // Literal secrets in `environment`: into a file-based Swarm secret where the image reads `<VAR>_FILE`; otherwise the user decides.
  if (isMap(environment)) {
    const image = scalarText(svc.get('image', true)) ?? '';
    const repo = image.toLowerCase().replace(/[:@].*$/, '').replace(/^(docker\.io\/)?(library\/)?/, '');
    const variants = FILE_VARIANTS.find(([re]) => re.test(repo))?.[1];
    for (const p of [...environment.items]) {
      const key = scalarText(p.key) ?? '';
      const value = scalarText(p.value);
      if (value === undefined || !isSecretName(key) || isPlaceholderValue(value) || value.includes('$')) continue;
      if (variants?.test(key)) {
        const secret = `${name}_${key.toLowerCase()}`.replace(/[^a-z0-9_.-]/g, '_');
        const file = `./secrets/${secret}.txt`;
        out.secretFiles?.push({ path: file, value });
        environment.delete(key);
        environment.set(`${key}_FILE`, `/run/secrets/${secret}`);
        const list: unknown = svc.get('secrets', true);
        if (isSeq(list)) list.add(doc.createNode(secret));
        else svc.set('secrets', doc.createNode([secret]));
        const top = ensureMap(doc, doc.contents as YAMLMap, 'secrets');
        top.set(secret, doc.createNode({ file }));
        change(`environment.${key}`, 'rewritten', `the literal value moved to the Swarm secret "${secret}" (${file}, written beside the stack file, not printed); the image reads ${key}_FILE`);
      } else out.decisions.push(`service "${name}" sets ${key} to a literal secret in environment: move it to a Swarm secret (docker secret create) and have the app read /run/secrets/<name>; swarmify cannot tell whether this image reads a file`);
    }
  }

  // Keys docker ignores, deprecates or refuses, and keys the 3.x format does not have.
  for (const pair of [...svc.items]) {
    const key = scalarText(pair.key) ?? '';
    if (key.startsWith('x-')) continue;
    const action = KEY_ACTIONS.service[key];
    if (key === 'volumes_from') {
      out.blockers.push(`service "${name}" uses ${key}: ${FORBIDDEN_SERVICE_KEYS[key]}`);
      continue;
    }
    const ignored = (IGNORED_SERVICE_KEYS as readonly string[]).includes(key);
    const deprecated = Object.hasOwn(DEPRECATED_SERVICE_KEYS, key);
    const forbidden = Object.hasOwn(FORBIDDEN_SERVICE_KEYS, key);
    const unknown = !Object.hasOwn(SERVICE_KEY_SINCE, key);
    if (!ignored && !deprecated && !forbidden && !unknown) continue;
    svc.delete(key);
    change(key, 'removed', action?.note ?? (unknown ? 'not in the Compose file format 3.x: docker stack deploy rejects it' : 'docker stack deploy ignores it'));
  }

  // Deploy defaults: roll out new tasks before stopping old ones, roll back a failed update.
  if (options.defaults) {
    const deploy = deployOf(doc, svc);
    const mode = scalarText(deploy.get('mode', true));
    if (mode !== 'global' && !deploy.has('replicas')) {
      deploy.set('replicas', 1);
      change('deploy.replicas', 'added', '1, stated: scale with docker service scale or here once the service holds no state of its own');
    }
    if (!deploy.has('update_config')) {
      deploy.set('update_config', doc.createNode({ parallelism: 1, order: mode === 'global' ? 'stop-first' : 'start-first', failure_action: 'rollback' }));
      change('deploy.update_config', 'added', `parallelism 1, ${mode === 'global' ? 'stop-first (global services run one task per node)' : 'start-first'}, failure_action rollback`);
    }
    if (!deploy.has('rollback_config')) {
      deploy.set('rollback_config', doc.createNode({ parallelism: 1, order: 'stop-first' }));
      change('deploy.rollback_config', 'added', 'parallelism 1, stop-first');
    }
    if (!deploy.has('restart_policy')) {
      deploy.set('restart_policy', doc.createNode({ condition: 'on-failure', delay: '5s', max_attempts: 3, window: '120s' }));
      change('deploy.restart_policy', 'added', 'on-failure, 5s delay, 3 attempts in 120s (a task that keeps crashing stops being restarted)');
    }
    if (!svc.has('healthcheck') && !ownHealthcheck) out.decisions.push(`service "${name}": no healthcheck here; unless its image has one, Swarm counts a task as running before it is ready (start-first updates then switch too early)`);
  }
  const deploy: unknown = svc.get('deploy', true);
  if (isMap(deploy) && deploy.items.length === 0) svc.delete('deploy');
}

/**
 * `extends` (refused by docker stack deploy): the extended service is merged under the extending one, as docker
 * compose does (the extending service's keys win; lists such as ports are appended), from this file or another.
 */
function resolveExtends(doc: Document, services: YAMLMap, options: SwarmifyOptions, out: Sink): void {
  const otherFiles = new Map<string, YAMLMap | undefined>();
  const serviceIn = (file: string | undefined, name: string): YAMLMap | undefined => {
    if (file === undefined) {
      const s: unknown = services.get(name, true);
      return isMap(s) ? (s as YAMLMap) : undefined;
    }
    if (!otherFiles.has(file)) {
      const text = options.readFile?.(file);
      const parsed = text === undefined ? undefined : parseDocument(text, { merge: true });
      const other = parsed ? new Document(parsed.toJS({ maxAliasCount: 1000 })) : undefined;
      const svcs: unknown = other?.get('services', true);
      otherFiles.set(file, isMap(svcs) ? (svcs as YAMLMap) : undefined);
    }
    const s: unknown = otherFiles.get(file)?.get(name, true);
    return isMap(s) ? (s as YAMLMap) : undefined;
  };
  const resolve = (svc: YAMLMap, name: string, file: string | undefined, depth: number): YAMLMap | undefined => {
    const ext: unknown = svc.get('extends', true);
    if (ext === undefined) return svc;
    if (depth > 5) return undefined;
    const baseName = isMap(ext) ? scalarText(ext.get('service', true)) : scalarText(ext);
    const baseFile = isMap(ext) ? (scalarText(ext.get('file', true)) ?? file) : file;
    const base = baseName ? serviceIn(baseFile, baseName) : undefined;
    const resolvedBase = base ? resolve(base, baseName!, baseFile, depth + 1) : undefined;
    if (!resolvedBase) return undefined;
    const merged = doc.createNode(resolvedBase.toJSON()) as YAMLMap;
    const own = doc.createNode(svc.toJSON()) as YAMLMap;
    own.delete('extends');
    mergeInto(doc, merged, own, ['services', name]);
    return merged;
  };
  for (const pair of services.items) {
    const name = scalarText(pair.key) ?? '';
    const svc = pair.value;
    if (!isMap(svc) || !svc.has('extends')) continue;
    const ext: unknown = svc.get('extends', true);
    const file = isMap(ext) ? scalarText(ext.get('file', true)) : undefined;
    const merged = resolve(svc, name, undefined, 0);
    if (!merged) {
      out.blockers.push(`service "${name}" uses extends${file ? ` of ${file}` : ''}, and the extended service could not be read`);
      continue;
    }
    pair.value = merged;
    out.changes.push({ service: name, key: 'extends', action: 'rewritten', note: `the extended service${file ? ` of ${file}` : ''} is merged in (docker stack deploy refuses extends); the service's comments are not kept` });
    if (file) out.decisions.push(`service "${name}": paths it got from ${file} (build context, env_file, bind mounts) are relative to that file's folder; check them`);
  }
}

function joinContext(context: string, dockerfile: string): string {
  if (dockerfile.startsWith('/')) return dockerfile;
  return context === '.' || context === './' ? dockerfile : `${context.replace(/\/+$/, '')}/${dockerfile}`;
}

/** `512m` → `512M`: docker/cli takes both, the spec documents upper case. */
function normalizeMemory(value: string): string {
  return /^\d+[bkmg]$/.test(value) ? value.toUpperCase() : value;
}

/** The text of the transformed document. */
export function render(doc: Document): string {
  return doc.toString({ lineWidth: 0 });
}

export { isAlias, YAMLSeq };
