import type { Range } from './range.js';
import type { YMap, YNode, YamlProblem } from './yaml-tree.js';
import type { Interpolated } from './interpolate.js';
import type { Facts } from './facts/index.js';
import type { FileReader } from './reader.js';
import type { JsFacts } from './js/facts.js';
import type { JsLinks } from './js/closure.js';

/** What a discovered file is, decided by its name (and for YAML, its content). */
export type FileKind =
  | 'dockerfile'
  | 'compose'
  | 'env'
  | 'manifest'
  | 'lockfile'
  | 'procfile'
  | 'script'
  | 'source'
  | 'dockerignore'
  | 'other';

/** The inputs a rule reads; the loader parses only what enabled rules declare. */
export type RuleInput = 'dockerfile' | 'compose' | 'env' | 'manifest' | 'lockfile' | 'procfile' | 'script' | 'source' | 'git' | 'files';

export interface ProjectFile {
  /** Path relative to the project root, forward slashes. */
  path: string;
  absPath: string;
  kind: FileKind;
  size: number;
  /** Manifest/lockfile ecosystem or source language. */
  subtype?: string;
}

export interface TextFile extends ProjectFile {
  text: string;
  lines: string[];
}

// ---- Dockerfile ----------------------------------------------------------------

export interface DockerInstruction {
  keyword: string;
  /** The instruction's argument text with whitespace runs collapsed to one space. */
  args: string;
  /** The argument text as the parser gives it: line continuations removed, heredoc lines kept. */
  text: string;
  range: Range;
  /** Range of the arguments only. */
  argsRange: Range;
  /** Flags before the arguments (`COPY --from=build`, `RUN --mount=…`), by name without dashes. */
  flags: Record<string, string>;
  /** For CMD/ENTRYPOINT/RUN/SHELL/HEALTHCHECK CMD: the JSON array when exec form, else undefined. */
  exec?: string[];
  stage: number;
}

export interface DockerStage {
  index: number;
  name?: string;
  /** FROM image as written and after ARG substitution. */
  image: string;
  imageResolved: string;
  /** True when the image names an earlier stage (`FROM build AS run`). */
  fromStage: boolean;
  platform?: string;
  fromInstruction: DockerInstruction;
  instructions: DockerInstruction[];
}

export interface Dockerfile extends TextFile {
  stages: DockerStage[];
  instructions: DockerInstruction[];
  /** Global ARG defaults (before the first FROM). */
  globalArgs: Map<string, string | undefined>;
  final?: DockerStage;
  /** Effective CMD/ENTRYPOINT of the final stage (the last one in it). */
  cmd?: DockerInstruction;
  entrypoint?: DockerInstruction;
  /** Files and services that use this Dockerfile (filled by link). */
  usedBy: ComposeService[];
}

// ---- Compose -------------------------------------------------------------------

export interface ComposeFile extends TextFile {
  root?: YMap;
  problems: YamlProblem[];
  /** The raw `version` value, before interpolation. */
  version?: { value: unknown; range: Range };
  services: ComposeService[];
  /** Top-level networks/volumes/secrets/configs by name. */
  networks: Map<string, TopLevelDefinition>;
  volumes: Map<string, TopLevelDefinition>;
  secrets: Map<string, TopLevelDefinition>;
  configs: Map<string, TopLevelDefinition>;
  /** Interpolation result of every string scalar, keyed by the node. */
  interpolation: Map<YNode, Interpolated>;
  /** Override file merged into this one for the service view, if any (compose.override.yaml). */
  override?: ComposeFile;
  /** This file is an override of another one. */
  overrides?: ComposeFile;
  /** 'stack' when named like a stack file or it has deploy sections; used to phrase findings. */
  role: 'compose' | 'stack' | 'override';
}

export interface TopLevelDefinition {
  name: string;
  keyRange: Range;
  node: YNode;
}

export interface ComposeService {
  name: string;
  file: ComposeFile;
  keyRange: Range;
  node: YMap;
  /** Linked Dockerfile when `build` points at one in the project. */
  dockerfile?: Dockerfile;
  /** Build context directory, project-relative, when the service builds. */
  buildContext?: string;
  /** The Dockerfile path the build uses, project-relative. */
  dockerfilePath?: string;
  /** The same service in the override file Compose merges over this one. */
  overriddenBy?: ComposeService;
}

// ---- env, manifests, git -------------------------------------------------------

export interface EnvEntry {
  key: string;
  value: string;
  line: number;
  range: Range;
  valueRange: Range;
}

export interface EnvFile extends TextFile {
  entries: EnvEntry[];
  /** `.env.example`, `.env.sample`, `.env.template`, `.env.dist`: documentation, not config. */
  isTemplate: boolean;
}

export interface Manifest extends TextFile {
  ecosystem: string;
  /** Parsed content where parsing applies (JSON/TOML); undefined on parse failure. */
  data?: unknown;
  dependencies: string[];
  parseError?: { message: string; range: Range };
}

export interface GitFacts {
  isRepo: boolean;
  /** Tracked files, project-relative. */
  tracked: Set<string>;
  remotes: string[];
  /** Why git facts are missing, when they are. */
  unavailable?: string;
}

// ---- sources ---------------------------------------------------------------------

export interface SourceFile extends TextFile {
  language: 'js' | 'ts' | 'python' | 'go' | 'ruby' | 'java' | 'php' | 'csharp' | 'rust' | 'other';
  /** Parsed AST for JS/TS files a rule asked for; undefined when not parsed. */
  ast?: unknown;
  /**
   * Facts extracted from the AST of JS/TS files whose text matched an enabled rule's
   * `sourcePrefilter` (listen calls, env reads, imports, signal handlers …); undefined when not parsed.
   */
  facts?: JsFacts;
  parseError?: { message: string; range: Range };
  /** Milliseconds the parse and extraction took (checked against limits.maxFileMs). */
  parseMs?: number;
}

// ---- the project -------------------------------------------------------------------

export interface Project {
  /** Absolute root directory. */
  root: string;
  files: ProjectFile[];
  dockerfiles: Dockerfile[];
  composeFiles: ComposeFile[];
  envFiles: EnvFile[];
  manifests: Manifest[];
  lockfiles: ProjectFile[];
  procfiles: TextFile[];
  /** Shell scripts (`*.sh`, `docker-entrypoint`), read to follow a container's start command. */
  scripts: TextFile[];
  sources: SourceFile[];
  git?: GitFacts;
  /** The environment the deploy will have (--env / --env-file). */
  deployEnv: ReadonlyMap<string, string>;
  /** Existence of paths referenced by compose files (env_file, secret files), project-relative or absolute. */
  pathExists(path: string): boolean;
  /** Whether the audit was given single files rather than a directory (project-wide rules then stay quiet). */
  singleFiles: boolean;
  /** Paths of git submodules (`.gitmodules`), project-relative: their files exist once the submodules are checked out. */
  submodules: string[];
  /** README files near the deploy files (the root and two folders down), read for what they say a deploy file is for. */
  readmes: TextFile[];
  /**
   * Files that hold the commands people run: install and deploy docs (`docs/install.md`), CI workflows,
   * Makefiles and justfiles; read for which compose files are deployed (`docker stack deploy -c …`) and which
   * are only run by development or CI steps. Shell scripts are in `scripts`, READMEs in `readmes`.
   */
  instructionFiles: TextFile[];
  /** Compose files the user named as what is deployed (`--stack`, config `stack`), project-relative. */
  stackFiles?: string[];
  /** Derived facts (what is deployed, images, processes …), computed once on first use. */
  facts: Facts;
  /** How the loader reads project files (the disk, or memory in tests). */
  reader: FileReader;
  /** JS/TS entry files linked to the deploy (Dockerfile CMD, compose command, Procfile, package.json start), set when source rules run. */
  jsLinks?: JsLinks;
  /** Languages read through a tree-sitter grammar whose grammar could not be loaded (a diagnostic says why). */
  unreadGrammars?: string[];
}
