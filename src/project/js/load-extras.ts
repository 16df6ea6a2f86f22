import type { Project, ProjectFile } from '../model.js';
import type { Diagnostic } from '../diagnostics.js';
import { unreadableMessage } from '../unreadable.js';
import { basename, dirname } from '../paths.js';

/**
 * The few extra files source linking reads that the loader does not: tsconfig
 * files (outDir/rootDir/paths, to map `dist/server.js` back to `src/server.ts`)
 * and documentation (README and other markdown, app.json, other YAML) where
 * environment variables are documented. IO lives here, not in rules.
 */

export interface TsConfigInfo {
  /** Directory of the tsconfig, project-relative ('.' for the root). */
  dir: string;
  outDir?: string;
  rootDir?: string;
  baseUrl?: string;
  paths?: Record<string, string[]>;
}

export interface DocText {
  path: string;
  text: string;
}

/** Removes comments and trailing commas so tsconfig (JSONC) parses as JSON. */
export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i++;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      out += c;
      i++;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

async function readSmall(project: Project, file: ProjectFile, maxFileSize: number): Promise<string | undefined> {
  if (file.size > maxFileSize) return undefined;
  try {
    const text = project.reader.read(file.path, maxFileSize).toString('utf8');
    return text.includes('\0') ? undefined : text;
  } catch {
    return undefined;
  }
}

function parseTsConfig(text: string): Record<string, any> | undefined {
  try {
    const data = JSON.parse(stripJsonComments(text)) as unknown;
    return data && typeof data === 'object' ? (data as Record<string, any>) : undefined;
  } catch {
    return undefined;
  }
}

const TSCONFIG = /^(tsconfig|jsconfig)(\.[\w-]+)*\.json$/;

export async function loadTsConfigs(project: Project, maxFileSize: number): Promise<TsConfigInfo[]> {
  const files = project.files.filter((f) => TSCONFIG.test(basename(f.path)));
  const byPath = new Map(files.map((f) => [f.path, f]));
  const cache = new Map<string, Record<string, any> | undefined>();
  const read = async (path: string): Promise<Record<string, any> | undefined> => {
    if (cache.has(path)) return cache.get(path);
    const f = byPath.get(path);
    const data = f ? parseTsConfig((await readSmall(project, f, maxFileSize)) ?? '') : undefined;
    cache.set(path, data);
    return data;
  };
  const out: TsConfigInfo[] = [];
  for (const f of files) {
    const data = await read(f.path);
    if (!data) continue;
    const dir = dirname(f.path);
    let options = (data.compilerOptions ?? {}) as Record<string, any>;
    // One level of relative `extends` (outDir/rootDir/paths are relative to the file that sets them).
    const ext = typeof data.extends === 'string' && data.extends.startsWith('.') ? data.extends : undefined;
    let baseDir = dir;
    if (ext) {
      const target = normalize(dir, ext.endsWith('.json') ? ext : `${ext}.json`);
      const parent = await read(target);
      const parentOptions = (parent?.compilerOptions ?? {}) as Record<string, any>;
      const parentDir = dirname(target);
      const rel = (key: string) => (typeof parentOptions[key] === 'string' && options[key] === undefined ? relativeTo(dir, normalize(parentDir, parentOptions[key])) : undefined);
      options = {
        ...options,
        outDir: options.outDir ?? rel('outDir'),
        rootDir: options.rootDir ?? rel('rootDir'),
        baseUrl: options.baseUrl ?? rel('baseUrl'),
        paths: options.paths ?? parentOptions.paths,
      };
      if (!data.compilerOptions?.paths && parentOptions.paths) baseDir = parentDir;
    }
    const info: TsConfigInfo = { dir };
    if (typeof options.outDir === 'string') info.outDir = clean(options.outDir);
    if (typeof options.rootDir === 'string') info.rootDir = clean(options.rootDir);
    if (typeof options.baseUrl === 'string') info.baseUrl = relativeTo(dir, normalize(baseDir, options.baseUrl));
    if (options.paths && typeof options.paths === 'object') {
      const paths: Record<string, string[]> = {};
      for (const [k, v] of Object.entries(options.paths as Record<string, unknown>)) {
        if (Array.isArray(v)) paths[k] = v.filter((x): x is string => typeof x === 'string').map((x) => relativeTo(dir, normalize(info.baseUrl !== undefined ? normalize(dir, info.baseUrl) : baseDir, x)));
      }
      info.paths = paths;
    }
    out.push(info);
  }
  return out;
}

function clean(p: string): string {
  return p.replace(/^\.\//, '').replace(/\/+$/, '') || '.';
}

/** Joins and normalizes project-relative paths. */
export function normalize(dir: string, rel: string): string {
  const parts = (dir === '.' ? [] : dir.split('/')).concat(rel.split('/'));
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else out.push('..');
    } else out.push(p);
  }
  return out.join('/') || '.';
}

function relativeTo(dir: string, path: string): string {
  if (dir === '.') return path;
  if (path === dir) return '.';
  if (path.startsWith(`${dir}/`)) return path.slice(dir.length + 1);
  // Outside the tsconfig directory: express with ../
  const up = dir.split('/').map(() => '..').join('/');
  return normalize(up, path);
}

const DOC_NAME = /\.(md|mdx|markdown|rst|adoc)$/i;
const DEPLOY_DOC = /^(app\.json|fly\.toml|render\.ya?ml|netlify\.toml|vercel\.json|now\.json|railway\.(json|toml)|\.?env\.[\w.-]*example[\w.-]*|[\w.-]*\.env\.[\w.-]+|env\.example|env\.sample)$/i;
const MAX_DOC_BYTES = 20_000_000;

/**
 * Documentation and deploy descriptors that name environment variables: markdown
 * (README, docs/), app.json and other platform files, YAML that is not a compose
 * file (Kubernetes manifests, Helm values, CI).
 */
export async function loadDocs(project: Project, maxFileSize: number): Promise<DocText[]> {
  const files = project.files.filter((f) => f.kind === 'other' && (DOC_NAME.test(f.path) || DEPLOY_DOC.test(basename(f.path)) || /\.ya?ml$/i.test(f.path)));
  let budget = MAX_DOC_BYTES;
  const chosen = files.filter((f) => {
    if (f.size > maxFileSize || budget - f.size < 0) return false;
    budget -= f.size;
    return true;
  });
  const texts = await Promise.all(chosen.map(async (f) => ({ path: f.path, text: (await readSmall(project, f, maxFileSize)) ?? '' })));
  return texts.filter((t) => t.text);
}

/** Every identifier-like word of the documents, with the first file that has it. */
export function documentedNames(docs: readonly DocText[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of docs) {
    for (const m of d.text.matchAll(/[A-Za-z_][A-Za-z0-9_]{1,}/g)) if (!out.has(m[0])) out.set(m[0], d.path);
  }
  return out;
}

const ENV_TEMPLATE = /^(\.env\.(example|sample|template|dist|defaults?|tmpl|tpl)|\.env\.[\w-]+\.(example|sample|template)|(example|sample)\.env|env\.(example|sample|template))$/i;

/**
 * Env templates (`.env.example`, …) next to the project's manifests, compose files and
 * Dockerfiles that discovery did not list: projects often gitignore them by a broad `.env*`
 * pattern yet commit them. They document variables, so they count as documentation.
 */
export async function loadIgnoredEnvTemplates(project: Project, maxFileSize: number, diagnostics: Diagnostic[]): Promise<DocText[]> {
  const known = new Set(project.files.map((f) => f.path));
  const dirs = new Set<string>(['.']);
  for (const f of [...project.manifests, ...project.composeFiles, ...project.dockerfiles]) dirs.add(dirname(f.path));
  const out: DocText[] = [];
  await Promise.all(
    [...dirs].slice(0, 200).map(async (dir) => {
      const names = project.reader.list(dir);
      for (const name of names) {
        const rel = dir === '.' ? name : `${dir}/${name}`;
        if (!ENV_TEMPLATE.test(name) || known.has(rel)) continue;
        try {
          const text = project.reader.read(rel, maxFileSize).toString('utf8');
          if (!text.includes('\0')) out.push({ path: rel, text });
        } catch (error) {
          diagnostics.push({ code: 'unreadable', severity: 'warning', filePath: rel, message: unreadableMessage(error as NodeJS.ErrnoException) });
        }
      }
    }),
  );
  return out;
}
