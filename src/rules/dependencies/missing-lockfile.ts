import { defineRule } from '../rule.js';
import type { Manifest, Project } from '../../project/model.js';
import { lineRange, pointRange, type Range } from '../../project/range.js';
import { basename, dirname, selfAndAncestors } from '../../project/paths.js';
import { isFixturePath, isNotShippedPath } from '../../project/facts/deploy.js';
import { installedManifests, releaseContexts } from '../../project/facts/installs.js';

interface Expectation {
  /** What to call the manifest's tool in the message. */
  tool: string;
  lockfiles: string[];
  command: string;
  count: number;
  range: Range;
}

type Obj = Record<string, unknown>;

function obj(value: unknown): Obj | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : undefined;
}

function keysOf(value: unknown): string[] {
  const o = obj(value);
  return o ? Object.keys(o) : [];
}

/** Range of the first line matching `re` (the whole match), else the start of the file. */
function findLine(m: Manifest, re: RegExp): Range {
  for (let i = 0; i < m.lines.length; i++) {
    const hit = re.exec(m.lines[i]);
    if (hit) {
      const column = hit.index + 1 + (hit[0].length - hit[0].trimStart().length);
      return { line: i + 1, column, endLine: i + 1, endColumn: hit.index + hit[0].length + 1 };
    }
  }
  return pointRange(1);
}

const NPM_LOCKS = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock', 'bun.lockb'];
const PYTHON_LOCKS = ['poetry.lock', 'uv.lock', 'pdm.lock', 'Pipfile.lock', 'pylock.toml'];

function isDeployable(project: Project): boolean {
  return project.files.some((f) => f.kind === 'dockerfile' || f.kind === 'compose' || f.kind === 'procfile');
}

function expectation(m: Manifest, project: Project): Expectation | undefined {
  const name = basename(m.path);
  const data = obj(m.data);
  if (name === 'package.json') {
    if (!data) return undefined;
    const deps = ['dependencies', 'devDependencies', 'optionalDependencies'].flatMap((k) => keysOf(data[k]));
    if (deps.length === 0) return undefined;
    // A package published to a registry is resolved by its consumers; its lockfile is optional.
    const library = data.private !== true && ['files', 'exports', 'types', 'typings', 'peerDependencies', 'publishConfig'].some((k) => k in data);
    if (library && !obj(data.scripts)?.start) return undefined;
    return { tool: 'npm', lockfiles: NPM_LOCKS, command: 'npm install, then commit package-lock.json (or yarn.lock / pnpm-lock.yaml)', count: deps.length, range: findLine(m, /"(dependencies|devDependencies|optionalDependencies)"\s*:/) };
  }
  if (name === 'pyproject.toml') {
    if (!data) return undefined;
    const tool = obj(data.tool);
    const poetry = obj(tool?.poetry);
    const project = obj(data.project);
    const pep621 = Array.isArray(project?.dependencies) ? (project!.dependencies as unknown[]).length : 0;
    const range = findLine(m, /^\s*(\[tool\.poetry\.dependencies\]|dependencies\s*=)/);
    if (poetry) {
      const count = keysOf(poetry.dependencies).filter((d) => d !== 'python').length + pep621;
      if (count === 0) return undefined;
      return { tool: 'Poetry', lockfiles: PYTHON_LOCKS, command: 'poetry lock, then commit poetry.lock', count, range };
    }
    if (pep621 === 0) return undefined;
    if (tool && 'uv' in tool) return { tool: 'uv', lockfiles: PYTHON_LOCKS, command: 'uv lock, then commit uv.lock', count: pep621, range };
    if (tool && 'pdm' in tool) return { tool: 'PDM', lockfiles: PYTHON_LOCKS, command: 'pdm lock, then commit pdm.lock', count: pep621, range };
    // Plain PEP 621 metadata: a library, or an app locked some other way; we cannot tell.
    return undefined;
  }
  if (name === 'Pipfile') {
    if (!data) return undefined;
    const count = keysOf(data.packages).length + keysOf(data['dev-packages']).length;
    if (count === 0) return undefined;
    return { tool: 'Pipenv', lockfiles: ['Pipfile.lock'], command: 'pipenv lock, then commit Pipfile.lock', count, range: findLine(m, /^\s*\[packages\]/) };
  }
  if (name === 'Gemfile') {
    if (m.dependencies.length === 0) return undefined;
    // A gem (with a .gemspec) leaves its Gemfile.lock to the apps that use it.
    const dir = dirname(m.path);
    if (project.files.some((f) => f.path.endsWith('.gemspec') && dirname(f.path) === dir)) return undefined;
    return { tool: 'Bundler', lockfiles: ['Gemfile.lock'], command: 'bundle install (or bundle lock), then commit Gemfile.lock', count: m.dependencies.length, range: findLine(m, /^\s*gem\s/) };
  }
  if (name === 'go.mod') {
    if (m.dependencies.length === 0) return undefined;
    return { tool: 'Go modules', lockfiles: ['go.sum'], command: 'go mod tidy, then commit go.sum', count: m.dependencies.length, range: findLine(m, /^\s*require\b/) };
  }
  if (name === 'composer.json') {
    if (!data) return undefined;
    const deps = keysOf(data.require).filter((d) => d !== 'php' && !/^(ext|lib)-/.test(d));
    if (deps.length === 0) return undefined;
    const type = typeof data.type === 'string' ? data.type : undefined;
    if (type !== undefined && type !== 'project') return undefined;
    if (type === undefined && !isDeployable(project)) return undefined;
    return { tool: 'Composer', lockfiles: ['composer.lock'], command: 'composer update --lock (or composer install), then commit composer.lock', count: deps.length, range: findLine(m, /"require"\s*:/) };
  }
  if (name === 'Cargo.toml') {
    if (!data || !obj(data.package)) return undefined;
    const dir = dirname(m.path);
    const mainRs = dir === '.' ? 'src/main.rs' : `${dir}/src/main.rs`;
    const binary = (Array.isArray(data.bin) && data.bin.length > 0) || project.files.some((f) => f.path === mainRs);
    if (!binary) return undefined;
    const count = keysOf(data.dependencies).length + keysOf(data['build-dependencies']).length;
    if (count === 0) return undefined;
    return { tool: 'Cargo', lockfiles: ['Cargo.lock'], command: 'cargo generate-lockfile (or cargo build), then commit Cargo.lock', count, range: findLine(m, /^\s*\[dependencies\]/) };
  }
  return undefined;
}

export default defineRule({
  id: 'dependencies/missing-lockfile',
  factor: 'dependencies',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  inputs: ['manifest', 'lockfile', 'dockerfile', 'compose'],
  docs: {
    summary: 'A dependency manifest has no lockfile',
    rationale:
      'Factor II: declare dependencies completely and exactly. A manifest lists version ranges (`^4.18.0`, `>=2`); only the lockfile says which exact versions (and transitive dependencies) the app was tested with. Without it every build resolves the ranges anew, so two builds of the same commit can ship different code. Checked: `package.json` with dependencies (npm, Yarn, pnpm or Bun lockfile), Poetry, uv and PDM `pyproject.toml`, `Pipfile`, `Gemfile` (not of a gem), `go.mod` with requirements (`go.sum`), `composer.json` of a project, and `Cargo.toml` of a binary crate; and a `requirements*.txt` that a release image installs (`pip install -r`) with version ranges (`django>=4.2`, `requests`) that nothing pins (no pip-compile/uv output, hashes or constraints file). A lockfile in a parent directory (a workspace or monorepo root) counts; published libraries, tests and fixtures are left alone.',
    fix: 'Generate the lockfile with the package manager and commit it (make sure it is not in `.gitignore`), then install from it in the build: `npm ci`, `poetry install --no-root`, `uv sync --frozen`, `pipenv install --deploy`, `bundle install` with `BUNDLE_FROZEN=true`, `composer install`.',
    swarm: 'Swarm runs one image on every node, so replicas agree; but each rebuild of the image may pick up new dependency versions without a code change.',
    bad: 'package.json  (dependencies: express ^4.18.0)\n# no package-lock.json, yarn.lock or pnpm-lock.yaml',
    good: 'package.json\npackage-lock.json   # committed, used by `npm ci`',
    exampleLanguage: 'text',
  },
  messages: {
    ranges: '{{manifest}} is installed into the release image with {{count}} of its packages at version ranges ({{examples}}) and no lock pins them: every build resolves them anew; generate it with exact pins (pip-compile or uv pip compile from a requirements.in) or install from a lockfile',
    missing: '{{manifest}} declares {{count}} {{tool}} dependencies but there is no lockfile ({{lockfiles}}) next to it or in a parent directory; every install resolves the version ranges anew: {{command}}',
  },
  check({ project, report }) {
    if (project.singleFiles) return;
    const locks = new Set(project.lockfiles.map((f) => f.path));
    // A manifest in a sub-folder that no released image installs (a docs site, a styles build) is not part of what ships.
    const installed = installedManifests(project);
    const contexts = releaseContexts(project);
    for (const m of project.manifests) {
      if (m.parseError || isFixturePath(m.path) || isNotShippedPath(m.path) || /(^|\/)(examples?|samples?|templates?)\//i.test(m.path)) continue;
      if (installed && !installed.has(m.path) && !contexts.has(dirname(m.path))) continue;
      const want = expectation(m, project);
      if (!want) continue;
      const dirs = selfAndAncestors(dirname(m.path));
      const found = dirs.some((d) => want.lockfiles.some((l) => locks.has(d === '.' ? l : `${d}/${l}`)));
      if (found) continue;
      // A Python project exported to a requirements file is locked that way.
      if (want.lockfiles === PYTHON_LOCKS && project.files.some((f) => /^requirements[\w.-]*\.txt$/i.test(basename(f.path)) && dirs.includes(dirname(f.path)))) continue;
      report({
        file: m.path,
        range: want.range,
        messageId: 'missing',
        data: { manifest: m.path, count: want.count, tool: want.tool, lockfiles: want.lockfiles.filter((l) => l !== 'bun.lockb' && l !== 'pylock.toml').join(', '), command: want.command },
      });
    }
    // A requirements file a release image installs (`pip install -r requirements.txt`), with ranges and no pins.
    if (!installed) return;
    const pythonLocked = (dir: string) => selfAndAncestors(dir).some((d) => PYTHON_LOCKS.some((l) => locks.has(d === '.' ? l : `${d}/${l}`)));
    for (const m of project.manifests) {
      if (m.ecosystem !== 'pip' || !/\.txt$/i.test(m.path) || !installed.has(m.path) || isFixturePath(m.path) || pythonLocked(dirname(m.path))) continue;
      const ranges = unpinnedRequirements(m);
      if (!ranges || ranges.length === 0) continue;
      report({
        file: m.path,
        range: lineRange(m.lines, ranges[0].line),
        messageId: 'ranges',
        data: { manifest: m.path, count: ranges.length, examples: ranges.slice(0, 3).map((r) => r.text).join(', ') + (ranges.length > 3 ? ', …' : '') },
      });
    }
  },
});

/**
 * Requirement lines without an exact pin (`django>=4.2`, `requests`), or undefined when the file is pinned some
 * other way: generated by pip-compile/uv, installed with hashes, or constrained by a constraints file.
 */
function unpinnedRequirements(m: Manifest): { line: number; text: string }[] | undefined {
  if (/autogenerated by pip-compile|uv pip compile|uv export|poetry export|pdm export/i.test(m.lines.slice(0, 10).join('\n'))) return undefined;
  if (m.lines.some((l) => /^\s*(-c|--constraint)\b|--hash[=\s]/.test(l))) return undefined;
  const out: { line: number; text: string }[] = [];
  m.lines.forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#') || line.startsWith('-')) return;
    // URLs, VCS references and local paths name one exact thing (or a path in the build context).
    if (/^(\w+\+)?(https?|git|file|ssh):|^\.{0,2}\/|\s@\s/.test(line)) return;
    const spec = line.split(';')[0].trim();
    if (/===?\s*[\w.*+!-]+$/.test(spec) && !/==\s*[\w.]*\*/.test(spec)) return;
    out.push({ line: i + 1, text: spec.replace(/\s+/g, '') });
  });
  return out;
}
