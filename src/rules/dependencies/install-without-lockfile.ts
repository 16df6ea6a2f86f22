import { defineRule, type Fix } from '../rule.js';
import type { Dockerfile, DockerInstruction } from '../../project/model.js';
import { splitArgs } from '../../project/facts/shell.js';
import { runCommands } from '../../project/facts/image.js';
import { buildContextOf } from '../../project/facts/process.js';
import { basename, isInside } from '../../project/paths.js';
import { short as shorten } from '../util/text.js';

type MessageId = 'npmInstall' | 'lockFlag' | 'pipUnpinned' | 'goGet' | 'update' | 'pipenvInstall' | 'uvSync' | 'jsUnpinned';

interface Problem {
  messageId: MessageId;
  data: Record<string, string>;
}

const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);
const NPM_VALUE_FLAGS = new Set([
  '--prefix', '--cache', '--registry', '--userconfig', '-w', '--workspace', '--loglevel', '--omit', '--include', '--only', '--tag', '--install-strategy', '-C', '--cwd',
  // pnpm and yarn options that take a value (`pnpm i --filter backend` installs the workspace backend, not a package).
  '--filter', '-F', '--filter-prod', '--dir', '--store-dir', '--virtual-store-dir', '--modules-dir', '--lockfile-dir', '--reporter', '--network-concurrency', '--child-concurrency', '--config', '--modules-folder', '--cache-folder', '--mutex', '--network-timeout',
]);
const PIP_VALUE_FLAGS = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root',
  '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--only-binary', '--no-binary', '--progress-bar', '--cache-dir', '--src', '--log', '--timeout',
  '--retries', '--proxy', '-C', '--config-settings', '--global-option', '--install-option', '--upgrade-strategy', '--python', '-p', '--report', '--exists-action', '--cert', '--client-cert', '--index-strategy', '--keyring-provider', '--extra', '--group',
  // uv pip's own spellings and options that take a value.
  '--requirements', '--constraints', '--overrides', '--build-constraints', '-b', '--index', '--default-index', '--python-preference', '--python-platform', '--exclude-newer', '--resolution',
  '--prerelease', '--link-mode', '--reinstall-package', '--refresh-package', '--no-build-package', '--no-binary-package', '--only-binary-package', '--config-file', '--directory', '--project',
  '--torch-backend', '--fork-strategy', '--annotation-style',
]);
/** Installers and build tools: upgrading them is not installing the app's dependencies. */
const PY_TOOLS = new Set(['pip', 'setuptools', 'wheel', 'pip-tools', 'poetry', 'pipenv', 'uv', 'virtualenv', 'pdm', 'hatch', 'hatchling', 'build', 'twine', 'flit', 'poetry-plugin-export', 'cython']);

/** Dist-tags that move with every release. */
const MOVING_TAG = /^(latest|next|beta|alpha|canary|rc|nightly|experimental|dev|stable)$/i;

/** Package specs of `npm install x`, `pnpm add x@latest`, `yarn global add x` with no version or a moving tag. */
function unpinnedJsPackages(packages: readonly string[]): string[] {
  return packages.filter((p) => {
    if (/^[./~]|^[a-z+]+:|\.(tgz|tar\.gz)$|^[\w.-]+\/[\w.-]+#|\$/i.test(p)) return false;
    const at = p.startsWith('@') ? p.indexOf('@', 1) : p.indexOf('@');
    if (at < 0) return true;
    return MOVING_TAG.test(p.slice(at + 1));
  });
}

function jsUnpinned(words: string[], packages: string[]): Problem | undefined {
  const unpinned = unpinnedJsPackages(packages);
  if (unpinned.length === 0) return undefined;
  return { messageId: 'jsUnpinned', data: { command: shorten(words.join(' ')), packages: unpinned.join(' '), first: unpinned[0].replace(/(.)@[^@]*$/, '$1') } };
}

function npmProblem(words: string[], ci: boolean): Problem | undefined {
  const tool = words[0];
  const { flags, args } = splitArgs(words.slice(1), NPM_VALUE_FLAGS);
  const sub = args[0];
  const packages = args.slice(1);
  if (tool === 'npm') {
    if (sub === 'update' || sub === 'up' || sub === 'upgrade') return { messageId: 'update', data: { command: shorten(words.join(' ')), instead: 'npm ci' } };
    if (!sub || !NPM_INSTALL.has(sub)) return undefined;
    if (packages.length > 0) return jsUnpinned(words, packages);
    if (sub === 'add' || flags.some((f) => f === '-g' || f === '--global' || f === '--package-lock-only' || f === '--location=global')) return undefined;
    return { messageId: 'npmInstall', data: { command: shorten(words.join(' ')) } };
  }
  if (tool === 'yarn') {
    if (sub === 'upgrade' || sub === 'up') return { messageId: 'update', data: { command: shorten(words.join(' ')), instead: 'yarn install --frozen-lockfile' } };
    if (sub === 'add') return jsUnpinned(words, packages);
    if (sub === 'global' && args[1] === 'add') return jsUnpinned(words, args.slice(2));
    if (sub !== undefined && sub !== 'install') return undefined;
    if (ci || flags.some((f) => /^--(frozen-lockfile|immutable|pure-lockfile)$/.test(f))) return undefined;
    return { messageId: 'lockFlag', data: { command: shorten(words.join(' ')), lockfile: 'yarn.lock', flag: '--frozen-lockfile (Yarn 1) or --immutable (Yarn 2+)' } };
  }
  if (tool === 'pnpm') {
    if (sub === 'update' || sub === 'up' || sub === 'upgrade') return { messageId: 'update', data: { command: shorten(words.join(' ')), instead: 'pnpm install --frozen-lockfile' } };
    if (sub === 'add' || ((sub === 'install' || sub === 'i') && packages.length > 0)) return jsUnpinned(words, packages);
    if (sub !== 'install' && sub !== 'i') return undefined;
    if (packages.length > 0 || ci || flags.some((f) => /^--(frozen-lockfile|offline|lockfile-only)$/.test(f) || f === '-g' || f === '--global')) return undefined;
    return { messageId: 'lockFlag', data: { command: shorten(words.join(' ')), lockfile: 'pnpm-lock.yaml', flag: '--frozen-lockfile' } };
  }
  if (tool === 'bun') {
    if (sub === 'add' || ((sub === 'install' || sub === 'i') && packages.length > 0)) return jsUnpinned(words, packages);
    if (sub !== 'install' && sub !== 'i') return undefined;
    if (packages.length > 0 || flags.some((f) => /^--(frozen-lockfile|global)$/.test(f) || f === '-g')) return undefined;
    return { messageId: 'lockFlag', data: { command: shorten(words.join(' ')), lockfile: 'bun.lock', flag: '--frozen-lockfile' } };
  }
  return undefined;
}

/** Positional arguments of `pip install` that name a package without any version constraint. */
function unpinnedPipPackages(args: string[]): string[] {
  return args.filter((a) => {
    if (/[$*]|^[./~]|^[a-z][a-z0-9+.-]*:\/\/|^git\+|\.(whl|tar\.gz|zip|tgz)$/i.test(a) || a.includes('/')) return false;
    if (/(==|===|>=|<=|~=|!=|<|>|@)/.test(a)) return false;
    const name = a.replace(/\[.*\]$/, '').toLowerCase();
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) return false;
    return !PY_TOOLS.has(name);
  });
}

function pythonProblem(words: string[]): Problem | undefined {
  let w = words;
  // python -m pip install …, uv pip install …
  if (/^python(\d(\.\d+)?)?$/.test(w[0]) && w[1] === '-m' && w[2] === 'pip') w = ['pip', ...w.slice(3)];
  if (w[0] === 'uv' && w[1] === 'pip') w = ['pip', ...w.slice(2)];
  if (/^pip\d?(\.\d+)?$/.test(w[0])) {
    const { flags, args } = splitArgs(w.slice(1), PIP_VALUE_FLAGS);
    // `pip wheel x` and `pip download x` fetch the newest release just like `pip install x`.
    if (args[0] !== 'install' && args[0] !== 'wheel' && args[0] !== 'download') return undefined;
    // Constraints pin everything the command installs.
    if (flags.some((f) => /^(-c|--constraints?)(=|$)/.test(f))) return undefined;
    const unpinned = unpinnedPipPackages(args.slice(1));
    if (unpinned.length === 0) return undefined;
    return { messageId: 'pipUnpinned', data: { packages: unpinned.join(' '), first: unpinned[0].replace(/\[.*\]$/, '') } };
  }
  if (w[0] === 'pipenv') {
    const { flags, args } = splitArgs(w.slice(1), new Set(['--python', '--pypi-mirror', '-r', '--requirements', '--categories']));
    if (args[0] === 'update' || args[0] === 'upgrade') return { messageId: 'update', data: { command: shorten(w.join(' ')), instead: 'pipenv install --deploy' } };
    if (args[0] !== 'install' || args.length > 1) return undefined;
    if (flags.some((f) => /^--(deploy|ignore-pipfile)$/.test(f))) return undefined;
    return { messageId: 'pipenvInstall', data: { command: shorten(w.join(' ')) } };
  }
  if (w[0] === 'uv') {
    const { flags, args } = splitArgs(w.slice(1), new Set(['--python', '-p', '--project', '--directory', '--extra', '--group', '--package', '--index-url', '--extra-index-url', '--only-group', '--no-group']));
    if (args[0] !== 'sync') return undefined;
    if (flags.some((f) => /^--(locked|frozen)$/.test(f))) return undefined;
    return { messageId: 'uvSync', data: { command: shorten(w.join(' ')) } };
  }
  if (w[0] === 'poetry' && (w[1] === 'update' || (w[1] === 'lock' && !w.includes('--no-update') && !w.includes('--check')))) {
    return { messageId: 'update', data: { command: shorten(w.join(' ')), instead: 'poetry install with the committed poetry.lock' } };
  }
  return undefined;
}

function otherProblem(words: string[]): Problem | undefined {
  if (words[0] === 'go' && words[1] === 'get') {
    // `go get tool@v1.2.3` names exact versions; `go get`, `go get ./...` and `@latest` resolve at build time.
    const pkgs = words.slice(2).filter((w) => !w.startsWith('-'));
    if (pkgs.length > 0 && pkgs.every((p) => /@v?\d/.test(p) || /@[0-9a-f]{7,40}$/.test(p))) return undefined;
    return { messageId: 'goGet', data: { command: shorten(words.join(' ')) } };
  }
  if (words[0] === 'composer' && words.slice(1).find((x) => !x.startsWith('-')) === 'update') {
    return { messageId: 'update', data: { command: shorten(words.join(' ')), instead: 'composer install with the committed composer.lock' } };
  }
  if (words[0] === 'bundle' && words[1] === 'update') return { messageId: 'update', data: { command: shorten(words.join(' ')), instead: 'bundle install with the committed Gemfile.lock' } };
  return undefined;
}

/** The lockfile a message says the command fails to enforce. */
const ENFORCED_LOCKFILE: Record<string, readonly string[]> = {
  npmInstall: ['package-lock.json', 'npm-shrinkwrap.json'],
  uvSync: ['uv.lock'],
  pipenvInstall: ['Pipfile.lock'],
};

/** `CI=true` makes pnpm and Yarn 2+ refuse to change the lockfile; `YARN_ENABLE_IMMUTABLE_INSTALLS`, `UV_FROZEN`/`UV_LOCKED` do too. */
function immutableEnv(d: Dockerfile): { ci: boolean; uv: boolean } {
  const text = d.instructions.filter((i) => i.keyword === 'ENV' || i.keyword === 'ARG').map((i) => i.args).join('\n');
  return {
    ci: /\b(CI|YARN_ENABLE_IMMUTABLE_INSTALLS)[= ]\s*["']?(true|1)\b/i.test(text),
    uv: /\bUV_(FROZEN|LOCKED)[= ]\s*["']?(true|1)\b/i.test(text),
  };
}

export default defineRule({
  id: 'dependencies/install-without-lockfile',
  factor: 'dependencies',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  fixable: '`npm install` (or `npm i`) becomes `npm ci` when package-lock.json is in the build context, the RUN has one such install and only flags `npm ci` takes alike (`--omit=dev`, `--ignore-scripts` …)',
  inputs: ['dockerfile'],
  docs: {
    summary: 'The image installs dependencies without enforcing the lockfile',
    rationale:
      'Factor II: declare dependencies completely and exactly, and install exactly what is declared. `npm install`, `yarn install` or `pnpm install` without the frozen-lockfile flag, `pipenv install` without `--deploy` and `uv sync` without `--locked` quietly re-resolve when the lockfile is missing or out of date; `pip install flask` without a version, `go get` and `… update` commands fetch whatever is newest at build time. Two builds of one commit can then ship different dependencies. Installing a global tool (`npm install -g pm2`), packages pinned with `==`, or anything under a constraints file is left alone; so are Dockerfiles named for development (`Dockerfile.dev`), and installs whose lockfile is not in the build context at all (dependencies/missing-lockfile reports that; enforcing it would fail the build).',
    fix: 'Use the lockfile-enforcing form: `npm ci`, `yarn install --frozen-lockfile` (`--immutable` on Yarn 2+), `pnpm install --frozen-lockfile`, `bun install --frozen-lockfile`, `pipenv install --deploy`, `uv sync --locked`, `go mod download`, `composer install`. For pip, list packages with exact versions in requirements.txt and `pip install -r requirements.txt`.',
    swarm: 'Swarm runs the same image on every node; the drift happens between builds: a rebuild for a config-only release can pull in new dependency versions.',
    bad: 'COPY package.json ./\nRUN npm install\nRUN pip install gunicorn',
    good: 'COPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nRUN pip install -r requirements.txt   # gunicorn==22.0.0 listed there',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    npmInstall: 'RUN {{command}} does not enforce package-lock.json: it installs from the version ranges in package.json when the lockfile is missing or out of date, and rewrites it instead of failing; use npm ci',
    lockFlag: 'RUN {{command}} may resolve new versions and rewrite {{lockfile}} instead of failing when it is out of date; add {{flag}}',
    pipUnpinned: 'RUN pip install {{packages}} installs without a version and outside any requirements file, so each build gets the newest release; list it with an exact version in requirements.txt (or pin it: {{first}}==x.y.z)',
    goGet: 'RUN {{command}} resolves module versions at build time and may change go.mod; run go mod download, which fetches exactly what go.mod and go.sum say (and go install pkg@version for tools)',
    update: 'RUN {{command}} resolves new dependency versions at build time instead of installing the committed lockfile; use {{instead}}',
    pipenvInstall: 'RUN {{command}} re-locks when Pipfile.lock is out of date instead of failing; use pipenv install --deploy (or pipenv sync)',
    uvSync: 'RUN {{command}} updates uv.lock when it is out of date instead of failing; add --locked (or --frozen)',
    jsUnpinned: 'RUN {{command}} installs {{packages}} without a version (or at a moving tag such as latest), so each build gets whatever is newest; pin it ({{first}}@x.y.z) or declare it in package.json with the lockfile',
  },
  check({ project, report }) {
    for (const d of project.dockerfiles) {
      const env = immutableEnv(d);
      // Enforcing a lockfile the build context does not have would fail the build: that is dependencies/missing-lockfile.
      const context = buildContextOf(project, d);
      const hasLockfile = (names: readonly string[]) => project.lockfiles.some((f) => names.includes(basename(f.path)) && isInside(f.path, context));
      for (const inst of d.instructions) {
        if (inst.keyword !== 'RUN') continue;
        for (const c of runCommands(d, inst)) {
          if (c.words.length === 0) continue;
          const words = [c.program, ...c.words.slice(1)];
          let problem = npmProblem(words, env.ci) ?? pythonProblem(words) ?? otherProblem(words);
          if (problem?.messageId === 'uvSync' && env.uv) problem = undefined;
          if (!problem) continue;
          const needs = ENFORCED_LOCKFILE[problem.messageId] ?? (problem.messageId === 'lockFlag' ? (problem.data.lockfile === 'bun.lock' ? ['bun.lock', 'bun.lockb'] : [String(problem.data.lockfile)]) : undefined);
          if (needs && !hasLockfile(needs)) continue;
          const fix = problem.messageId === 'npmInstall' ? npmCiFix(d, inst) : undefined;
          report({ file: d.path, range: inst.range, messageId: problem.messageId, data: problem.data, ...(fix ? { fix } : {}) });
          break;
        }
      }
    }
  },
});

/** Flags `npm ci` takes as `npm install` does. */
const CI_SAFE_FLAG = /^(--(production|omit(=\w+)?|include=\w+|only=\w+|ignore-scripts|no-audit|no-fund|legacy-peer-deps|prefer-offline|no-optional|quiet|silent|no-progress|unsafe-perm|loglevel=\w+)|-q|-s)$/;

/**
 * `npm install` → `npm ci` when the lockfile is in the build context: the one `npm install`/`npm i` of the RUN,
 * with only flags `npm ci` takes the same way. Anything less plain (two installs, a value flag) is left to the user.
 */
function npmCiFix(d: Dockerfile, inst: DockerInstruction): Fix | undefined {
  const found: Fix[] = [];
  for (let line = inst.range.line; line <= inst.range.endLine; line++) {
    const text = d.lines[line - 1] ?? '';
    for (const m of text.matchAll(/\bnpm\s+(install|i)\b((?:\s+-[\w=-]+)*)\s*(?=$|&&|\|\||;|\\|\)|#)/g)) {
      const flags = m[2].trim().split(/\s+/).filter(Boolean);
      if (!flags.every((f) => CI_SAFE_FLAG.test(f))) return undefined;
      const column = m.index + m[0].indexOf(m[1], 3) + 1;
      found.push({ range: { line, column, endLine: line, endColumn: column + m[1].length }, text: 'ci' });
    }
  }
  return found.length === 1 ? found[0] : undefined;
}
