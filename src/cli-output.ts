import { appendFileSync } from 'node:fs';
import type { Audit } from './engine/run.js';
import type { AuditResult } from './engine/result.js';
import type { TextFile } from './project/model.js';
import { UsageError } from './project/discover.js';
import { reporters, type ReportContext } from './reporters/index.js';
import { ruleMetaMap } from './reporters/rule-meta.js';
import { githubAnnotations } from './reporters/github.js';
import { markdownReport } from './reporters/markdown.js';
import { allRules } from './rules/index.js';
import { redactText } from './engine/redact.js';

export interface Output {
  format: string;
  /** Written here instead of stdout. */
  file?: string;
}

/**
 * `--format stylish --format sarif=out.sarif --format github`: each format once, to stdout or to
 * its file; `-o` is the file of the one format given without `=file`.
 */
export function parseFormats(formats: readonly string[], output: string | undefined): Output[] {
  const given = formats.length ? formats : ['stylish'];
  const outputs = given.map((spec): Output => {
    const i = spec.indexOf('=');
    const format = i < 0 ? spec : spec.slice(0, i);
    if (!Object.hasOwn(reporters, format)) throw new UsageError(`Unknown format "${format}"; available: ${Object.keys(reporters).join(', ')}`);
    if (i >= 0 && !spec.slice(i + 1)) throw new UsageError(`--format ${spec}: give a file after "="`);
    return i < 0 ? { format } : { format, file: spec.slice(i + 1) };
  });
  const toStdout = outputs.filter((o) => o.file === undefined);
  if (output !== undefined) {
    if (toStdout.length !== 1) throw new UsageError('-o/--output names the file of one format given without "=file"; write each format to its own file with --format name=file');
    toStdout[0].file = output;
  } else if (toStdout.length > 1) {
    throw new UsageError(`Only one format can go to standard output (got ${toStdout.map((o) => o.format).join(', ')}); write the others to files with --format name=file`);
  }
  return outputs;
}

function linesByFile(audits: readonly Audit[]): Map<string, Map<string, readonly string[]>> {
  const out = new Map<string, Map<string, readonly string[]>>();
  for (const { project } of audits) {
    const files: TextFile[] = [...project.dockerfiles, ...project.composeFiles, ...project.envFiles, ...project.manifests, ...project.procfiles, ...project.scripts, ...project.sources];
    out.set(project.root, new Map(files.map((f) => [f.path, f.lines])));
  }
  return out;
}

export function reportContext(audits: readonly Audit[], options: { quiet?: boolean; verbose?: boolean; absolutePaths?: boolean; sarifCategory?: string }, cwd: string): ReportContext {
  const lines = linesByFile(audits);
  // Snippets quote source lines: they pass through the same redaction as every message, when a
  // format asks for a file (redacting every line of every file up front cost seconds on large trees).
  const redacted = new Map<string, readonly string[] | undefined>();
  const source = (root: string, file: string): readonly string[] | undefined => {
    const key = `${root}\0${file}`;
    if (!redacted.has(key)) redacted.set(key, lines.get(root)?.get(file)?.map((l) => redactText(l)));
    return redacted.get(key);
  };
  return {
    color: false,
    quiet: Boolean(options.quiet),
    verbose: Boolean(options.verbose),
    absolutePaths: Boolean(options.absolutePaths),
    rules: ruleMetaMap(allRules),
    cwd,
    ...(options.sarifCategory ? { sarifCategory: options.sarifCategory } : {}),
    source,
  };
}

/**
 * In a GitHub Actions step, the github format also appends a Markdown summary to the job page:
 * score, verdict, factors and findings, and how many findings had no annotation (GitHub shows
 * at most 10 of each level per step).
 */
export function writeStepSummary(results: readonly AuditResult[], context: ReportContext, env: NodeJS.ProcessEnv = process.env): void {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const { leftOut } = githubAnnotations(results, context);
  const note = leftOut > 0 ? `${leftOut} finding${leftOut === 1 ? ' is' : 's are'} listed here but not annotated: GitHub shows at most 10 annotations of each level per step.` : undefined;
  try {
    appendFileSync(file, `${markdownReport(results, context, note ? { note } : {})}\n`);
  } catch (error) {
    process.stderr.write(`twelvelint: cannot write the step summary to ${file}: ${(error as Error).message}\n`);
  }
}

