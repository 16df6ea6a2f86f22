import type { ComposeFile, ComposeService, Dockerfile, DockerStage, Project } from '../model.js';
import { getValue, scalarString, type YNode } from '../yaml-tree.js';
import { resolvedString } from '../load-compose.js';
import { finalStageChain, instructionPairs, substituteArgs } from '../load-dockerfile.js';

export { instructionPairs };
import { dirname } from '../classify.js';
import { joinPath } from '../link.js';

/** Deploy-side facts source rules compare code with: env a container gets, ports, replicas. Pure. */

/** The stages the final image is built from: root first, the final stage last. */
export function finalChain(d: Dockerfile): DockerStage[] {
  return finalStageChain(d).reverse();
}

/** ENV values the final image has (ARG defaults substituted where known). Value undefined when it cannot be resolved. */
export function imageEnv(d: Dockerfile): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const args = new Map(d.globalArgs);
  for (const stage of finalChain(d)) {
    for (const inst of stage.instructions) {
      if (inst.keyword === 'ARG') for (const p of instructionPairs(inst.args, 'ARG')) args.set(p.name, p.value ?? args.get(p.name));
      if (inst.keyword !== 'ENV') continue;
      for (const p of instructionPairs(inst.args, 'ENV')) {
        if (p.value === undefined) continue;
        const known = new Map([...args, ...[...out].filter((e): e is [string, string] => e[1] !== undefined)]);
        out.set(p.name, /\$/.test(p.value) ? (/\$\{?\w+/.test(substituteArgs(p.value, known)) ? undefined : substituteArgs(p.value, known)) : p.value);
      }
    }
  }
  return out;
}

/** Every ENV and ARG name in any stage of a Dockerfile. */
export function dockerfileEnvNames(d: Dockerfile): Set<string> {
  const out = new Set<string>();
  for (const inst of d.instructions) {
    if (inst.keyword !== 'ENV' && inst.keyword !== 'ARG') continue;
    for (const p of instructionPairs(inst.args, inst.keyword)) out.add(p.name);
  }
  return out;
}

/** The final stage's WORKDIR (ARG defaults substituted), if any. */
export function workdir(d: Dockerfile): string | undefined {
  const args = new Map(d.globalArgs);
  let dir: string | undefined;
  for (const stage of finalChain(d)) {
    for (const inst of stage.instructions) {
      if (inst.keyword === 'ARG') for (const p of instructionPairs(inst.args, 'ARG')) args.set(p.name, p.value ?? args.get(p.name));
      if (inst.keyword === 'WORKDIR') {
        const value = substituteArgs(inst.args.trim().replace(/^["']|["']$/g, ''), args);
        dir = value.startsWith('/') ? value : `${dir ?? ''}/${value}`;
      }
    }
  }
  return dir?.replace(/\/+$/, '') || undefined;
}

export interface ServiceEnvVar {
  value: string | undefined;
  file: string;
}

/**
 * A compose scalar's value when it is certain at audit time: variables that fall back to their
 * default or are unset may be different at deploy, so their value is unknown (undefined).
 */
export function knownString(file: ComposeFile, node: YNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  const interpolated = file.interpolation.get(node);
  if (interpolated && (interpolated.error || interpolated.vars.some((v) => v.origin !== 'env'))) return undefined;
  return resolvedString(file, node);
}

/** Variables a compose service sets: `environment` (list or map) and its `env_file` files found in the project. */
export function composeServiceEnv(project: Project, service: ComposeService): Map<string, ServiceEnvVar> {
  const out = new Map<string, ServiceEnvVar>();
  const services = service.overriddenBy ? [service, service.overriddenBy] : [service];
  for (const s of services) {
    const file = s.file;
    const envFile = getValue(s.node, 'env_file');
    const items: YNode[] = envFile?.kind === 'seq' ? envFile.items : envFile ? [envFile] : [];
    for (const item of items) {
      const p = resolvedString(file, item.kind === 'map' ? getValue(item, 'path') : item);
      if (!p) continue;
      const path = joinPath(dirname(file.path), p);
      const env = project.envFiles.find((e) => e.path === path);
      for (const e of env?.entries ?? []) out.set(e.key, { value: e.value, file: env!.path });
    }
    const env = getValue(s.node, 'environment');
    if (env?.kind === 'map') {
      for (const e of env.entries) out.set(e.key, { value: knownString(file, e.value), file: file.path });
    } else if (env?.kind === 'seq') {
      for (const item of env.items) {
        if (item.kind !== 'scalar' || typeof item.value !== 'string') continue;
        const i = item.value.indexOf('=');
        const key = i < 0 ? item.value : item.value.slice(0, i);
        const resolved = knownString(file, item);
        out.set(key, { value: i < 0 || resolved === undefined ? undefined : resolved.slice(resolved.indexOf('=') + 1), file: file.path });
      }
    }
  }
  return out;
}

/** Container ports a service publishes (`ports:` target side). */
export function publishedTargets(service: ComposeService): number[] {
  const out: number[] = [];
  const ports = getValue(service.node, 'ports');
  if (ports?.kind !== 'seq') return out;
  for (const item of ports.items) {
    let target: number | undefined;
    if (item.kind === 'map') target = Number(knownString(service.file, getValue(item, 'target')));
    else {
      const spec = knownString(service.file, item) ?? '';
      const last = spec.split('/')[0].split(':').pop() ?? '';
      const m = /^(\d+)$/.exec(last);
      target = m ? Number(m[1]) : undefined;
    }
    if (target && Number.isInteger(target)) out.push(target);
  }
  return out;
}

/** `deploy.replicas` when set to a number; 'global' for global mode. */
export function replicas(service: ComposeService): number | 'global' | undefined {
  const deploy = getValue(service.node, 'deploy');
  if (scalarString(getValue(deploy, 'mode')) === 'global') return 'global';
  const r = resolvedString(service.file, getValue(deploy, 'replicas'));
  if (r === undefined || !/^\d+$/.test(r)) return undefined;
  return Number(r);
}

/** Ports the final stage EXPOSEs (ARG defaults substituted). */
export function exposed(d: Dockerfile): number[] {
  const out = new Set<number>();
  const args = new Map(d.globalArgs);
  for (const stage of finalChain(d)) {
    for (const inst of stage.instructions) {
      if (inst.keyword === 'ARG') for (const p of instructionPairs(inst.args, 'ARG')) args.set(p.name, p.value ?? args.get(p.name));
      if (inst.keyword !== 'EXPOSE') continue;
      for (const word of substituteArgs(inst.args, args).split(/\s+/)) {
        const m = /^(\d+)(\/tcp)?$/.exec(word);
        if (m) out.add(Number(m[1]));
      }
    }
  }
  return [...out];
}
