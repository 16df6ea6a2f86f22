import { diskReader, type FileReader } from './reader.js';
import type { Diagnostic } from './diagnostics.js';
import type { Discovery } from './discover.js';
import { looksLikeCompose } from './classify.js';
import type { GitFacts, Project, ProjectFile, RuleInput, SourceFile, TextFile } from './model.js';
import { loadDockerfile } from './load-dockerfile.js';
import { loadCompose } from './load-compose.js';
import { loadEnvFile } from './load-env.js';
import { loadManifest } from './load-manifest.js';
import { loadGit } from './load-git.js';
import { link } from './link.js';
import { createFacts } from './facts/index.js';
import { prepareSources } from './js/prepare.js';
import { prepareGrammarSources } from './lang/prepare-grammar.js';
import type { GrammarLanguage } from './lang/tree-sitter.js';
import { unreadableMessage } from './unreadable.js';
import { DEFAULT_LIMITS, limitName, slowFile, type Limits } from './limits.js';

export interface LoadOptions {
  /** Inputs the enabled rules read; nothing else is parsed. */
  needs: ReadonlySet<RuleInput>;
  deployEnv: ReadonlyMap<string, string>;
  /** Defaults apply to what is not given. */
  limits?: Partial<Limits>;
  /** Text prefilters of the enabled source rules: a JS/TS file is parsed only when one matches. */
  sourcePrefilters?: readonly RegExp[];
  /** Languages besides JS/TS that enabled source rules read (through tree-sitter grammars). */
  grammarLanguages?: readonly GrammarLanguage[];
  /** Compose files named as deployed (`--stack`), project-relative. */
  stackFiles?: string[];
  /** How files are read (default: the disk under the discovery root). */
  reader?: FileReader;
  /** Git facts when known already (in-memory projects); otherwise read from the repository. */
  git?: GitFacts;
}

const KIND_NEEDS: Partial<Record<ProjectFile['kind'], RuleInput>> = {
  dockerfile: 'dockerfile',
  compose: 'compose',
  env: 'env',
  manifest: 'manifest',
  procfile: 'procfile',
  script: 'script',
  source: 'source',
};

/** Reads a file as UTF-8 text; refuses binary and over-size files with a diagnostic. */
export async function readText(file: ProjectFile, maxFileSize: number, diagnostics: Diagnostic[], reader: FileReader): Promise<TextFile | undefined> {
  if (file.size > maxFileSize) {
    diagnostics.push({
      code: 'file-too-large',
      severity: 'warning',
      filePath: file.path,
      message: `Skipped: ${(file.size / 1e6).toFixed(1)} MB is over the ${(maxFileSize / 1e6).toFixed(1)} MB limit (${limitName('maxFileSize')})`,
    });
    return undefined;
  }
  let buffer: Buffer;
  try {
    buffer = reader.read(file.path, maxFileSize);
  } catch (error) {
    diagnostics.push({ code: 'unreadable', severity: 'warning', filePath: file.path, message: unreadableMessage(error as NodeJS.ErrnoException) });
    return undefined;
  }
  if (buffer.subarray(0, 8000).includes(0)) {
    diagnostics.push({ code: 'binary-file', severity: 'warning', filePath: file.path, message: `Skipped: binary content in a file named like a ${file.kind}` });
    return undefined;
  }
  let text = buffer.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ...file, text, lines: text.split(/\r?\n/) };
}

export async function loadProject(discovery: Discovery, options: LoadOptions): Promise<{ project: Project; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [...discovery.diagnostics];
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const reader = options.reader ?? diskReader(discovery.root);
  const project: Project = {
    root: discovery.root,
    files: discovery.files,
    dockerfiles: [],
    composeFiles: [],
    envFiles: [],
    manifests: [],
    lockfiles: discovery.files.filter((f) => f.kind === 'lockfile'),
    procfiles: [],
    scripts: [],
    sources: [],
    submodules: [],
    readmes: [],
    instructionFiles: [],
    deployEnv: options.deployEnv,
    pathExists: () => false,
    singleFiles: discovery.singleFiles,
    ...(options.stackFiles ? { stackFiles: options.stackFiles } : {}),
    facts: undefined as unknown as Project['facts'],
    reader,
  };
  // Following a container's start command reads its entrypoint scripts and package.json scripts.
  const needs = new Set(options.needs);
  if (needs.has('dockerfile') || needs.has('compose')) {
    needs.add('script');
    needs.add('manifest');
  }
  const gitPromise = needs.has('git') ? (options.git ? Promise.resolve(options.git) : loadGit(discovery.root)) : undefined;

  const wanted = discovery.files.filter((f) => {
    if (discovery.maybeCompose.has(f.path)) return needs.has('compose');
    const need = KIND_NEEDS[f.kind];
    return need !== undefined && needs.has(need);
  });
  const texts = await Promise.all(wanted.map((f) => readText(f, limits.maxFileSize, diagnostics, reader)));
  for (const text of texts) {
    if (!text) continue;
    const started = performance.now();
    if (discovery.maybeCompose.has(text.path)) {
      if (!looksLikeCompose(text.text)) continue;
      text.kind = 'compose';
      const original = project.files.find((f) => f.path === text.path);
      if (original) original.kind = 'compose';
    }
    switch (text.kind) {
      case 'dockerfile':
        project.dockerfiles.push(loadDockerfile(text));
        break;
      case 'compose':
        project.composeFiles.push(loadCompose(text, options.deployEnv, limits.maxDepth));
        break;
      case 'env':
        project.envFiles.push(loadEnvFile(text));
        break;
      case 'manifest':
        project.manifests.push(loadManifest(text, text.subtype ?? 'unknown'));
        break;
      case 'procfile':
        project.procfiles.push(text);
        break;
      case 'script':
        project.scripts.push(text);
        break;
      case 'source':
        project.sources.push({ ...text, language: (text.subtype ?? 'other') as SourceFile['language'] });
        break;
      default:
        break;
    }
    slowFile(text.path, performance.now() - started, limits, diagnostics);
  }
  if (gitPromise) project.git = await gitPromise;
  project.submodules = readSubmodules(discovery, reader);
  if (needs.has('compose') || needs.has('dockerfile')) {
    project.readmes = await readReadmes(discovery, reader, diagnostics);
    project.instructionFiles = await readInstructionFiles(discovery, reader, diagnostics);
  }
  link(project);
  project.facts = createFacts(project);
  await prepareSources(project, options.sourcePrefilters ?? [], limits, diagnostics);
  if (options.grammarLanguages?.length) await prepareGrammarSources(project, options.grammarLanguages, limits, diagnostics);
  return { project, diagnostics };
}

const README = /^readme(\.(md|markdown|rst|txt|adoc))?$/i;
const MAX_README_BYTES = 512 * 1024;

/** README files at the root and up to two folders down (where deploy files live), small ones only. */
async function readReadmes(discovery: Discovery, reader: FileReader, diagnostics: Diagnostic[]): Promise<TextFile[]> {
  const files = discovery.files.filter((f) => README.test(f.path.slice(f.path.lastIndexOf('/') + 1)) && f.path.split('/').length <= 3 && f.size <= MAX_README_BYTES).slice(0, 20);
  const texts = await Promise.all(files.map((f) => readText(f, MAX_README_BYTES, diagnostics, reader)));
  return texts.filter((t): t is TextFile => t !== undefined);
}

/** Docs about installing, deploying or developing; CI workflows; Makefiles and justfiles. */
const INSTRUCTION_FILE =
  /^(docs?|documentation)\/(?:[^/]+\/)*[^/]*(install|deploy|docker|compose|setup|self-?host|getting[-_]?started|quick[-_]?start|production|swarm|running|usage|develop|contribut|hosting)[^/]*\.(md|mdx|markdown|rst|txt)$|^(INSTALL|DEPLOY|DEPLOYMENT|SETUP|HOSTING|SELF[-_]?HOSTING|CONTRIBUTING|DEVELOPMENT|DEVELOPING)(\.(md|rst|txt))?$|^\.github\/workflows\/[^/]+\.ya?ml$|^\.gitlab-ci\.ya?ml$|^\.circleci\/config\.ya?ml$|^\.drone\.ya?ml$|^\.woodpecker(\/[^/]+)?\.ya?ml$|^Jenkinsfile$|^(?:[^/]+\/)?(GNUmakefile|Makefile|makefile|justfile|Justfile|Taskfile\.ya?ml)$/i;
const MAX_INSTRUCTION_FILES = 120;

/** The files whose commands say which compose file is deployed, small ones only (the README is read apart). */
async function readInstructionFiles(discovery: Discovery, reader: FileReader, diagnostics: Diagnostic[]): Promise<TextFile[]> {
  const files = discovery.files.filter((f) => INSTRUCTION_FILE.test(f.path) && f.size <= MAX_README_BYTES).slice(0, MAX_INSTRUCTION_FILES);
  const texts = await Promise.all(files.map((f) => readText(f, MAX_README_BYTES, diagnostics, reader)));
  return texts.filter((t): t is TextFile => t !== undefined);
}

/** Submodule paths from `.gitmodules` (`path = vendor/lib`). */
function readSubmodules(discovery: Discovery, reader: FileReader): string[] {
  const files = discovery.files.filter((f) => f.path === '.gitmodules' || f.path.endsWith('/.gitmodules')).map((f) => f.path);
  const out: string[] = [];
  for (const file of files) {
    let text = '';
    try {
      text = reader.read(file).toString('utf8');
    } catch {
      continue;
    }
    const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';
    for (const m of text.matchAll(/^\s*path\s*=\s*(.+?)\s*$/gm)) out.push(base === '.' ? m[1] : `${base}/${m[1]}`);
  }
  return out;
}
