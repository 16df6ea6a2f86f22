import { defineRule } from '../rule.js';
import type { Dockerfile, DockerStage } from '../../project/model.js';
import { joinPath } from '../../project/paths.js';
import { copyFact, stageChain, type ImageFacts } from '../../project/facts/image.js';
import { basename, parseShell, programOf } from '../../project/facts/shell.js';
import { buildContextOf } from '../../project/facts/process.js';

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
  for (const s of stageChain(d, stage).reverse()) {
    const w = s.instructions.filter((i) => i.keyword === 'WORKDIR').at(-1);
    if (w) return w.args.startsWith('/') && !w.args.includes('$') ? w.args.replace(/\/+$/, '') || '/' : undefined;
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
function mayContain(image: ImageFacts, path: string): boolean {
  const d = image.dockerfile;
  for (const stage of image.chain) {
    for (const inst of stage.instructions) {
      if (inst.keyword === 'RUN' && /\b(git\s+clone|curl|wget)\b/.test(inst.args)) return true;
      if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') continue;
      const copy = copyFact(inst);
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
    for (const image of project.facts.images()) {
      const d = image.dockerfile;
      if (!image.release) continue;
      const context = buildContextOf(project, d);
      const manifest = project.manifests.find((m) => m.path === joinPath(context, 'package.json'));
      const data = manifest?.data as { scripts?: Record<string, unknown> } | undefined;
      if (!manifest || !data || typeof data.scripts !== 'object' || data.scripts === null) continue;
      const manifestRel = manifest.path.slice(context === '.' ? 0 : context.length + 1);
      // Only images of this Node app: the package.json itself must be copied in.
      if (!mayContain(image, manifestRel)) continue;
      for (const [script, value] of Object.entries(data.scripts)) {
        if (typeof value !== 'string' || !ADMIN_SCRIPT.test(script)) continue;
        for (const file of scriptFiles(value)) {
          if (file.startsWith('/') || file.startsWith('../')) continue;
          if (!project.files.some((f) => f.path === joinPath(context, file))) continue;
          if (mayContain(image, file)) continue;
          report({
            file: d.path,
            range: image.release.fromInstruction.range,
            messageId: 'missing',
            data: { dockerfile: d.path, file, script, command: value.length > 60 ? `${value.slice(0, 57)}...` : value },
          });
        }
      }
    }
  },
});
