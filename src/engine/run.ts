import { discover, resolveInputs, UsageError, type Discovery } from '../project/discover.js';
import { diskReader, type FileReader } from '../project/reader.js';
import { classify } from '../project/classify.js';
import { loadProject } from '../project/load.js';
import type { GitFacts, Project, RuleInput, TextFile } from '../project/model.js';
import { formatMessage, type AnyRule, type Severity } from '../rules/rule.js';
import { redactDeep } from './redact.js';
import { allRules } from '../rules/index.js';
import { findConfig, resolveConfig, type ResolvedConfig } from './config.js';
import type { Diagnostic } from '../project/diagnostics.js';
import type { AuditResult, EslintMessage, FileResult, Finding } from './result.js';
import { applyDirectives, matches, parseDirectives } from './suppress.js';
import { fingerprints } from './fingerprint.js';
import { countMessages } from './filter-results.js';
import { buildFactors, readiness } from './score.js';
import { swarmSummary, type Prediction } from './verdict.js';
import { mergeFindings, type WorkingFinding } from './merge.js';
import { VERSION } from '../version.js';
import type { SeveritySetting } from '../rules/rule.js';

export interface AuditOptions {
  paths: string[];
  cwd: string;
  configFile?: string;
  cliRules?: Record<string, SeveritySetting>;
  ignorePatterns?: string[];
  deployEnv?: ReadonlyMap<string, string>;
  reportUnusedDisable?: boolean;
  /** Compose files named as deployed (`--stack`), relative to cwd; overrides the config's `stack`. */
  stack?: string[];
  /** Rules to run instead of the catalogue (tests). */
  rules?: readonly AnyRule[];
  /** Text that replaces (or adds) one file of the project: an editor's unsaved buffer (`--stdin`). Absolute path. */
  overlay?: { path: string; text: string };
}

export interface Audit {
  result: AuditResult;
  config: ResolvedConfig;
  project: Project;
}

/** Rules whose findings feed the Swarm verdict: they run whatever the configuration says. */
function speaksAboutSwarm(rule: AnyRule): boolean {
  return rule.factor === 'swarm' || rule.swarm !== 'none';
}

export async function audit(options: AuditOptions): Promise<Audit> {
  const diagnostics: Diagnostic[] = [];
  const inputs = await resolveInputs(options.paths, options.cwd);
  const catalogue = options.rules ?? allRules;
  const loaded = await findConfig(inputs.root, options.configFile, options.cwd, diagnostics);
  const config = resolveConfig(loaded, catalogue, options.cliRules ?? {}, options.ignorePatterns ?? []);
  const discovery = await discover(inputs, { ignorePatterns: config.ignores, maxFiles: config.limits.maxFiles });
  const reader = options.overlay ? withOverlay(discovery, options.overlay) : undefined;
  // A compose file named on the command line is the one to judge as deployed, as `--stack` would say.
  const named = discovery.files.filter((f) => f.kind === 'compose' && inputs.inputs.some((i) => !i.isDir && i.abs === f.absPath)).map((f) => f.path);
  const stack = options.stack?.length ? relativeStack(options.stack, options.cwd, inputs.root) : config.stack.length ? config.stack : named;
  return analyse({ discovery, config, catalogue, diagnostics, stack, ...(reader ? { reader } : {}), ...(options.deployEnv ? { deployEnv: options.deployEnv } : {}), reportUnusedDisable: options.reportUnusedDisable ?? false });
}

export interface AnalyseOptions {
  discovery: Discovery;
  config: ResolvedConfig;
  catalogue: readonly AnyRule[];
  /** Diagnostics gathered so far (config search). */
  diagnostics?: Diagnostic[];
  stack?: string[];
  deployEnv?: ReadonlyMap<string, string>;
  reportUnusedDisable?: boolean;
  /** How files are read (default: the disk); git facts when known (in-memory projects). */
  reader?: FileReader;
  git?: GitFacts;
}

/** Loads the discovered files, runs the rules and builds the result. */
export async function analyse(options: AnalyseOptions): Promise<Audit> {
  const { discovery, config, catalogue } = options;
  const diagnostics: Diagnostic[] = [...(options.diagnostics ?? [])];
  const stack = options.stack ?? config.stack;
  const enabled = [...config.rules.values()];
  const enabledIds = new Set(enabled.map((r) => r.rule.id));
  const severityOf = new Map<string, Severity>(enabled.map((r) => [r.rule.id, r.severity]));
  const optionsOf = new Map(enabled.map((r) => [r.rule.id, r.options]));
  // What is predicted does not depend on what is reported: every Swarm-relevant rule runs.
  const toRun = catalogue.filter((r) => enabledIds.has(r.id) || speaksAboutSwarm(r));
  const needs = new Set<RuleInput>(toRun.flatMap((r) => r.inputs));
  const { project, diagnostics: loadDiagnostics } = await loadProject(discovery, {
    needs,
    deployEnv: withShellVariables(options.deployEnv ?? new Map()),
    limits: config.limits,
    sourcePrefilters: toRun.filter((r) => r.inputs.includes('source') && r.sourcePrefilter).map((r) => r.sourcePrefilter as RegExp),
    grammarLanguages: [...new Set(toRun.filter((r) => r.inputs.includes('source')).flatMap((r) => r.sourceLanguages ?? []))],
    ...(stack.length ? { stackFiles: stack } : {}),
    ...(options.reader ? { reader: options.reader } : {}),
    ...(options.git ? { git: options.git } : {}),
  });
  diagnostics.push(...loadDiagnostics);
  for (const s of stack) {
    if (!project.composeFiles.some((f) => f.path === s)) diagnostics.push({ code: 'stack-not-found', severity: 'warning', filePath: s, message: `--stack ${s}: no such compose file in the audited project` });
  }
  if (isEmpty(project)) diagnostics.push({ code: 'nothing-to-audit', severity: 'warning', message: 'Nothing to audit: no Dockerfile, compose file, dependency manifest, env file or source file was found' });

  let findings: WorkingFinding[] = parseErrors(project);
  for (const rule of toRun) {
    const reported = enabledIds.has(rule.id);
    try {
      rule.check({
        project,
        options: optionsOf.get(rule.id) ?? { ...(rule.defaultOptions ?? {}) },
        report(d) {
          const swarm = d.swarm ?? rule.swarm;
          findings.push({
            ruleId: rule.id,
            factor: rule.factor,
            severity: d.severity !== undefined && (severityOf.get(rule.id) ?? rule.severity) === rule.severity ? d.severity : (severityOf.get(rule.id) ?? rule.severity),
            swarm,
            ...(swarm === 'blocker' ? { blocker: rule.blocker ?? (rule.factor === 'swarm' ? 'rejected' : 'broken') } : {}),
            message: formatMessage(rule.messages[d.messageId] ?? d.messageId, d.data),
            messageId: d.messageId,
            filePath: d.file,
            line: d.range.line,
            column: d.range.column,
            endLine: d.range.endLine,
            endColumn: d.range.endColumn,
            ...(d.fix ? { fix: d.fix } : {}),
            ...(d.suggestions ? { suggestions: d.suggestions } : {}),
            ...(d.data ? { data: d.data } : {}),
            defaultSeverity: d.severity ?? rule.severity,
            reported,
            suppressed: false,
          });
        },
      });
    } catch (error) {
      // A rule bug must not hide the other rules' findings.
      diagnostics.push({ code: 'rule-crashed', severity: 'error', message: `Rule ${rule.id} failed: ${(error as Error).message}` });
    }
  }

  findings = dropDevContext(findings, project, toRun);
  markSuppressed(findings, project, options.reportUnusedDisable ?? false);
  findings = mergeFindings(findings, catalogue);
  const predictions: Prediction[] = findings.map((f) => ({
    ruleId: f.ruleId,
    factor: f.factor,
    swarm: f.swarm,
    ...(f.blocker ? { blocker: f.blocker } : {}),
    defaultSeverity: f.defaultSeverity,
    message: f.message,
    filePath: f.filePath,
    line: f.line,
    reported: f.reported && !f.suppressed,
  }));
  const swarm = swarmSummary(predictions, project, config.failOnVerdict);

  // Swarm findings of compose files the project does not deploy are counted in their file's verdict, not listed.
  const notDeployed = new Set(swarm.files.filter((f) => !f.deployed).map((f) => f.filePath));
  const listed = findings.filter((f) => f.reported && !(f.factor === 'swarm' && notDeployed.has(f.filePath))).sort(compareFindings);
  const lines = new Map(textFiles(project).map((f) => [f.path, f.lines]));
  const prints = fingerprints(listed, (file) => lines.get(file));
  const withPrints = listed.map(({ data: _data, reported: _r, defaultSeverity: _d, ...finding }, i) => ({ ...finding, fingerprint: prints[i] }));
  const reported: Finding[] = withPrints.filter((f) => !f.suppressed).map(({ suppressed: _s, ...f }) => f);
  const suppressed: Finding[] = withPrints.filter((f) => f.suppressed).map(({ suppressed: _s, ...f }) => f);

  const factors = buildFactors(reported, project, enabled.map((r) => r.rule));
  const { score, grade, assessed } = readiness(factors);
  const result: AuditResult = {
    tool: { name: 'twelvelint', version: VERSION },
    root: project.root,
    summary: {
      score,
      grade,
      assessedFactors: assessed,
      swarm,
      counts: {
        error: reported.filter((f) => f.severity === 'error').length,
        warning: reported.filter((f) => f.severity === 'warning').length,
        info: reported.filter((f) => f.severity === 'info').length,
        fixable: reported.filter((f) => f.fix).length,
        files: project.files.length,
      },
    },
    factors,
    results: toFileResults(reported, suppressed),
    diagnostics,
  };
  // Every string the result carries passes through the one redaction (messages, fix texts, summaries, diagnostics).
  return { result: redactDeep(result), config, project };
}

/** The project as it is on disk, except one file whose text is given (and which need not exist yet). */
function withOverlay(discovery: Discovery, overlay: { path: string; text: string }): FileReader {
  const rel = relativeStack([overlay.path], discovery.root, discovery.root)[0];
  if (!rel || rel.startsWith('..') || overlay.path === rel) throw new UsageError(`--stdin-filename ${overlay.path} is outside the audited folder ${discovery.root}`);
  const size = Buffer.byteLength(overlay.text);
  const known = discovery.files.find((f) => f.path === rel);
  if (known) known.size = size;
  else {
    const c = classify(rel);
    if (c.maybeCompose) discovery.maybeCompose.add(rel);
    discovery.files.push({ path: rel, absPath: overlay.path, kind: c.kind === 'other' && /\.ya?ml$/i.test(rel) ? 'compose' : c.kind, size, ...(c.subtype ? { subtype: c.subtype } : {}) });
    discovery.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
  const disk = diskReader(discovery.root);
  return {
    read: (p, maxBytes) => (p === rel ? Buffer.from(overlay.text) : disk.read(p, maxBytes)),
    exists: (p) => p === rel || disk.exists(p),
    list: (dir) => {
      const names = disk.list(dir);
      const parent = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '.';
      const name = rel.slice(rel.lastIndexOf('/') + 1);
      return (dir === parent || (parent === '.' && dir === '')) && !names.includes(name) ? [...names, name] : names;
    },
  };
}

/** `--stack` paths are given relative to where the command runs; the project knows paths relative to its root. */
function relativeStack(paths: string[], cwd: string, root: string): string[] {
  return paths.map((p) => {
    const abs = p.startsWith('/') ? p : `${cwd.replace(/\/$/, '')}/${p}`;
    const rel = abs.startsWith(`${root}/`) ? abs.slice(root.length + 1) : p;
    return rel.split('/').filter((x) => x && x !== '.').join('/');
  });
}

function isEmpty(project: Project): boolean {
  return !project.singleFiles && project.dockerfiles.length + project.composeFiles.length + project.manifests.length + project.envFiles.length + project.sources.length + project.procfiles.length === 0;
}

function textFiles(project: Project): TextFile[] {
  return [...project.dockerfiles, ...project.composeFiles, ...project.envFiles, ...project.manifests, ...project.procfiles, ...project.sources];
}

function parseErrors(project: Project): WorkingFinding[] {
  const out: WorkingFinding[] = [];
  const base = { ruleId: null, factor: null, severity: 'error' as const, defaultSeverity: 'error' as const, fatal: true, reported: true, suppressed: false };
  for (const file of project.composeFiles) {
    for (const p of file.problems) {
      out.push({ ...base, swarm: 'blocker', blocker: 'rejected', message: `Invalid YAML: ${p.message}`, filePath: file.path, ...p.range });
    }
  }
  for (const m of project.manifests) {
    if (m.parseError) out.push({ ...base, swarm: 'none', message: `Cannot parse ${m.ecosystem} manifest: ${m.parseError.message}`, filePath: m.path, ...m.parseError.range });
  }
  for (const s of project.sources) {
    if (s.parseError) out.push({ ...base, severity: 'warning', defaultSeverity: 'warning', swarm: 'none', message: `Cannot parse: ${s.parseError.message}`, filePath: s.path, ...s.parseError.range });
  }
  return out;
}

/** Twelve-factor findings in development-only files and services are not about the deploy. */
function dropDevContext(findings: WorkingFinding[], project: Project, rules: readonly AnyRule[]): WorkingFinding[] {
  if (project.facts.devRegions().size === 0) return findings;
  const keep = new Set(rules.filter((r) => r.factor === 'swarm' || r.devContext === 'include').map((r) => r.id));
  return findings.filter((f) => f.ruleId === null || keep.has(f.ruleId) || !project.facts.inDevRegion(f.filePath, f.line));
}

/** Marks findings that `twelvelint-disable` comments suppress (they stay in the prediction); adds unused-directive reports. */
function markSuppressed(findings: WorkingFinding[], project: Project, reportUnused: boolean): void {
  const byFile = new Map<string, WorkingFinding[]>();
  for (const f of findings) byFile.set(f.filePath, [...(byFile.get(f.filePath) ?? []), f]);
  for (const file of textFiles(project)) {
    if (!file.text.includes('twelvelint-disable')) continue;
    const own = (byFile.get(file.path) ?? []).filter((f) => f.reported);
    const directives = parseDirectives(file.lines);
    const kept = new Set(applyDirectives(own, directives));
    for (const f of own) {
      if (kept.has(f)) continue;
      f.suppressed = true;
      const reason = directives.find((d) => matches(d, f) && d.justification)?.justification;
      if (reason) f.justification = reason;
    }
    if (!reportUnused) continue;
    for (const d of directives.filter((x) => !x.used)) {
      const text = file.lines[d.line - 1] ?? '';
      findings.push({
        ruleId: null,
        factor: null,
        severity: 'warning',
        swarm: 'none',
        message: `Unused twelvelint-disable directive (no problem was reported${d.ruleIds.length ? ` from ${d.ruleIds.join(', ')}` : ''})`,
        filePath: file.path,
        line: d.line,
        column: d.column,
        endLine: d.line,
        endColumn: text.length + 1,
        defaultSeverity: 'warning',
        reported: true,
        suppressed: false,
      });
    }
  }
}

function compareFindings(a: Pick<Finding, 'filePath' | 'line' | 'column' | 'ruleId'>, b: Pick<Finding, 'filePath' | 'line' | 'column' | 'ruleId'>): number {
  if (a.filePath !== b.filePath) return a.filePath < b.filePath ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? '');
}

function toMessage(f: Finding): EslintMessage {
  return {
    ruleId: f.ruleId,
    severity: f.severity === 'error' ? 2 : 1,
    level: f.severity,
    factor: f.factor,
    swarm: f.swarm,
    ...(f.blocker ? { blocker: f.blocker } : {}),
    ...(f.also ? { also: f.also } : {}),
    message: f.message,
    ...(f.messageId ? { messageId: f.messageId } : {}),
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    ...(f.fatal ? { fatal: true } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
    ...(f.suggestions ? { suggestions: f.suggestions } : {}),
    fingerprint: f.fingerprint,
  };
}

function toFileResults(findings: readonly Finding[], suppressed: readonly Finding[]): FileResult[] {
  const map = new Map<string, FileResult>();
  const resultOf = (filePath: string): FileResult => {
    let r = map.get(filePath);
    if (!r) {
      r = { filePath, messages: [], errorCount: 0, warningCount: 0, infoCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, suppressedMessages: [] };
      map.set(filePath, r);
    }
    return r;
  };
  for (const f of findings) resultOf(f.filePath).messages.push(toMessage(f));
  for (const f of suppressed) resultOf(f.filePath).suppressedMessages.push({ ...toMessage(f), suppressions: [{ kind: 'directive', justification: f.justification ?? '' }] });
  for (const r of map.values()) countMessages(r);
  return [...map.values()].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
}

/**
 * The shell that runs `docker stack deploy` always sets PWD (`$PWD/Caddyfile` is not `/Caddyfile`):
 * taken as the compose file's folder, where the deploy is usually run, unless the user gives it.
 */
function withShellVariables(env: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  if (env.has('PWD')) return env;
  return new Map([...env, ['PWD', '.']]);
}

