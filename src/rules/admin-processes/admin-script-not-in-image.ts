import { defineRule } from '../rule.js';
import type { Dockerfile, DockerInstruction, DockerStage } from '../../project/model.js';
import { parseExecForm } from '../../project/load-dockerfile.js';
import { joinPath } from '../../project/link.js';
import { rawArgs, stageChain } from '../util/runtime-container.js';
import { basename, parseShell, programOf } from '../util/runtime-command.js';
import { buildContextOf, packageJsonIn } from '../util/runtime-scripts.js';

/** Script names of admin tasks. */
const ADMIN_SCRIPT = /(migrat|seed|^db[:\-_]|admin|backfill|reindex|^tasks?[:\-_]|^jobs?[:\-_]|^cron[:\-_]|console|createsuperuser|create[:\-_]?(admin|user)|fixtures?|import[:\-_]|cleanup)/i;
/** Programs that run a file given as their first argument. */
const RUNNERS = new Set(['node', 'nodejs', 'ts-node', 'ts-node-esm', 'tsx', 'babel-node', 'bun', 'deno', 'python', 'python3', 'sh', 'bash', 'ruby', 'php']);
const SCRIPT_FILE = /\.(c|m)?[jt]s$|\.py$|\.sh$|\.rb$|\.php$/;

/** Files a package.json script runs, relative to the package.json folder. */
export function scriptFiles(text: string): string[] {
  const out: string[] = [];
  for (const c of parseShell(text)) {
    const { name, args } = programOf(c.words);
    const words = c.words;
    if (words[0] && /^\.{0,2}\//.test(words[0]) && SCRIPT_FILE.test(words[0])) out.push(words[0]);
    else if (RUNNERS.has(name) || /^python[\d.]*$/.test(name)) {
      const file = args.find((a) => !a.startsWith('-') && a !== 'run');
      if (file && SCRIPT_FILE.test(file) && !file.includes('$')) out.push(file);
    } else if (basename(words[0] ?? '') === 'npx' && RUNNERS.has(name)) {
      const file = args.find((a) => !a.startsWith('-'));
      if (file && SCRIPT_FILE.test(file)) out.push(file);
    }
  }
  return out.map((f) => f.replace(/^\.\//, ''));
}

/** Sources of a COPY/ADD (flags removed), or undefined for forms we cannot read. */
function copySources(d: Dockerfile, inst: DockerInstruction): { sources: string[]; from?: string } | undefined {
  const raw = rawArgs(d, inst);
  const flags = raw.match(/^(--\S+\s+)*/)?.[0] ?? '';
  const rest = raw.slice(flags.length);
  const words = [...flags.split(/\s+/), ...(parseExecForm(rest) ?? rest.split(/\s+/))].filter(Boolean);
  let from: string | undefined;
  const paths: string[] = [];
  for (const w of words) {
    if (w.startsWith('--from=')) from = w.slice('--from='.length);
    else if (w.startsWith('--')) continue;
    else paths.push(w);
  }
  if (paths.length < 2 || paths.some((w) => w.startsWith('<<'))) return undefined;
  return { sources: paths.slice(0, -1), from };
}

function globToRegExp(glob: string): RegExp {
  const re = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\u0000/g, '.*');
  return new RegExp(`^${re}$`);
}

/** A context-relative path is copied by a source (`.`, `scripts/`, `src/*.js`, `package*.json`). */
export function covers(source: string, path: string): boolean {
  const s = source.replace(/^\.\//, '').replace(/\/+$/, '');
  if (s === '' || s === '.' || s === '*') return true;
  if (path === s || path.startsWith(`${s}/`)) return true;
  if (/[*?[]/.test(s)) {
    const re = globToRegExp(s);
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i++) if (re.test(parts.slice(0, i).join('/'))) return true;
  }
  return false;
}

/** The WORKDIR a stage ends with (following the stages it is built FROM); undefined when unknown. */
function workdirOf(d: Dockerfile, stage: DockerStage): string | undefined {
  let s: DockerStage | undefined = stage;
  const seen = new Set<number>();
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    const w = s.instructions.filter((i) => i.keyword === 'WORKDIR').at(-1);
    if (w) return w.args.startsWith('/') && !w.args.includes('$') ? w.args.replace(/\/+$/, '') || '/' : undefined;
    if (!s.fromStage) return undefined;
    const parent: string = s.imageResolved.toLowerCase();
    const index: number = s.index;
    s = d.stages.find((p: DockerStage): boolean => p.index < index && p.name?.toLowerCase() === parent);
  }
  return undefined;
}

/** Whether a `COPY --from=<stage> <src>` may bring a context-relative path along; true when unsure. */
function fromStageMayContain(d: Dockerfile, from: string, src: string, path: string): boolean {
  const stage = d.stages.find((s) => s.name?.toLowerCase() === from.toLowerCase() || String(s.index) === from);
  // Another image (`--from=composer:2`): not our build context.
  if (!stage) return false;
  const workdir = workdirOf(d, stage);
  const abs = src.replace(/\/+$/, '');
  if (!workdir || !abs.startsWith('/') || abs.includes('$') || /[*?[]/.test(abs)) return true;
  if (abs === workdir || workdir.startsWith(`${abs}/`) || abs === '') return true;
  if (!abs.startsWith(`${workdir}/`)) return true;
  return covers(abs.slice(workdir.length + 1), path);
}

/** Whether the final image may contain a context-relative path; true when unsure. */
function mayContain(d: Dockerfile, path: string): boolean {
  for (const stage of stageChain(d)) {
    for (const inst of stage.instructions) {
      if (inst.keyword === 'RUN' && /\b(git\s+clone|curl|wget)\b/.test(inst.args)) return true;
      if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') continue;
      const copy = copySources(d, inst);
      if (!copy) return true;
      if (copy.from !== undefined) {
        if (copy.sources.some((src) => fromStageMayContain(d, copy.from!, src, path))) return true;
        continue;
      }
      if (inst.keyword === 'ADD' && copy.sources.some((src) => /^[a-z]+:\/\/|\.(tar|tgz|tar\.\w+)$/i.test(src))) return true;
      if (copy.sources.some((src) => src.includes('$') || covers(src, path))) return true;
    }
  }
  return false;
}

export default defineRule({
  id: 'admin-processes/admin-script-not-in-image',
  factor: 'admin-processes',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  inputs: ['dockerfile', 'manifest', 'compose'],
  docs: {
    summary: 'A package.json admin script (migrate, seed …) runs a file that the Dockerfile never copies into the image',
    rationale:
      'Factor XII: admin processes run in an identical environment to the app\'s regular processes, against the same release, with the same code and config. When the image only gets `dist/` and `node_modules/`, `npm run migrate` (running `scripts/migrate.js`) cannot run from the release; people run it from a laptop or a different checkout instead.',
    fix: 'Copy the admin scripts into the final stage (`COPY scripts ./scripts`, or compile them into `dist/`) so that `docker run --rm app:1.4.2 npm run migrate` works against the release.',
    swarm: 'Run admin tasks as one-off jobs of the same image (`deploy.mode: replicated-job`); that needs the scripts inside the image.',
    bad: '# package.json: "migrate": "node scripts/migrate.js"\nFROM node:20-slim\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY dist ./dist\nCMD ["node", "dist/server.js"]',
    good: 'FROM node:20-slim\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY dist ./dist\nCOPY scripts ./scripts\nCMD ["node", "dist/server.js"]',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    missing: '{{dockerfile}} never copies {{file}} into the image, but package.json script "{{script}}" runs it ("{{command}}"): the admin task cannot run from this release; copy it into the final stage',
  },
  check({ project, report }) {
    for (const d of project.dockerfiles) {
      if (!d.final) continue;
      const context = buildContextOf(d);
      const manifest = packageJsonIn(project, context);
      const data = manifest?.data as { scripts?: Record<string, unknown> } | undefined;
      if (!manifest || !data || typeof data.scripts !== 'object' || data.scripts === null) continue;
      const manifestRel = manifest.path.slice(context === '.' ? 0 : context.length + 1);
      // Only images of this Node app: the package.json itself must be copied in.
      if (!mayContain(d, manifestRel)) continue;
      for (const [script, value] of Object.entries(data.scripts)) {
        if (typeof value !== 'string' || !ADMIN_SCRIPT.test(script)) continue;
        for (const file of scriptFiles(value)) {
          if (file.startsWith('/') || file.startsWith('../')) continue;
          if (!project.files.some((f) => f.path === joinPath(context, file))) continue;
          if (mayContain(d, file)) continue;
          report({
            file: d.path,
            range: d.final.fromInstruction.range,
            messageId: 'missing',
            data: { dockerfile: d.path, file, script, command: value.length > 60 ? `${value.slice(0, 57)}...` : value },
          });
        }
      }
    }
  },
});
