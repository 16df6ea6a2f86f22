import type { FileKind } from './model.js';
import { basename } from './paths.js';

export interface Classification {
  kind: FileKind;
  subtype?: string;
  /** YAML files that may be compose files: decided by content after reading. */
  maybeCompose?: boolean;
}

const MANIFESTS: Record<string, string> = {
  'package.json': 'npm',
  'pyproject.toml': 'python',
  Pipfile: 'pipenv',
  'setup.py': 'python',
  'setup.cfg': 'python',
  'go.mod': 'go',
  Gemfile: 'bundler',
  'pom.xml': 'maven',
  'build.gradle': 'gradle',
  'build.gradle.kts': 'gradle',
  'composer.json': 'composer',
  'Cargo.toml': 'cargo',
  'mix.exs': 'mix',
};

const LOCKFILES: Record<string, string> = {
  'package-lock.json': 'npm',
  'npm-shrinkwrap.json': 'npm',
  'yarn.lock': 'npm',
  'pnpm-lock.yaml': 'npm',
  'bun.lockb': 'npm',
  'bun.lock': 'npm',
  'poetry.lock': 'python',
  'Pipfile.lock': 'pipenv',
  'uv.lock': 'python',
  'pdm.lock': 'python',
  'go.sum': 'go',
  'Gemfile.lock': 'bundler',
  'composer.lock': 'composer',
  'Cargo.lock': 'cargo',
  'packages.lock.json': 'nuget',
  'gradle.lockfile': 'gradle',
  'mix.lock': 'mix',
};

const SOURCE_EXTENSIONS: Record<string, string> = {
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'js',
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'ts',
  '.py': 'python',
  '.go': 'go',
  '.rb': 'ruby',
  '.java': 'java',
  '.kt': 'java',
  '.php': 'php',
  '.cs': 'csharp',
  '.rs': 'rust',
};

const COMPOSE_NAME = /^(docker-)?compose([.\-_][\w.-]*)?\.ya?ml$/i;
const STACK_NAME = /^docker-stack([.\-_][\w.-]*)?\.ya?ml$/i;
const LOOSE_STACK_NAME = /stack[\w.-]*\.ya?ml$/i;


function extname(name: string): string {
  const i = name.lastIndexOf('.');
  return i <= 0 ? '' : name.slice(i).toLowerCase();
}

export function classify(path: string): Classification {
  const name = basename(path);
  if (Object.hasOwn(LOCKFILES, name)) return { kind: 'lockfile', subtype: LOCKFILES[name] };
  if (Object.hasOwn(MANIFESTS, name)) return { kind: 'manifest', subtype: MANIFESTS[name] };
  if (/^requirements([.\-_][\w.-]*)?\.(txt|in)$/i.test(name) || /(^|\/)requirements\/[\w.-]+\.(txt|in)$/i.test(path)) return { kind: 'manifest', subtype: 'pip' };
  if (/\.csproj$/i.test(name)) return { kind: 'manifest', subtype: 'nuget' };
  if (name === 'Procfile' || /^Procfile\.[\w-]+$/.test(name)) return { kind: 'procfile' };
  if (name === '.dockerignore' || /\.dockerignore$/.test(name)) return { kind: 'dockerignore' };
  if (isDockerfileName(name)) return { kind: 'dockerfile' };
  if (COMPOSE_NAME.test(name) || STACK_NAME.test(name)) return { kind: 'compose' };
  if (/\.ya?ml$/i.test(name)) return { kind: 'other', maybeCompose: LOOSE_STACK_NAME.test(name) || !/(^|\/)\.github\//.test(path) };
  if (/^\.env(\.[\w.-]+)?$/i.test(name) || /^[\w.-]+\.env$/i.test(name) || name === '.flaskenv') return { kind: 'env' };
  if (name.endsWith('.d.ts')) return { kind: 'other' };
  // Shell scripts a container may start (`docker-entrypoint.sh`, `entrypoint`): read to follow start commands.
  if (/\.(sh|bash)$/i.test(name) || /^(docker-)?entrypoint(-[\w.-]+)?$|^docker-(start|run|cmd)$/i.test(name)) return { kind: 'script' };
  // uWSGI and supervisor configuration: they name programs a container runs (hooks, attached daemons).
  if (/\.ini$/i.test(name) || /^supervisord?\.conf$/i.test(name)) return { kind: 'script' };
  const lang = SOURCE_EXTENSIONS[extname(name)];
  if (lang) return { kind: 'source', subtype: lang };
  return { kind: 'other' };
}

export function isDockerfileName(name: string): boolean {
  if (/\.(md|txt|rst|sh|json|ya?ml|bak|orig)$/i.test(name)) return false;
  return /^(Dockerfile|Containerfile)([.\-_][\w.-]*)?$/i.test(name) || /\.(Dockerfile|Containerfile)$/i.test(name);
}

/** A YAML file is a compose file by content when it has a top-level `services:` map of image/build entries. */
export function looksLikeCompose(text: string): boolean {
  return /^services:[ \t]*(#.*)?$/m.test(text) && /^[ \t]+(image|build):/m.test(text);
}

/** Files named like stack files get Swarm-oriented wording. */
export function isStackFileName(path: string): boolean {
  const name = basename(path);
  return STACK_NAME.test(name) || LOOSE_STACK_NAME.test(name);
}

/** `compose.override.yaml`, `docker-compose.override.yml`: merged into their base file by Compose. */
export function overrideBaseName(path: string): string | undefined {
  const name = basename(path);
  const m = /^((?:docker-)?compose)\.override\.(ya?ml)$/i.exec(name);
  return m ? m[1] : undefined;
}
