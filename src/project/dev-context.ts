import type { ComposeFile, Dockerfile, DockerStage, Project } from './model.js';
import { basename, dirname } from './classify.js';
import { getValue, scalarString } from './yaml-tree.js';
import { resolvedString } from './load-compose.js';

/**
 * Parts of the project that exist for local development or tests, not for a
 * deploy: twelve-factor rules stay quiet there (a dev compose file bind-mounting
 * the source is the point of it), while the swarm family still says what
 * `docker stack deploy` would do with them.
 */
export interface DevRegion {
  startLine: number;
  endLine: number;
  reason: string;
}

const DEV_WORD = 'dev|develop|development|local|debug|test|tests|testing|ci|e2e';
const DEV_COMPOSE = new RegExp(`^(docker-)?compose[.\\-_](.*[.\\-_])?(override|${DEV_WORD})([.\\-_].*)?\\.ya?ml$`, 'i');
const DEV_DOCKERFILE = new RegExp(`^(Dockerfile|Containerfile)[.\\-_](.*[.\\-_])?(${DEV_WORD})([.\\-_].*)?$|^(.*[.\\-_])?(${DEV_WORD})[.\\-_](Dockerfile|Containerfile)$`, 'i');
const PROD_COMPOSE = /(^|[.\-_])(prod|production|stack|swarm|release|live)([.\-_]|$)/i;
const DEV_STAGE = /^(dev|devel|develop|development|dev-envs?|devenv|local|debug|test|tests|testing|watch)$/i;
const FIXTURE_DIR = /(^|\/)(test|tests|__tests__|spec|fixtures?|__fixtures__|testdata|test-data|__mocks__|\.devcontainer)\//i;
const WHOLE = Number.MAX_SAFE_INTEGER;

/** Named for development or tests: `docker-compose.dev.yml`, `compose.override.yaml`, `Dockerfile.dev`, `.devcontainer/…`. */
export function isDevNamedPath(path: string): boolean {
  if (/(^|\/)\.devcontainer\//.test(path)) return true;
  const name = basename(path);
  return DEV_COMPOSE.test(name) || DEV_DOCKERFILE.test(name);
}

export function isDevStageName(name: string | undefined): boolean {
  return name !== undefined && DEV_STAGE.test(name);
}

/** Stages that are for development: dev-named ones and the stages built FROM them. */
export function devStages(dockerfile: Dockerfile): DockerStage[] {
  const dev = new Set<string>();
  const out: DockerStage[] = [];
  for (const stage of dockerfile.stages) {
    const parent = stage.fromStage ? stage.imageResolved.toLowerCase() : undefined;
    if (isDevStageName(stage.name) || (parent && dev.has(parent))) {
      if (stage.name) dev.add(stage.name.toLowerCase());
      out.push(stage);
    }
  }
  return out;
}

function stageEndLine(dockerfile: Dockerfile, stage: DockerStage): number {
  const next = dockerfile.stages.find((s) => s.index === stage.index + 1);
  return next ? next.fromInstruction.range.line - 1 : WHOLE;
}

/** A production-named sibling that defines the same services completely (not an overlay). */
function prodSibling(file: ComposeFile, files: readonly ComposeFile[]): ComposeFile | undefined {
  if (PROD_COMPOSE.test(basename(file.path))) return undefined;
  const names = new Set(file.services.map((s) => s.name));
  return files.find(
    (other) =>
      other !== file &&
      dirname(other.path) === dirname(file.path) &&
      PROD_COMPOSE.test(basename(other.path)) &&
      other.services.some((s) => names.has(s.name) && (getValue(s.node, 'image') || getValue(s.node, 'build'))),
  );
}

/** Every published port bound to the loopback interface: infrastructure for an app run on the host. */
function onlyLoopbackPorts(file: ComposeFile): boolean {
  let ports = 0;
  for (const service of file.services) {
    if (getValue(service.node, 'build')) return false;
    const list = getValue(service.node, 'ports');
    if (list?.kind !== 'seq') continue;
    for (const item of list.items) {
      const spec = item.kind === 'scalar' ? resolvedString(file, item) : undefined;
      if (!spec || !/^(127\.\d+\.\d+\.\d+|localhost|\[::1\]):/.test(spec)) return false;
      ports++;
    }
  }
  return ports > 0;
}

export function computeDevRegions(project: Project): Map<string, DevRegion[]> {
  const regions = new Map<string, DevRegion[]>();
  const add = (path: string, region: DevRegion) => regions.set(path, [...(regions.get(path) ?? []), region]);
  const whole = (path: string, reason: string) => add(path, { startLine: 1, endLine: WHOLE, reason });

  for (const file of [...project.composeFiles, ...project.dockerfiles, ...project.envFiles]) {
    if (FIXTURE_DIR.test(file.path)) whole(file.path, 'a test fixture');
    else if (isDevNamedPath(file.path)) whole(file.path, 'named for development or tests');
  }
  for (const file of project.composeFiles) {
    if (file.role === 'override') whole(file.path, 'an override file merged by docker compose on a developer machine');
    const sibling = prodSibling(file, project.composeFiles);
    if (sibling) whole(file.path, `${sibling.path} is the production file beside it`);
    else if (onlyLoopbackPorts(file)) whole(file.path, 'it only runs services bound to 127.0.0.1 for an app run on the host');
    for (const service of file.services) {
      const build = getValue(service.node, 'build');
      const target = build?.kind === 'map' ? scalarString(getValue(build, 'target')) : undefined;
      const profiles = getValue(service.node, 'profiles');
      const reason = isDevStageName(target) ? `service "${service.name}" builds the ${target} stage` : profiles && build ? `service "${service.name}" is an opt-in profile service` : undefined;
      if (!reason) continue;
      add(file.path, { startLine: service.keyRange.line, endLine: service.node.range.endLine, reason });
      // Keys merged in from an anchor (`<<: *assets`) sit elsewhere in the file.
      for (const entry of service.node.entries) if (entry.merged) add(file.path, { startLine: entry.keyRange.line, endLine: entry.value.range.endLine, reason });
    }
  }
  for (const dockerfile of project.dockerfiles) {
    for (const stage of devStages(dockerfile)) {
      add(dockerfile.path, { startLine: stage.fromInstruction.range.line, endLine: stageEndLine(dockerfile, stage), reason: `the ${stage.name ?? 'development'} stage is for development` });
    }
  }
  return regions;
}

export function inDevRegion(regions: ReadonlyMap<string, DevRegion[]>, path: string, line: number): DevRegion | undefined {
  return regions.get(path)?.find((r) => line >= r.startLine && line <= r.endLine);
}
