import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { AuditResult, EslintMessage } from '../engine/result.js';
import type { Fix } from '../rules/rule.js';
import { VERSION } from '../version.js';
import { REPOSITORY_URL, type RuleMeta } from './rule-meta.js';
import type { Reporter, ReportContext } from './types.js';
import { ruleIdOf, visible, workspacePath } from './common.js';

/** GitHub code scanning keeps at most this many results per run. */
const MAX_RESULTS = 25_000;
const BASE_ID = '%SRCROOT%';
const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** Findings without a rule (a file that does not parse, an unused directive) get rules of their own, so every result has a ruleId. */
const PSEUDO_RULES: Sarif.ReportingDescriptor[] = [
  { id: 'twelvelint/invalid-file', name: 'InvalidFile', shortDescription: { text: 'A file could not be parsed' }, fullDescription: { text: 'A compose file, manifest or source file could not be parsed; docker stack deploy rejects an invalid compose file.' }, help: { text: 'Fix the syntax error the message names; the file is not audited until it parses.', markdown: 'Fix the syntax error the message names; the file is not audited until it parses.' }, helpUri: `${REPOSITORY_URL}#exit-codes`, defaultConfiguration: { level: 'error' }, properties: { tags: ['parse-error'], precision: 'very-high' } },
  { id: 'twelvelint/unused-disable', name: 'UnusedDisable', shortDescription: { text: 'A twelvelint-disable comment suppresses nothing' }, fullDescription: { text: 'The comment names rules that report nothing at that place (--report-unused-disable).' }, help: { text: 'Remove the comment, or the rule ids in it that report nothing there.', markdown: 'Remove the comment, or the rule ids in it that report nothing there.' }, helpUri: `${REPOSITORY_URL}#inline-suppression`, defaultConfiguration: { level: 'warning' }, properties: { tags: ['suppression'], precision: 'very-high' } },
];

function ruleName(id: string): string {
  return id.split('/').pop()!.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function descriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  const full = `${meta.rationale} ${meta.fix}`;
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.summary },
    fullDescription: { text: full.length > 1024 ? `${full.slice(0, 1021)}...` : full },
    help: { text: `${meta.summary}\n\n${meta.rationale}\n\nFix: ${meta.fix}\n\n${meta.docsUrl}`, markdown: meta.markdown },
    helpUri: meta.docsUrl,
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      tags: meta.tags,
      precision: meta.precision,
      ...(meta.securitySeverity !== undefined ? { 'security-severity': meta.securitySeverity.toFixed(1) } : {}),
    },
  };
}

/** A URI relative to where the command ran (the repository root in CI), else to the audited root. */
function uriOf(result: AuditResult, filePath: string, cwd: string): string {
  return workspacePath(result, filePath, cwd).split('/').map(encodeURIComponent).join('/');
}

function folderUri(result: AuditResult, cwd: string): string {
  const rel = path.relative(cwd, result.root);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? `${rel.split(path.sep).map(encodeURIComponent).join('/')}/` : './';
}

function region(r: { line: number; column: number; endLine: number; endColumn: number }, lines: readonly string[] | undefined): Sarif.Region {
  const endLine = Math.max(r.line, r.endLine);
  const endColumn = endLine === r.line ? Math.max(r.column + 1, r.endColumn) : Math.max(1, r.endColumn);
  const out: Sarif.Region = { startLine: r.line, startColumn: r.column, endLine, endColumn };
  const text = lines?.[r.line - 1];
  if (text !== undefined) out.snippet = { text };
  return out;
}

function sarifFix(fix: Fix, uri: string): Sarif.Fix {
  return {
    description: { text: 'Apply the suggested change' },
    artifactChanges: [{ artifactLocation: { uri, uriBaseId: BASE_ID }, replacements: [{ deletedRegion: region(fix.range, undefined), insertedContent: { text: fix.text } }] }],
  };
}

function run(result: AuditResult, context: ReportContext, descriptors: Sarif.ReportingDescriptor[], index: Map<string, number>): Sarif.Run {
  const results: Sarif.Result[] = [];
  const add = (m: EslintMessage, filePath: string, suppressed?: { kind: 'directive' | 'external'; justification: string }) => {
    const ruleId = ruleIdOf(m);
    const uri = uriOf(result, filePath, context.cwd);
    const lines = context.source(result.root, filePath);
    const out: Sarif.Result = {
      ruleId,
      ruleIndex: index.get(ruleId) ?? 0,
      level: LEVEL[m.level],
      message: { text: m.message },
      // A finding about the project as a whole sits on the audited folder (code scanning needs a location).
      locations: [{ physicalLocation: filePath === '.' ? { artifactLocation: { uri: folderUri(result, context.cwd), uriBaseId: BASE_ID }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 } } : { artifactLocation: { uri, uriBaseId: BASE_ID }, region: region(m, lines) } }],
      partialFingerprints: { primaryLocationLineHash: m.fingerprint },
      properties: { factor: m.factor, swarm: m.swarm, ...(m.blocker ? { blocker: m.blocker } : {}) },
    };
    if (m.fix && filePath !== '.') out.fixes = [sarifFix(m.fix, uri)];
    if (suppressed) out.suppressions = [{ kind: suppressed.kind === 'external' ? 'external' : 'inSource', ...(suppressed.justification ? { justification: suppressed.justification } : {}) }];
    results.push(out);
  };
  for (const file of result.results) {
    for (const m of visible(file, context)) add(m, file.filePath);
    for (const m of file.suppressedMessages) add(m, file.filePath, { kind: m.suppressions[0]?.kind ?? 'directive', justification: m.suppressions[0]?.justification ?? '' });
  }
  const dropped = Math.max(0, results.length - MAX_RESULTS);
  const notifications: Sarif.Notification[] = result.diagnostics.map((d) => ({
    level: d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'note',
    message: { text: d.message },
    descriptor: { id: d.code },
    ...(d.filePath ? { locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(result, d.filePath, context.cwd), uriBaseId: BASE_ID } } }] } : {}),
  }));
  if (dropped) notifications.push({ level: 'warning', message: { text: `${dropped} results left out: code scanning keeps ${MAX_RESULTS} per run` }, descriptor: { id: 'results-truncated' } });
  const rootRel = path.relative(context.cwd, result.root).split(path.sep).join('/');
  return {
    tool: { driver: { name: 'twelvelint', version: VERSION, semanticVersion: VERSION, informationUri: REPOSITORY_URL, rules: descriptors } },
    automationDetails: { id: `${context.sarifCategory ?? `twelvelint/${rootRel && !rootRel.startsWith('..') ? `${rootRel}/` : ''}`}` },
    originalUriBaseIds: { [BASE_ID]: { uri: pathToFileURL(context.cwd.endsWith(path.sep) ? context.cwd : `${context.cwd}${path.sep}`).href } },
    columnKind: 'utf16CodeUnits',
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
    results: results.slice(0, MAX_RESULTS),
    properties: {
      score: result.summary.score,
      grade: result.summary.grade,
      swarmVerdict: result.summary.swarm.verdict,
    },
  };
}

/** SARIF 2.1.0 as GitHub code scanning reads it: one run per audited project. */
export function sarifLog(results: readonly AuditResult[], context: ReportContext): Sarif.Log {
  const descriptors = [...[...context.rules.values()].map(descriptor), ...PSEUDO_RULES];
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: results.map((r) => run(r, context, descriptors, index)),
  };
}

export const sarif: Reporter = (results, context) => `${JSON.stringify(sarifLog(results, context), null, 2)}\n`;
