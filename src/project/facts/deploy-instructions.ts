/**
 * What the project's own instructions run: `docker stack deploy -c X` and `docker compose -f X up`
 * in READMEs, install and deploy docs, shell scripts, Makefiles and CI workflows, with the part of
 * the document or the script they sit in. A file the install guide deploys is what users deploy,
 * whatever its name; a file only the "Development" section or CI runs is not.
 */
import type { Project, TextFile } from '../model.js';
import { basename, dirname, joinPath } from '../paths.js';
import { pathPurpose } from './deploy.js';

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

const CI_FILE = /^(\.github\/workflows\/|\.gitlab-ci\.|\.circleci\/|\.drone\.|\.woodpecker|Jenkinsfile)/i;
const MAKEFILE = /(^|\/)(GNUmakefile|Makefile|makefile|justfile|Justfile|Taskfile\.ya?ml)$/;
const DOC_FILE = /\.(md|mdx|markdown|rst|txt|adoc)$|(^|\/)(INSTALL|DEPLOY|DEPLOYMENT|SETUP|HOSTING|CONTRIBUTING|DEVELOPMENT|DEVELOPING)$/i;

/** Headings, targets and doc names that say what follows is for developers or tests. */
const DEV_CONTEXT = /\b(develop(?:er|ers|ment|ing)?|dev|contribut\w*|hacking|debug\w*|testing|tests?|e2e|end-to-end|ci|local[\s-]+development|build(?:ing)?\s+from\s+source|from\s+source|watch|hot[\s-]?reload)\b/i;
const TEST_CONTEXT = /\b(testing|tests?|e2e|end-to-end|ci|integration|benchmark\w*)\b/i;

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
  const dirs = new Set(project.files.flatMap((f) => {
    const parts = f.path.split('/');
    return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
  }));

  const out: DeployReference[] = [];
  const files: TextFile[] = [...project.readmes, ...project.instructionFiles, ...project.scripts];
  for (const file of files) {
    const source = sourceOf(file.path);
    const fileDir = dirname(file.path);
    const filePurpose = pathPurpose(file.path);
    const fileContext = source === 'ci' ? 'test' : filePurpose === 'test' ? 'test' : filePurpose === 'development' || DEV_CONTEXT.test(basename(file.path).replace(/\.\w+$/, '')) ? 'development' : undefined;
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
      }
      const cd = /(?:^|[;&(]\s*|^\s*(?:\$\s*)?)cd\s+([^\s;&|]+)/.exec(text);
      // `cd deploy/swarm` moves within the project; `cd myapp` after a `git clone` is its root.
      if (cd && !/[$`~]/.test(cd[1]) && !cd[1].startsWith('/')) {
        const next = joinPath(cwd, cd[1].replace(/^\.\//, '').replace(/\/$/, ''));
        cwd = dirs.has(next) ? next : cd[1] === '..' ? dirname(cwd) : cwd;
      }
      const parsed = parseCommand(text);
      if (!parsed) continue;
      const written = parsed.files.length > 0 ? parsed.files.map((f) => resolve(f, cwd, fileDir)) : parsed.command === 'compose' ? [source === 'docs' ? defaultFile(cwd) : defaultFile(cwd, fileDir)] : [];
      const context = heading || target || basename(file.path);
      const purpose: DeployReference['purpose'] =
        fileContext ?? (source === 'docs' ? (TEST_CONTEXT.test(heading) ? 'test' : DEV_CONTEXT.test(heading) ? 'development' : 'deploy') : target && TEST_CONTEXT.test(target) ? 'test' : target && DEV_CONTEXT.test(target) ? 'development' : 'deploy');
      for (const path of written) {
        if (!path || (!parsed.runs && parsed.command === 'compose')) continue;
        out.push({ file: path, from: file.path, line, command: parsed.command, source, purpose, context });
      }
    }
  }
  return out;
}
