/**
 * What the project's own instructions run: `docker stack deploy -c X` and `docker compose -f X up`
 * in READMEs, install and deploy docs, shell scripts, Makefiles and CI workflows, with the part of
 * the document or the script they sit in. A file the install guide deploys is what users deploy,
 * whatever its name; a file only the "Development" section or CI runs is not.
 */
import type { Project, TextFile } from '../model.js';
import { basename, dirname, joinPath } from '../paths.js';
import { pathPurpose } from './deploy.js';
import { getValue } from '../yaml-tree.js';

export interface DeployReference {
  /** The compose file run (project-relative). */
  file: string;
  /** Where the command is written, and its line. */
  from: string;
  line: number;
  command: 'stack-deploy' | 'compose';
  /** docs: READMEs and docs; script: shell scripts, Makefiles; ci: CI workflows. */
  source: 'docs' | 'script' | 'ci';
  /** What the surrounding section, Makefile target or script says the command is for. */
  purpose: 'deploy' | 'development' | 'test';
  /** For messages: the heading, target or script it sits under. */
  context: string;
}

const CI_DEPLOY = /(^|[-_.])(deploy\w*|release\w*|publish\w*|prod|production|cd|delivery)([-_.]|$)/i;
const CI_FILE = /^(\.github\/workflows\/|\.gitlab-ci\.|\.circleci\/|\.drone\.|\.woodpecker|Jenkinsfile)/i;
const MAKEFILE = /(^|\/)(GNUmakefile|Makefile|makefile|justfile|Justfile|Taskfile\.ya?ml)$/;
const DOC_FILE = /\.(md|mdx|markdown|rst|txt|adoc)$|(^|\/)(INSTALL|DEPLOY|DEPLOYMENT|SETUP|HOSTING|CONTRIBUTING|DEVELOPMENT|DEVELOPING)$/i;

/** Headings, targets and doc names that say what follows is for developers or tests. */
const DEV_CONTEXT = /\b(develop(?:er|ers|ment|ing)?|dev|contribut\w*|hacking|debug\w*|testing|tests?|e2e|end-to-end|ci|local[\s-]+development|build(?:ing)?\s+from\s+source|from\s+source|watch|hot[\s-]?reload)\b/i;
/** A document title that says it is for developers: `Using Docker … for Development and Testing`, `Developing`, `Contributing`. */
const DEV_TITLE = /\bfor\s+(?:local\s+)?(?:development|developers|testing|contributors)\b|^(?:local\s+)?(?:development|developing|contributing|hacking)\b/i;
const TEST_CONTEXT = /\b(testing|tests?|regtest|e2e|end-to-end|ci|integration|benchmark\w*)\b/i;

/** The compose subcommands that run the file's services (not `build`, `config`, `down`, `logs`). */
const RUNS = /^(up|run|start|create|pull|restart|deploy)$/;
const DEFAULT_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

/** Words of a command line, quotes removed, up to the first `&&`, `||`, `|`, `;` or comment. */
function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) {
    const w = m[1] ?? m[2] ?? m[3];
    if (m[3] !== undefined && (/^(&&|\|\|?|;|#)/.test(w) || w.startsWith('#'))) break;
    out.push(m[3] !== undefined ? w.replace(/[;|&]+$/, '') : w);
    if (m[3] !== undefined && /[;|&]$/.test(m[3])) break;
  }
  return out;
}

interface Parsed {
  command: DeployReference['command'];
  files: string[];
  runs: boolean;
}

/** `docker compose -f a.yml -f b.yml up -d`, `docker-compose up`, `docker stack deploy -c stack.yml app`. */
function parseCommand(line: string): Parsed | undefined {
  const stack = /\bdocker\s+stack\s+(?:deploy|up)\b(.*)$/.exec(line);
  if (stack) {
    const w = words(stack[1]);
    const files: string[] = [];
    for (let i = 0; i < w.length; i++) {
      const m = /^(?:-c|--compose-file)(?:=(.+))?$/.exec(w[i]);
      if (m) files.push(m[1] ?? w[++i] ?? '');
    }
    return { command: 'stack-deploy', files, runs: true };
  }
  const compose = /\bdocker(?:-compose|\s+compose)\b(.*)$/.exec(line);
  if (!compose) return undefined;
  const w = words(compose[1]);
  const files: string[] = [];
  let sub: string | undefined;
  for (let i = 0; i < w.length && sub === undefined; i++) {
    const m = /^(?:-f|--file)(?:=(.+))?$/.exec(w[i]);
    if (m) files.push(m[1] ?? w[++i] ?? '');
    else if (/^-f./.test(w[i])) files.push(w[i].slice(2));
    else if (/^(-p|--project-name|--project-directory|--env-file|--profile|--ansi|--progress|--parallel)$/.test(w[i])) i++;
    else if (!w[i].startsWith('-')) sub = w[i];
  }
  if (sub === undefined) return undefined;
  // `COMPOSE_FILE=a.yml:b.yml docker compose up` names the files too.
  const env = /\bCOMPOSE_FILE=(\S+)/.exec(line.slice(0, compose.index));
  if (env && files.length === 0) files.push(...env[1].split(':'));
  return { command: 'compose', files, runs: RUNS.test(sub) };
}

/** Lines with their continuation lines (`\` at the end) joined, numbered by their first line. */
function logicalLines(lines: readonly string[]): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    let text = lines[i];
    const line = i + 1;
    while (/\\\s*$/.test(text) && i + 1 < lines.length) text = text.replace(/\\\s*$/, ' ') + lines[++i];
    out.push({ text, line });
  }
  return out;
}

function sourceOf(path: string): DeployReference['source'] {
  if (CI_FILE.test(path)) return 'ci';
  if (MAKEFILE.test(path) || !DOC_FILE.test(path)) return 'script';
  return 'docs';
}

/** `./start-regtest`, `bash scripts/up.sh`, `source $(pwd)/docker-scripts.sh`: the script a command segment runs. */
function invokedScript(segment: string): string | undefined {
  const w = segment
    .trim()
    .replace(/^(-\s+)?(run:\s*)?(\$\s+)?/, '')
    .split(/\s+/)
    .filter((x) => !/^(sudo|exec|time|nohup|env|[A-Za-z_]\w*=\S*)$/.test(x));
  let target: string | undefined;
  if (/^(sh|bash|zsh|source|\.)$/.test(w[0] ?? '')) target = w[1];
  else if (/^\.{1,2}\//.test(w[0] ?? '') || /\.(sh|bash)$/.test(w[0] ?? '')) target = w[0];
  if (!target) return undefined;
  // The script's own folder: `$(pwd)/x.sh`, `"$(dirname "$0")"/x.sh`, `$SCRIPT_DIR/x.sh`.
  target = target.replace(/^["']|["']$/g, '').replace(/^(\$\(pwd\)|\$\{?PWD\}?|"?\$\(dirname\s+"?\$0"?\)"?|\$\{BASH_SOURCE%\/\*\}|\$\{?(SCRIPT_?DIR|DIR|HERE|BASEDIR)\}?)\//, './');
  return /[$`*{}]/.test(target) ? undefined : target;
}

type Purpose = DeployReference['purpose'];

/** Every compose file a command in the project's docs, scripts and CI runs. */
export function deployReferences(project: Project): DeployReference[] {
  const composePaths = new Set(project.composeFiles.map((f) => f.path));
  const byName = new Map<string, string[]>();
  for (const p of composePaths) byName.set(basename(p), [...(byName.get(basename(p)) ?? []), p]);
  /** The compose file a written path means: from the working folder, the root, or by a name only one file has. */
  const resolve = (written: string, cwd: string, dirOf: string): string | undefined => {
    const w = written.replace(/^\.\//, '');
    if (!w || /[$`{}*]/.test(w)) return undefined;
    for (const base of [cwd, dirOf, '.']) {
      const p = joinPath(base, w);
      if (composePaths.has(p)) return p;
    }
    const same = byName.get(basename(w));
    return same?.length === 1 && !w.includes('/') ? same[0] : undefined;
  };
  const defaultFile = (...dirs: string[]) => dirs.flatMap((d) => DEFAULT_NAMES.map((n) => joinPath(d, n))).find((p) => composePaths.has(p));
  const filesByPath = new Map(project.files.map((f) => [f.path, f]));
  const dirs = new Set(project.files.flatMap((f) => {
    const parts = f.path.split('/');
    return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
  }));

  const texts = new Map<string, TextFile>();
  for (const f of [...project.readmes, ...project.instructionFiles, ...project.scripts]) texts.set(f.path, f);
  /** A script without a `.sh` name (`start-regtest`) is read when a command runs it. */
  const readScript = (path: string): boolean => {
    if (texts.has(path)) return true;
    const f = filesByPath.get(path);
    if (!f || f.size > 256 * 1024) return false;
    try {
      const buffer = project.reader.read(path, 256 * 1024);
      if (buffer.subarray(0, 8000).includes(0)) return false;
      const text = buffer.toString('utf8');
      texts.set(path, { ...f, text, lines: text.split(/\r?\n/) });
      return true;
    } catch {
      return false;
    }
  };

  type Raw = Omit<DeployReference, 'purpose' | 'source'> & { local: Purpose | undefined };
  const raw: Raw[] = [];
  /** Who runs each script, and in what context. */
  const invokers = new Map<string, { from: string; local: Purpose | undefined }[]>();
  const queue = [...texts.keys()];
  for (let i = 0; i < queue.length && i < 400; i++) {
    const file = texts.get(queue[i])!;
    const source = sourceOf(file.path);
    const fileDir = dirname(file.path);
    let heading = '';
    let target = '';
    // Commands in a README run where the README is; scripts and docs elsewhere are usually run from the root.
    let cwd = source === 'docs' && !/^docs?\//i.test(file.path) ? fileDir : '.';
    for (const { text, line } of logicalLines(file.lines)) {
      if (source === 'docs') {
        const h = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(text);
        if (h) heading = h[1];
      } else if (MAKEFILE.test(file.path)) {
        const t = /^([\w.-]+)\s*:(?!=)/.exec(text);
        if (t) target = t[1];
      } else if (source === 'script') {
        // A shell function (`lnbits-regtest-start() {`, `function dev_up {`) names what its commands are for.
        const fn = /^\s*(?:function\s+)?([\w.:-]+)\s*(?:\(\s*\))?\s*\{\s*$/.exec(text);
        if (fn && (text.includes('()') || /^\s*function\s/.test(text))) target = fn[1];
      }
      const context = heading || target;
      const local: Purpose | undefined = context && TEST_CONTEXT.test(context) ? 'test' : context && DEV_CONTEXT.test(context) ? 'development' : undefined;
      const cd = /(?:^|[;&(]\s*|^\s*(?:-\s+)?(?:run:\s*)?(?:\$\s*)?)cd\s+([^\s;&|]+)/.exec(text);
      // `cd deploy/swarm` moves within the project; `cd myapp` after a `git clone` is its root.
      if (cd && !/[$`~]/.test(cd[1]) && !cd[1].startsWith('/')) {
        const next = joinPath(cwd, cd[1].replace(/^\.\//, '').replace(/\/$/, ''));
        cwd = dirs.has(next) ? next : cd[1] === '..' ? dirname(cwd) : cwd;
      }
      for (const segment of text.split(/&&|\|\||;|\|/)) {
        const script = invokedScript(segment);
        if (!script) continue;
        const path = [joinPath(cwd, script), joinPath(fileDir, script), joinPath('.', script)].find((p) => filesByPath.has(p));
        if (!path || path === file.path) continue;
        invokers.set(path, [...(invokers.get(path) ?? []), { from: file.path, local }]);
        if (!texts.has(path) && readScript(path)) queue.push(path);
      }
      // `COMPOSE_FILE=docker-compose.yml;docker/prod.yml` (echoed into .env or $GITHUB_ENV, exported, or a YAML key):
      // the set of files a later `docker compose up` runs.
      const set = /\bCOMPOSE_FILE["']?\s*[=:]\s*["']?([^"'\s$]+)/.exec(text);
      if (set && !/^\s*#/.test(text)) {
        for (const f of set[1].split(/[:;,]/)) {
          const path = resolve(f, cwd, fileDir);
          if (path) raw.push({ file: path, from: file.path, line, command: 'compose', context: context || basename(file.path), local });
        }
        continue;
      }
      const parsed = parseCommand(text);
      if (!parsed || (!parsed.runs && parsed.command === 'compose')) continue;
      // `docker compose up --exit-code-from playwright`: a run that ends with a test container's verdict.
      const testRun = parsed.command === 'compose' && /--exit-code-from\b|--abort-on-container-exit\b/.test(text);
      const written = parsed.files.length > 0 ? parsed.files.map((f) => resolve(f, cwd, fileDir)) : parsed.command === 'compose' ? [source === 'docs' ? defaultFile(cwd) : defaultFile(cwd, fileDir)] : [];
      for (const path of written) if (path) raw.push({ file: path, from: file.path, line, command: parsed.command, context: context || basename(file.path), local: testRun ? 'test' : local });
    }
  }

  /**
   * What a file's commands are for: CI runs tests; a file named or placed for development or tests is; a script
   * that only CI, test or development steps run is too (`./start-regtest` from a CI job). Undefined: for deploying.
   */
  const memo = new Map<string, { purpose: Purpose | undefined; ci: boolean }>();
  const purposeOf = (path: string, depth = 0): { purpose: Purpose | undefined; ci: boolean } => {
    const known = memo.get(path);
    if (known) return known;
    memo.set(path, { purpose: undefined, ci: false }); // cycles: a script that runs itself decides nothing
    const source = sourceOf(path);
    const named = pathPurpose(path);
    let result: { purpose: Purpose | undefined; ci: boolean };
    // CI runs tests, except a workflow named for deploying (`container-deploy.yml`, `release.yml`, `cd.yml`).
    if (source === 'ci') result = { purpose: CI_DEPLOY.test(basename(path)) ? 'deploy' : 'test', ci: true };
    else if (named === 'test' || named === 'development') result = { purpose: named, ci: false };
    else if (DEV_CONTEXT.test(basename(path).replace(/\.\w+$/, ''))) result = { purpose: TEST_CONTEXT.test(basename(path)) ? 'test' : 'development', ci: false };
    // A document titled for developers (`# Using Docker for Development and Testing`): every command in it is.
    else if (source === 'docs' && !/^readme/i.test(basename(path)) && DEV_TITLE.test(docTitle(texts.get(path)) ?? '')) result = { purpose: 'development', ci: false };
    else {
      const callers = (invokers.get(path) ?? []).map((c) => (c.local ? { purpose: c.local, ci: false } : depth < 6 ? purposeOf(c.from, depth + 1) : { purpose: undefined, ci: false }));
      result =
        callers.length > 0 && callers.every((c) => c.purpose !== undefined && c.purpose !== 'deploy')
          ? { purpose: callers.every((c) => c.purpose === 'test') ? 'test' : 'development', ci: callers.every((c) => c.ci) }
          : { purpose: undefined, ci: false };
    }
    memo.set(path, result);
    return result;
  };

  return raw.map(({ local, ...r }) => {
    const of = purposeOf(r.from);
    const source = of.ci ? 'ci' : sourceOf(r.from);
    return { ...r, source, purpose: local ?? of.purpose ?? 'deploy' };
  });
}

/**
 * Build arguments the project's own builds pass: `--build-arg TAG=…` in scripts and docs, `build-args:` of a CI
 * build step (docker/build-push-action), compose `build.args`. A Dockerfile default (`ARG TAG=latest`) is then
 * only what an ad-hoc build gets.
 */
export function suppliedBuildArgs(project: Project): Set<string> {
  const out = new Set<string>();
  for (const file of [...project.readmes, ...project.instructionFiles, ...project.scripts]) {
    let block = -1;
    for (const line of file.lines) {
      for (const m of line.matchAll(/--build-arg(?:=|\s+)["']?([A-Za-z_][A-Za-z0-9_]*)(?==|["']?\s|["']?$)/g)) out.add(m[1]);
      const indent = line.search(/\S/);
      const key = /^\s*(?:-\s+)?build[-_]args\s*:\s*(.*)$/.exec(line);
      if (key) {
        block = indent;
        for (const m of key[1].matchAll(/\b([A-Za-z_][A-Za-z0-9_]*)=/g)) out.add(m[1]);
        continue;
      }
      if (block >= 0 && indent > block) {
        const arg = /^\s*(?:-\s+)?["']?([A-Za-z_][A-Za-z0-9_]*)\s*[=:]/.exec(line);
        if (arg) out.add(arg[1]);
      } else if (indent >= 0) block = -1;
    }
  }
  for (const file of project.composeFiles) {
    for (const service of file.services) {
      const args = getValue(getValue(service.node, 'build'), 'args');
      if (args?.kind === 'map') for (const e of args.entries) out.add(String(e.key));
      else if (args?.kind === 'seq') for (const item of args.items) if (item.kind === 'scalar') out.add(String(item.value).split('=')[0]);
    }
  }
  return out;
}

/** The first heading of a Markdown document (`# Title`, or a Setext title underlined with `===`). */
function docTitle(file: TextFile | undefined): string | undefined {
  if (!file) return undefined;
  for (let i = 0; i < Math.min(file.lines.length, 20); i++) {
    const line = file.lines[i];
    const atx = /^\s{0,3}#{1,2}\s+(.+?)\s*#*\s*$/.exec(line);
    if (atx) return atx[1];
    if (line.trim() && /^=+\s*$/.test(file.lines[i + 1] ?? '')) return line.trim();
  }
  return undefined;
}
