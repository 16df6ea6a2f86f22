import { discover, resolveInputs } from '../project/discover.js';
import { loadProject } from '../project/load.js';
import type { Project, RuleInput, TextFile } from '../project/model.js';
import { formatMessage, type AnyRule, type RuleFamily, type SeveritySetting } from '../rules/rule.js';
import { allRules } from '../rules/index.js';
import { findConfig, resolveConfig, type ResolvedConfig } from './config.js';
import type { Diagnostic } from '../project/diagnostics.js';
import type { AuditResult, FileResult, Finding } from './result.js';
import { applyDirectives, parseDirectives } from './suppress.js';
import { buildFactors, overallScore, swarmSummary } from './score.js';
import { VERSION } from '../version.js';

export interface AuditOptions {
  paths: string[];
  cwd: string;
  configFile?: string;
  cliRules?: Record<string, SeveritySetting>;
  ignorePatterns?: string[];
  deployEnv?: ReadonlyMap<string, string>;
  reportUnusedDisable?: boolean;
  /** Rules to run instead of the catalogue (tests). */
  rules?: readonly AnyRule[];
}

export interface Audit {
  result: AuditResult;
  config: ResolvedConfig;
  project: Project;
}

export async function audit(options: AuditOptions): Promise<Audit> {
  const diagnostics: Diagnostic[] = [];
  const inputs = await resolveInputs(options.paths, options.cwd);
  const catalogue = options.rules ?? allRules;
  const loaded = await findConfig(inputs.root, options.configFile, options.cwd, diagnostics);
  const config = resolveConfig(loaded, catalogue, options.cliRules ?? {}, options.ignorePatterns ?? []);
  const discovery = await discover(inputs, { ignorePatterns: config.ignores, maxFileSize: config.maxFileSize });
  const enabled = [...config.rules.values()];
  const needs = new Set<RuleInput>(enabled.flatMap((r) => r.rule.inputs));
  const { project, diagnostics: loadDiagnostics } = await loadProject(discovery, {
    needs,
    deployEnv: options.deployEnv ?? new Map(),
    maxFileSize: config.maxFileSize,
    sourcePrefilters: enabled.filter((r) => r.rule.inputs.includes('source') && r.rule.sourcePrefilter).map((r) => r.rule.sourcePrefilter as RegExp),
  });
  diagnostics.push(...loadDiagnostics);

  let findings: Finding[] = [...parseErrors(project)];
  for (const { rule, severity, options: ruleOptions } of enabled) {
    try {
      rule.check({
        project,
        options: ruleOptions,
        report(d) {
          findings.push({
            ruleId: rule.id,
            factor: rule.factor,
            severity,
            swarm: d.swarm ?? rule.swarm,
            message: formatMessage(rule.messages[d.messageId] ?? d.messageId, d.data),
            messageId: d.messageId,
            filePath: d.file,
            line: d.range.line,
            column: d.range.column,
            endLine: d.range.endLine,
            endColumn: d.range.endColumn,
            ...(d.fix ? { fix: d.fix } : {}),
            ...(d.suggestions ? { suggestions: d.suggestions } : {}),
          });
        },
      });
    } catch (error) {
      // A rule bug must not hide the other rules' findings.
      diagnostics.push({ code: 'rule-crashed', severity: 'error', message: `Rule ${rule.id} failed: ${(error as Error).message}` });
    }
  }

  findings = dropDevContext(findings, project, enabled.map((r) => r.rule));
  findings = suppress(findings, project, options.reportUnusedDisable ?? false);
  findings.sort(compareFindings);

  const applicable = applicableFamilies(project, enabled.map((r) => r.rule));
  const factors = buildFactors(findings, applicable);
  const swarm = swarmSummary(findings, project.composeFiles.map((f) => f.path));
  const { score, grade } = overallScore(factors, swarm.verdict);
  const results = toFileResults(findings);
  const result: AuditResult = {
    tool: { name: 'twelvelint', version: VERSION },
    root: project.root,
    summary: {
      score,
      grade,
      swarm,
      counts: {
        error: findings.filter((f) => f.severity === 'error').length,
        warning: findings.filter((f) => f.severity === 'warning').length,
        info: findings.filter((f) => f.severity === 'info').length,
        fixable: findings.filter((f) => f.fix).length,
        files: project.files.length,
      },
    },
    factors,
    results,
    diagnostics,
  };
  return { result, config, project };
}

function textFiles(project: Project): TextFile[] {
  return [...project.dockerfiles, ...project.composeFiles, ...project.envFiles, ...project.manifests, ...project.procfiles, ...project.sources];
}

function parseErrors(project: Project): Finding[] {
  const out: Finding[] = [];
  const base = { ruleId: null, factor: null, severity: 'error' as const, fatal: true };
  for (const file of project.composeFiles) {
    for (const p of file.problems) {
      out.push({ ...base, swarm: 'blocker', message: `Invalid YAML: ${p.message}`, filePath: file.path, ...p.range });
    }
  }
  for (const m of project.manifests) {
    if (m.parseError) out.push({ ...base, swarm: 'none', message: `Cannot parse ${m.ecosystem} manifest: ${m.parseError.message}`, filePath: m.path, ...m.parseError.range });
  }
  for (const s of project.sources) {
    if (s.parseError) out.push({ ...base, severity: 'warning', swarm: 'none', message: `Cannot parse: ${s.parseError.message}`, filePath: s.path, ...s.parseError.range });
  }
  return out;
}

/** Twelve-factor findings in development-only files and services are not about the deploy. */
function dropDevContext(findings: Finding[], project: Project, rules: readonly AnyRule[]): Finding[] {
  if (project.facts.devRegions().size === 0) return findings;
  const keep = new Set(rules.filter((r) => r.factor === 'swarm' || r.devContext === 'include').map((r) => r.id));
  return findings.filter((f) => f.ruleId === null || keep.has(f.ruleId) || !project.facts.inDevRegion(f.filePath, f.line));
}

function suppress(findings: Finding[], project: Project, reportUnused: boolean): Finding[] {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.filePath, [...(byFile.get(f.filePath) ?? []), f]);
  const out: Finding[] = [];
  for (const file of textFiles(project)) {
    const own = byFile.get(file.path) ?? [];
    byFile.delete(file.path);
    if (!file.text.includes('twelvelint-disable')) {
      out.push(...own);
      continue;
    }
    const directives = parseDirectives(file.lines);
    out.push(...applyDirectives(own, directives));
    if (reportUnused) {
      for (const d of directives.filter((x) => !x.used)) {
        const text = file.lines[d.line - 1] ?? '';
        out.push({
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
        });
      }
    }
  }
  for (const rest of byFile.values()) out.push(...rest);
  return out;
}

function compareFindings(a: Finding, b: Finding): number {
  if (a.filePath !== b.filePath) return a.filePath < b.filePath ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? '');
}

function inputPresent(project: Project, input: RuleInput): boolean {
  switch (input) {
    case 'dockerfile':
      return project.dockerfiles.length > 0;
    case 'compose':
      return project.composeFiles.length > 0;
    case 'env':
      return project.envFiles.length > 0;
    case 'manifest':
      return project.manifests.length > 0;
    case 'lockfile':
      return project.lockfiles.length > 0;
    case 'procfile':
      return project.procfiles.length > 0;
    case 'script':
      return project.scripts.length > 0;
    case 'source':
      return project.sources.length > 0;
    case 'git':
    case 'files':
      return !project.singleFiles;
  }
}

/** A factor is applicable when one of its enabled rules had something to read. */
function applicableFamilies(project: Project, rules: readonly AnyRule[]): Set<RuleFamily> {
  const out = new Set<RuleFamily>();
  for (const rule of rules) if (rule.inputs.some((i) => inputPresent(project, i))) out.add(rule.factor);
  return out;
}

function toFileResults(findings: readonly Finding[]): FileResult[] {
  const map = new Map<string, FileResult>();
  for (const f of findings) {
    let r = map.get(f.filePath);
    if (!r) {
      r = { filePath: f.filePath, messages: [], errorCount: 0, warningCount: 0, infoCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
      map.set(f.filePath, r);
    }
    r.messages.push({
      ruleId: f.ruleId,
      severity: f.severity === 'error' ? 2 : 1,
      level: f.severity,
      factor: f.factor,
      swarm: f.swarm,
      message: f.message,
      ...(f.messageId ? { messageId: f.messageId } : {}),
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      ...(f.fatal ? { fatal: true } : {}),
      ...(f.fix ? { fix: f.fix } : {}),
      ...(f.suggestions ? { suggestions: f.suggestions } : {}),
    });
    if (f.severity === 'error') r.errorCount++;
    else if (f.severity === 'warning') r.warningCount++;
    else r.infoCount++;
    if (f.fatal) r.fatalErrorCount++;
    if (f.fix && f.severity === 'error') r.fixableErrorCount++;
    if (f.fix && f.severity === 'warning') r.fixableWarningCount++;
  }
  return [...map.values()];
}
