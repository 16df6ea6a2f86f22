import { builtinModules } from 'node:module';
import { defineRule } from '../rule.js';
import type { Project, SourceFile } from '../../project/model.js';
import { lineRange } from '../../project/range.js';
import { basename, dirname, selfAndAncestors } from '../../project/paths.js';
import { isFixturePath, isNotShippedPath } from '../../project/facts/deploy.js';
import { bundleReason } from '../../project/js/bundle.js';
import { PYTHON_STDLIB } from '../../project/facts/python-stdlib.js';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));

interface Hit {
  file: SourceFile;
  line: number;
  pkg: string;
}

// ---- JavaScript / TypeScript ----------------------------------------------------

const JS_IMPORT = [
  /^\s*import\s+(?:type\s+)?(?:[\w$*{}\s,]+\s+from\s+)?['"]([^'"\n]+)['"]/,
  /^\s*export\s+(?:type\s+)?[\w$*{}\s,]+\s+from\s+['"]([^'"\n]+)['"]/,
  /\brequire\(\s*['"]([^'"\n]+)['"]\s*\)/,
];

/** The package a bare specifier names (`lodash/fp` → lodash, `@scope/pkg/x` → @scope/pkg), or undefined for relative, builtin, URL and alias specifiers. */
export function jsPackageName(specifier: string): string | undefined {
  const s = specifier.trim();
  if (!s || /^[./#~]/.test(s) || /^[a-z][a-z0-9+.-]*:/i.test(s) || s.startsWith('@/') || s.includes('$') || s.includes('{')) return undefined;
  const parts = s.split('/');
  const name = s.startsWith('@') ? (parts.length >= 2 && parts[1] ? `${parts[0]}/${parts[1]}` : undefined) : parts[0];
  if (!name || NODE_BUILTINS.has(name) || NODE_BUILTINS.has(s)) return undefined;
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name)) return undefined;
  return name;
}

/** Browser code served as files (or mapped by an import map) does not need package.json. */
const BROWSER_DIR = /(^|\/)(static|public|assets|wwwroot|www|htdocs|app\/javascript|vendor)\//i;

function jsHits(project: Project): Hit[] {
  const paths = new Set(project.files.map((f) => f.path));
  // Deno and import maps resolve bare specifiers without package.json.
  if (project.files.some((f) => /(^|\/)(deno\.jsonc?|import[_-]?map\.json|importmap\.rb)$/.test(f.path)) || !project.facts.runsLanguage('js')) return [];
  const hasPackageJson = (dir: string) => selfAndAncestors(dir).some((d) => paths.has(d === '.' ? 'package.json' : `${d}/package.json`));
  // A package some package.json of the project declares (NodeBB keeps it in install/package.json and copies it to the root at build).
  const declared = new Set(project.manifests.filter((m) => basename(m.path) === 'package.json').flatMap((m) => m.dependencies));
  const hits: Hit[] = [];
  for (const file of project.sources) {
    if (file.language !== 'js' && file.language !== 'ts') continue;
    // Tool configs (`tailwind.config.js`) are read by tools that may bundle what they import.
    if (isFixturePath(file.path) || isNotShippedPath(file.path) || BROWSER_DIR.test(file.path) || bundleReason(file) || /\.config\.[cm]?[jt]s$|(^|\/)\.[\w-]+rc\.[cm]?js$/.test(file.path)) continue;
    if (hasPackageJson(dirname(file.path))) continue;
    for (let i = 0; i < file.lines.length; i++) {
      const line = file.lines[i];
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) continue;
      const spec = JS_IMPORT.map((re) => re.exec(line)?.[1]).find(Boolean);
      const pkg = spec ? jsPackageName(spec) : undefined;
      if (pkg && !declared.has(pkg)) {
        hits.push({ file, line: i + 1, pkg });
        break;
      }
    }
  }
  return hits;
}

// ---- Python ----------------------------------------------------------------------

function isPythonManifestPath(path: string): boolean {
  const name = basename(path);
  if (/^(requirements([.\-_][\w.-]*)?\.(txt|in)|pyproject\.toml|Pipfile|Pipfile\.lock|setup\.py|setup\.cfg|poetry\.lock|uv\.lock|pdm\.lock|environment\.ya?ml|conda\.ya?ml|constraints[\w.-]*\.txt)$/i.test(name)) return true;
  // requirements/base.txt, requirements/production.txt
  return /(^|\/)requirements\/[^/]+\.(txt|in)$/i.test(path);
}

const PY_IMPORT = /^import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)\s*(?:#.*)?$/;
const PY_FROM = /^from\s+([\w.]+)\s+import\b/;

function pythonHits(project: Project): Hit[] {
  // A maintainer's Python helper beside a Go or PHP image runs on someone's machine, not in the release.
  if (project.files.some((f) => isPythonManifestPath(f.path)) || !project.facts.runsLanguage('python')) return [];
  // Names of the project's own modules and packages: every path segment of a Python file.
  const local = new Set<string>();
  for (const f of project.files) {
    const segments = f.path.split('/');
    segments.forEach((seg, i) => local.add(i === segments.length - 1 ? seg.replace(/\.(py|pyi|so|pyd)$/, '') : seg));
  }
  const hits: Hit[] = [];
  for (const file of project.sources) {
    if (file.language !== 'python' || isFixturePath(file.path) || isNotShippedPath(file.path) || /(^|\/)docs?\//.test(file.path)) continue;
    let found: Hit | undefined;
    for (let i = 0; i < file.lines.length && !found; i++) {
      // Top-level imports only: indented ones sit in try/except or functions (optional dependencies).
      const line = file.lines[i];
      const names: string[] = [];
      const from = PY_FROM.exec(line);
      if (from) names.push(from[1]);
      else {
        const imp = PY_IMPORT.exec(line);
        if (imp) names.push(...imp[1].split(',').map((p) => p.trim().split(/\s+/)[0]));
      }
      for (const name of names) {
        const top = name.split('.')[0];
        if (!top || top.startsWith('_') || PYTHON_STDLIB.has(top) || local.has(top)) continue;
        found = { file, line: i + 1, pkg: top };
        break;
      }
    }
    if (found) hits.push(found);
  }
  return hits;
}

// ---- Go --------------------------------------------------------------------------------

function goHits(project: Project): Hit[] {
  if (!project.facts.runsLanguage('go')) return [];
  const paths = new Set(project.files.map((f) => f.path));
  const hasGoMod = (dir: string) => selfAndAncestors(dir).some((d) => paths.has(d === '.' ? 'go.mod' : `${d}/go.mod`));
  const hits: Hit[] = [];
  for (const file of project.sources) {
    // Not shipped (tests, tools' hidden folders such as homebox's `.scaffold/` code-generation templates): no build reads it.
    if (!file.path.endsWith('.go') || isFixturePath(file.path) || isNotShippedPath(file.path) || hasGoMod(dirname(file.path))) continue;
    let inBlock = false;
    for (let i = 0; i < file.lines.length; i++) {
      const line = file.lines[i].trim();
      let spec: string | undefined;
      if (inBlock) {
        if (line.startsWith(')')) {
          inBlock = false;
          continue;
        }
        spec = /^(?:[\w.]+\s+)?"([^"]+)"/.exec(line)?.[1];
      } else if (/^import\s*\($/.test(line)) inBlock = true;
      else spec = /^import\s+(?:[\w.]+\s+)?"([^"]+)"/.exec(line)?.[1];
      // Standard-library paths have no dot in their first element.
      if (spec && spec.split('/')[0].includes('.')) {
        hits.push({ file, line: i + 1, pkg: spec });
        break;
      }
    }
  }
  return hits;
}

export default defineRule({
  id: 'dependencies/no-manifest',
  factor: 'dependencies',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  // Dockerfiles say which languages the release images run.
  inputs: ['source', 'dockerfile'],
  docs: {
    summary: 'Code imports third-party packages but no dependency manifest declares them',
    rationale:
      'Factor II: explicitly declare and isolate dependencies. An app never relies on packages being present on the system: it declares all of them, completely and exactly, in a manifest. When code imports packages and no `package.json`, `requirements.txt`/`pyproject.toml` or `go.mod` exists, the dependency set lives only in someone\'s environment or in ad-hoc install lines, and no build can reproduce it. The rule looks at JavaScript/TypeScript (`import`/`require` of a package, without a `package.json` in the file\'s directory or above), Python (top-level imports of modules that are neither the standard library nor the project\'s own, without any Python manifest) and Go (imports of non-standard packages without a `go.mod` above). Browser files under `static/`, `public/` or `assets/`, tool configs (`*.config.js`), Deno and import-map projects, tests and fixtures are left alone.',
    fix: 'Add the manifest of the language and declare every package in it: `npm init -y && npm install express`, `pip freeze > requirements.txt` (or `uv init`/`poetry init`), `go mod init example.com/app && go mod tidy`. Then install from it in the Dockerfile.',
    swarm: 'Swarm runs whatever the image holds; an image built without a manifest holds whatever versions the last ad-hoc install fetched.',
    bad: '# app.py\nimport flask\n# and no requirements.txt / pyproject.toml in the repository',
    good: '# requirements.txt\nflask==3.0.3',
    exampleLanguage: 'python',
  },
  messages: {
    npm: '{{file}} imports the package "{{pkg}}"{{more}}, but no package.json in its directory or above declares the project\'s npm dependencies; add one (npm init, npm install {{pkg}})',
    python: '{{file}} imports the third-party module "{{pkg}}"{{more}}, but the project has no requirements.txt, pyproject.toml, Pipfile or setup.py declaring its dependencies; add one with pinned versions',
    go: '{{file}} imports "{{pkg}}"{{more}}, but there is no go.mod in its directory or above; run go mod init and go mod tidy so go.mod and go.sum declare the dependencies',
  },
  check({ project, report }) {
    if (project.singleFiles) return;
    const groups: [('npm' | 'python' | 'go'), Hit[]][] = [
      ['npm', jsHits(project)],
      ['python', pythonHits(project)],
      ['go', goHits(project)],
    ];
    for (const [messageId, hits] of groups) {
      if (hits.length === 0) continue;
      const first = [...hits].sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0))[0];
      const others = hits.length - 1;
      report({
        file: first.file.path,
        range: lineRange(first.file.lines, first.line),
        messageId,
        data: { file: first.file.path, pkg: first.pkg, more: others > 0 ? ` (and ${others} other file${others === 1 ? ' imports' : 's import'} packages)` : '' },
      });
    }
  },
});
