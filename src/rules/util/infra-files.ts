import type { ComposeFile, Dockerfile, DockerStage, Project } from '../../project/model.js';
import { basename, dirname } from '../../project/classify.js';

export { finalStageChain } from '../../project/load-dockerfile.js';
import { finalStageChain } from '../../project/load-dockerfile.js';

/**
 * Compose files and Dockerfiles that say by their name that they are for local
 * development or tests only: `compose.override.yml` (merged by `docker compose`
 * on a developer machine, never by `docker stack deploy`), `docker-compose.dev.yml`,
 * `compose.local.yaml`, `docker-compose.test.yml`, `Dockerfile.dev`, `dev.Dockerfile`,
 * and everything under `.devcontainer/`.
 */
const DEV_WORD = '(dev|develop|development|local|debug|test|tests|testing|ci|e2e)';
const DEV_COMPOSE = new RegExp(`^(docker-)?compose[.\\-_](.*[.\\-_])?(override|${DEV_WORD.slice(1, -1)})([.\\-_].*)?\\.ya?ml$`, 'i');
const DEV_DOCKERFILE = new RegExp(`^(Dockerfile|Containerfile)[.\\-_](.*[.\\-_])?${DEV_WORD}([.\\-_].*)?$|^(.*[.\\-_])?${DEV_WORD}[.\\-_](Dockerfile|Containerfile)$`, 'i');

export function isDevOnlyPath(path: string): boolean {
  if (/(^|\/)\.devcontainer\//.test(path)) return true;
  const name = basename(path);
  return DEV_COMPOSE.test(name) || DEV_DOCKERFILE.test(name);
}

/** A compose file that `docker stack deploy` would not be given: an override or a dev/test file. */
export function isDevOnlyCompose(file: ComposeFile): boolean {
  return file.role === 'override' || isDevOnlyPath(file.path);
}

/** Paths inside test fixtures and example folders: not deploy units. */
export function isFixturePath(path: string): boolean {
  return /(^|\/)(test|tests|__tests__|spec|fixtures?|__fixtures__|testdata|test-data|__mocks__)\//i.test(path);
}

/** `a/b/c` → [`a/b/c`, `a/b`, `a`, `.`]. */
export function selfAndAncestors(dir: string): string[] {
  const out: string[] = [];
  let d = dir === '' ? '.' : dir;
  for (;;) {
    out.push(d);
    if (d === '.' || d === '/') break;
    d = dirname(d);
  }
  return out;
}

/** True when `path` is `dir` or inside it (project-relative paths). */
export function isInside(path: string, dir: string): boolean {
  if (dir === '.' || dir === '') return !path.startsWith('../') && !path.startsWith('/');
  return path === dir || path.startsWith(`${dir}/`);
}

/** Stage names that say a stage is for development (`FROM base AS dev`). */
export function isDevStageName(name: string | undefined): boolean {
  return name !== undefined && /^(dev|develop|development|local|debug|test|testing|watch)$/i.test(name);
}

/** Files of the project under a directory. */
export function filesUnder(project: Project, dir: string) {
  return project.files.filter((f) => isInside(f.path, dir));
}

/** Stages named for development (`FROM base AS dev`) that the final image is not built from. */
export function devOnlyStages(dockerfile: Dockerfile): Set<number> {
  const shipped = new Set(finalStageChain(dockerfile).map((s) => s.index));
  return new Set(dockerfile.stages.filter((s) => !shipped.has(s.index) && isDevStageName(s.name)).map((s) => s.index));
}
