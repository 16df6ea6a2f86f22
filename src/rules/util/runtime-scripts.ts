/** package.json scripts a container starts through npm, yarn or pnpm. */
import type { ComposeFile, ComposeService, Dockerfile, Manifest, Project } from '../../project/model.js';
import { baseService } from './runtime-container.js';
import { dirname } from '../../project/classify.js';
import { basename } from './runtime-command.js';

export interface PackageManagerRun {
  /** npm, yarn, pnpm or bun. */
  pm: string;
  script: string;
}

const YARN_COMMANDS = new Set(['install', 'add', 'remove', 'global', 'workspace', 'workspaces', 'dlx', 'exec', 'node', 'set', 'config', 'cache', 'info', 'init', 'why', 'upgrade', 'up', 'bin', 'dedupe', 'pack', 'publish', 'version', 'login', 'logout', 'link', 'unlink', 'import', 'licenses', 'outdated', 'owner', 'policies', 'tag', 'team', 'unplug', 'constraints', 'plugin', 'rebuild', 'patch', 'audit', 'autoclean', 'check', 'create', 'generate-lock-entry', 'help', 'list', 'upgrade-interactive']);
const PNPM_COMMANDS = new Set(['install', 'i', 'add', 'remove', 'rm', 'update', 'up', 'exec', 'dlx', 'store', 'install-test', 'it', 'link', 'unlink', 'import', 'rebuild', 'prune', 'fetch', 'patch', 'audit', 'list', 'ls', 'outdated', 'why', 'pack', 'publish', 'root', 'bin', 'env', 'setup', 'deploy', 'create', 'init', 'config', 'server', 'help']);

/** `npm start`, `npm run x`, `yarn x`, `pnpm run x`, `bun run x` → the script run; undefined for installs and other commands. */
export function packageManagerRun(words: readonly string[]): PackageManagerRun | undefined {
  if (words.length === 0) return undefined;
  const pm = basename(words[0]);
  const args = words.slice(1).filter((a) => !a.startsWith('-'));
  const first = args[0];
  if (pm === 'npm') {
    if (first === 'start' || first === 'test' || first === 'stop' || first === 'restart') return { pm, script: first };
    if ((first === 'run' || first === 'run-script' || first === 'rum' || first === 'urn') && args[1]) return { pm, script: args[1] };
    return undefined;
  }
  if (pm === 'yarn') {
    if (!first) return undefined;
    if (first === 'run' && args[1]) return { pm, script: args[1] };
    if (first === 'start' || first === 'test') return { pm, script: first };
    if (!YARN_COMMANDS.has(first)) return { pm, script: first };
    return undefined;
  }
  if (pm === 'pnpm') {
    if (!first) return undefined;
    if (first === 'run' && args[1]) return { pm, script: args[1] };
    if (first === 'start' || first === 'test') return { pm, script: first };
    if (!PNPM_COMMANDS.has(first)) return { pm, script: first };
    return undefined;
  }
  if (pm === 'bun' && first === 'run' && args[1] && !/\.(c|m)?[jt]sx?$/.test(args[1])) return { pm, script: args[1] };
  return undefined;
}

/** The directory a Dockerfile is built from: its compose build context, else its own directory. */
export function buildContextOf(d: Dockerfile): string {
  return d.usedBy.find((s) => s.buildContext)?.buildContext ?? dirname(d.path);
}

/** The build context of a service, or of the same service in the base file an overlay extends. */
export function serviceContext(service: ComposeService, project?: { composeFiles: ComposeFile[] }): string | undefined {
  const s = service.buildContext || service.dockerfile ? service : baseService(project, service);
  if (!s) return undefined;
  return s.buildContext ?? (s.dockerfile ? buildContextOf(s.dockerfile) : undefined);
}

/** The package.json at the root of a build context. */
export function packageJsonIn(project: Project, dir: string | undefined): Manifest | undefined {
  if (dir === undefined) return undefined;
  const path = dir === '.' || dir === '' ? 'package.json' : `${dir.replace(/\/$/, '')}/package.json`;
  return project.manifests.find((m) => m.path === path);
}

/** The text of a package.json script, if it is a string. */
export function scriptText(manifest: Manifest | undefined, script: string): string | undefined {
  const data = manifest?.data as { scripts?: Record<string, unknown> } | undefined;
  const v = data && typeof data === 'object' && data.scripts && typeof data.scripts === 'object' ? data.scripts[script] : undefined;
  return typeof v === 'string' ? v : undefined;
}
