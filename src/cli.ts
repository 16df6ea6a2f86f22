import { planEdits, unifiedDiff, writeEdits } from './engine/fix.js';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { redactDeep, redactText } from './engine/redact.js';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { audit } from './engine/run.js';
import { ConfigError, normalizeSeverity } from './engine/config.js';
import { UsageError } from './project/discover.js';
import { reporters } from './reporters/index.js';
import { parseFormats, reportContext, writeStepSummary } from './cli-output.js';
import { applyBaseline, BaselineError, readBaseline, writeBaseline } from './engine/baseline.js';
import { filterFindings } from './engine/filter-results.js';
import { changedFiles, ChangedFilesError } from './project/changed-files.js';
import { MAX_READ_BYTES, readNamedFile } from './project/reader.js';
import { docsUrl } from './reporters/rule-meta.js';
import { allRules } from './rules/index.js';
import { FACTORS, type Severity, type SeveritySetting } from './rules/rule.js';
import { loadEnvFile } from './project/load-env.js';
import { DEFAULT_LIMITS } from './project/limits.js';
import { VERSION } from './version.js';
import type { AuditResult } from './engine/result.js';
import type { VerdictGate } from './engine/config.js';
import { gateFails } from './engine/verdict.js';

const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

interface CliOptions {
  format: string[];
  output?: string;
  verbose?: boolean;
  absolutePaths?: boolean;
  sarifCategory?: string;
  baseline?: string;
  writeBaseline?: string;
  changed?: boolean;
  changedSince?: string;
  stdin?: boolean;
  stdinFilename?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  config?: string;
  rule: string[];
  ignorePattern: string[];
  failOn: Severity;
  maxWarnings?: string;
  quiet?: boolean;
  color: boolean;
  printConfig?: boolean;
  listRules?: boolean;
  env: string[];
  deployEnvFile?: string;
  envFile?: string;
  reportUnusedDisable?: boolean;
  debug?: boolean;
  stack: string[];
  failOnVerdict?: VerdictGate;
}

// Repeatable options start undefined (so --help shows no "(default: [])") and are normalized after parsing.
const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

function buildProgram(): Command {
  return new Command('twelvelint')
    .description(
      'Audit a repository against the Twelve-Factor App methodology and predict what `docker stack deploy` does with it.\n' +
        'A directory is discovered recursively (honouring .gitignore); a file is audited as given.',
    )
    .argument('[paths...]', 'files or directories to audit', ['.'])
    .option('-f, --format <name[=file]>', `output format, repeatable; name=file writes that format to a file: ${Object.keys(reporters).join(', ')} (default: stylish)`, collect)
    .option('-o, --output <file>', 'write the report (the one format given without =file) to a file instead of stdout')
    .option('--verbose', 'stylish: print each rule\'s docs URL under its findings')
    .option('--absolute-paths', 'print absolute paths (stylish, json, junit, checkstyle); SARIF stays relative to its base id')
    .option('--sarif-category <id>', 'SARIF automationDetails.id (the code scanning category); default twelvelint/<audited folder>/')
    .option('-c, --config <file>', 'use this config file (the only way a .js config is ever run)')
    .option('--rule <id:severity>', 'set a rule to off|info|warning|error, or ESLint\'s warn and 0/1/2 (repeatable)', collect)
    .option('--ignore-pattern <glob>', 'leave out files matching the pattern, relative to the audited folder (repeatable)', collect)
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(['error', 'warning', 'info']).default('error'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)')
    .option('-q, --quiet', 'report errors only')
    .option('--no-color', 'disable colour (also NO_COLOR=1)')
    .option('--env <KEY=VALUE>', 'a variable the deploy environment will have (repeatable); default: none', collect)
    .option('--deploy-env-file <file>', 'read deploy environment variables from a dotenv file')
    // Node.js 20 itself reads any --env-file argument before a program starts: the old name is kept, not advertised.
    .addOption(new Option('--env-file <file>').hideHelp())
    .option('--stack <file>', 'the compose/stack file the project deploys with (repeatable); default: found by name', collect)
    .addOption(new Option('--fail-on-verdict <verdict>', 'exit 1 when the Swarm verdict is this bad or worse (default: not-deployable, or the config\'s failOnVerdict)').choices(['not-deployable', 'needs-deploy-inputs', 'never']))
    .option('--baseline <file>', 'report only findings that are not in this baseline (matched by fingerprint, which survives line moves); stale entries are noted')
    .option('--write-baseline <file>', 'write every current finding to a baseline file, then report against it')
    .option('--changed', 'report only findings in files changed since the merge base with the default branch (uncommitted and untracked files included); cross-file links still use every file')
    // A separate option rather than `--changed [ref]`: an optional value would swallow the path after it.
    .option('--changed-since <ref>', 'as --changed, comparing with this git ref')
    .option('--stdin', 'read one file\'s text from standard input (an editor\'s buffer); only its findings are reported')
    .option('--stdin-filename <path>', 'the path of the --stdin text, for classification and links to the other files')
    .option('--fix', 'apply the safe fixes rules offer (exec-form CMD, npm ci where a lockfile exists …) to the files in place, then report what is left')
    .option('--fix-dry-run', 'print the safe fixes as a unified diff (git apply takes it) instead of a report; exit 1 when there is something to fix')
    .option('--report-unused-disable', 'report twelvelint-disable comments that suppress nothing')
    .option('--print-config', 'print the resolved configuration and exit')
    .option('--list-rules', 'print the rule catalogue and exit')
    .option('--debug', 'print stack traces of internal errors')
    .version(VERSION, '-v, --version')
    .addHelpText(
      'after',
      `
Exit codes:
  0  no findings at or above --fail-on, no more warnings than --max-warnings,
     and a Swarm verdict better than --fail-on-verdict
  1  findings at or above --fail-on, too many warnings, or the Swarm verdict
     is --fail-on-verdict or worse (default: not-deployable)
  2  usage error, invalid config, nothing to audit, or internal error

Commands:
  twelvelint swarmify <compose files…>  write a stack file docker stack deploy
                                        accepts, and list every change (see
                                        twelvelint swarmify --help)
  twelvelint cluster                    check the Swarm itself through the
                                        Docker Engine API (see twelvelint
                                        cluster --help)

Several paths are audited as one project when they are in one repository,
else as separate projects (one report each; JSON: an array).

Examples:
  twelvelint                         audit the current directory
  twelvelint docker-stack.yml        predict what docker stack deploy does with one file
  twelvelint --env DOMAIN=example.com --format json .`,
    );
}

function parseRuleFlags(flags: string[]): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = Object.create(null) as Record<string, SeveritySetting>;
  for (const flag of flags) {
    const i = flag.lastIndexOf(':');
    const id = flag.slice(0, i);
    const severity = normalizeSeverity(flag.slice(i + 1));
    if (i <= 0 || severity === undefined) throw new UsageError(`--rule expects <id>:<${SEVERITIES.join('|')}> (ESLint's warn and 0/1/2 work too), got "${flag}"`);
    out[id] = severity;
  }
  return out;
}

function isPipe(file: string): boolean {
  try {
    return statSync(file).isFIFO();
  } catch {
    return false;
  }
}

function deployEnvironment(options: CliOptions, cwd: string): Map<string, string> {
  const env = new Map<string, string>();
  const envFile = options.deployEnvFile ?? options.envFile;
  if (envFile) {
    const flag = options.deployEnvFile ? '--deploy-env-file' : '--env-file';
    const abs = path.resolve(cwd, envFile);
    let text: string;
    try {
      text = readNamedFile(abs, DEFAULT_LIMITS.maxFileSize).toString('utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`Cannot read ${flag} ${envFile}${code === 'EFBIG' || code === 'EISDIR' ? `: ${(error as Error).message}` : code ? ` (${code})` : ''}`);
    }
    // Node 20 reads an --env-file argument itself before any script runs, so a pipe arrives drained.
    if (text === '' && !options.deployEnvFile && isPipe(abs)) throw new UsageError(`--env-file ${envFile} is a pipe that arrived empty: Node.js 20 reads --env-file paths itself before twelvelint starts; use --deploy-env-file`);
    const parsed = loadEnvFile({ path: envFile, absPath: abs, kind: 'env', size: text.length, text, lines: text.split(/\r?\n/) });
    for (const e of parsed.entries) env.set(e.key, e.value);
  }
  for (const pair of options.env) {
    const i = pair.indexOf('=');
    if (i <= 0) throw new UsageError(`--env expects KEY=VALUE, got "${pair}"`);
    env.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return env;
}

function listRules(): string {
  const rows = allRules.map((r) => [r.id, r.factor, r.severity, r.swarm, r.recommended ? 'yes' : '', r.docs.summary]);
  const header = ['rule', 'factor', 'severity', 'swarm', 'recommended', 'summary'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  const order = (id: string) => [...FACTORS, 'swarm'].indexOf(id);
  rows.sort((a, b) => order(a[1]) - order(b[1]) || a[0].localeCompare(b[0]));
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${rows.length} rules\n`;
}

export function exitCodeFor(result: AuditResult, failOn: Severity, maxWarnings: number | undefined): 0 | 1 {
  const findings = result.results.flatMap((r) => r.messages);
  if (findings.some((m) => RANK[m.level] >= RANK[failOn])) return 1;
  if (maxWarnings !== undefined && result.summary.counts.warning > maxWarnings) return 1;
  // A verdict printed as a failure never exits 0.
  if (result.summary.swarm.failed) return 1;
  return 0;
}

/** The directory that holds a path's repository (the nearest ancestor with `.git`), else the path's own directory. */
function projectRootOf(abs: string): string {
  let dir = existsSync(abs) && statSync(abs).isDirectory() ? abs : path.dirname(abs);
  const own = dir;
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return own;
    dir = parent;
  }
}

/** Paths of one repository are one project; paths of different repositories (or none) are separate projects. */
export function groupPaths(paths: readonly string[], cwd: string): string[][] {
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    const root = projectRootOf(path.resolve(cwd, p));
    groups.set(root, [...(groups.get(root) ?? []), p]);
  }
  return [...groups.values()];
}

/**
 * On a terminal, an audit that takes more than a moment says what it is doing on stderr (the
 * line is cleared when the report starts). Nothing is printed when stderr is not a TTY.
 */
function startProgress(total: number): { step(index: number, paths: string[]): void; stop(): void } {
  if (!process.stderr.isTTY) return { step() {}, stop() {} };
  let text = '';
  let shown = false;
  const timer = setTimeout(() => {
    shown = true;
    process.stderr.write(`\r\x1b[K${text}`);
  }, 600);
  timer.unref();
  return {
    step(index, paths) {
      text = `twelvelint: auditing ${paths.join(' ')}${total > 1 ? ` (${index + 1}/${total})` : ''}…`;
      if (shown) process.stderr.write(`\r\x1b[K${text}`);
    },
    stop() {
      clearTimeout(timer);
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

export interface CliIO {
  /** Standard input as text (tests give it directly). */
  readStdin?: () => Promise<string>;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_READ_BYTES) throw new UsageError(`--stdin: more than ${MAX_READ_BYTES / 1e6} MB on standard input`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function main(argv: string[], cwd = process.cwd(), io: CliIO = {}): Promise<number> {
  // Subcommands; anything else is a path to audit (`./swarmify` still audits a folder of that name).
  if (argv[0] === 'swarmify') {
    const { swarmifyMain } = await import('./swarmify/cli.js');
    return swarmifyMain(argv.slice(1), cwd);
  }
  if (argv[0] === 'cluster') {
    const { clusterMain } = await import('./cluster/cli.js');
    return clusterMain(argv.slice(1), cwd);
  }
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
  let options: CliOptions;
  let paths: string[];
  try {
    program.parse(argv, { from: 'user' });
    options = program.opts<CliOptions>();
    for (const key of ['format', 'rule', 'ignorePattern', 'env', 'stack'] as const) options[key] ??= [];
    paths = program.processedArgs[0] as string[];
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  try {
    if (options.listRules) {
      process.stdout.write(options.format.some((f) => f.split('=')[0] === 'json') ? `${JSON.stringify(allRules.map((r) => ({ id: r.id, factor: r.factor, severity: r.severity, swarm: r.swarm, recommended: r.recommended, summary: r.docs.summary, docs: docsUrl(r.id) })), null, 2)}\n` : listRules());
      return 0;
    }
    const outputs = parseFormats(options.format, options.output);
    let maxWarnings: number | undefined;
    if (options.maxWarnings !== undefined) {
      maxWarnings = Number(options.maxWarnings);
      // -1 is ESLint's "no limit".
      if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings expects a whole number (-1: no limit), got "${options.maxWarnings}"`);
      if (maxWarnings === -1) maxWarnings = undefined;
    }
    if ((options.fix || options.fixDryRun) && options.stdin) throw new UsageError('--fix and --fix-dry-run edit files on disk; they cannot be used with --stdin');
    let overlay: { path: string; text: string } | undefined;
    if (options.stdin) {
      if (!options.stdinFilename) throw new UsageError('--stdin needs --stdin-filename <path>: the file the text is (it decides how the text is read)');
      overlay = { path: path.resolve(cwd, options.stdinFilename), text: await (io.readStdin ?? readStdin)() };
    } else if (options.stdinFilename) throw new UsageError('--stdin-filename is only used with --stdin');
    const groups = groupPaths(paths, cwd);
    if (overlay && groups.length > 1) throw new UsageError('--stdin audits one project: give one folder');
    if (options.fix && options.fixDryRun) throw new UsageError('use --fix or --fix-dry-run, not both');
    // Read once for every project: the env file may be a pipe that can be read only once.
    const cliRules = parseRuleFlags(options.rule);
    const deployEnv = deployEnvironment(options, cwd);
    const runAudits = async () => {
      const done = [];
      const progress = startProgress(groups.length);
      try {
        for (const [i, group] of groups.entries()) {
          progress.step(i, group);
          done.push(
            await audit({
              paths: group,
              cwd,
              configFile: options.config,
              cliRules,
              ignorePatterns: options.ignorePattern,
              deployEnv,
              reportUnusedDisable: options.reportUnusedDisable,
              stack: options.stack,
              ...(overlay ? { overlay } : {}),
            }),
          );
        }
      } finally {
        progress.stop();
      }
      return done;
    };
    /** What the report covers: the --stdin file, or the files changed (the score and verdict stay the whole project's). */
    const narrow = (done: Awaited<ReturnType<typeof runAudits>>) => {
      if (overlay) {
        for (const a of done) {
          const rel = path.relative(a.result.root, overlay.path).split(path.sep).join('/');
          filterFindings(a.result, (file) => file.filePath === rel);
          a.result.results = a.result.results.filter((f) => f.filePath === rel);
        }
      }
      if (options.changed || options.changedSince) {
        for (const a of done) {
          const { base, files } = changedFiles(a.result.root, options.changedSince);
          filterFindings(a.result, (file) => files.has(file.filePath));
          a.result.results = a.result.results.filter((f) => f.messages.length > 0 || f.suppressedMessages.length > 0);
          a.result.diagnostics.push({ code: 'changed-only', severity: 'info', message: `Only findings in the ${files.size} file${files.size === 1 ? '' : 's'} changed since ${base.slice(0, 12)} are reported; the score and the verdict are the whole project's` });
        }
      }
      return done;
    };
    let audits = narrow(await runAudits());
    if (options.fix || options.fixDryRun) {
      const plans = audits.map((a) => ({ result: a.result, edits: planEdits(a.result) }));
      if (options.fixDryRun) {
        const diff = plans.map((p) => unifiedDiff(p.edits)).join('');
        process.stdout.write(diff);
        return diff ? 1 : 0;
      }
      const changed = plans.reduce((n, p) => n + p.edits.length, 0);
      for (const p of plans) writeEdits(p.result, p.edits);
      if (changed > 0) {
        const applied = plans.reduce((n, p) => n + p.edits.reduce((m, e) => m + e.applied, 0), 0);
        process.stderr.write(`twelvelint: applied ${applied} fix${applied === 1 ? '' : 'es'} in ${changed} file${changed === 1 ? '' : 's'}\n`);
        // The report tells what is left after the fixes.
        audits = narrow(await runAudits());
      }
    }
    if (options.printConfig) {
      const config = audits[0].config;
      const printed = {
        source: config.source,
        extends: config.extends,
        // Every rule, those turned off included (ESLint prints them as "off" too).
        rules: Object.fromEntries(allRules.map((rule) => {
          const r = config.rules.get(rule.id);
          return [rule.id, !r ? 'off' : Object.keys(r.options).length ? [r.severity, r.options] : r.severity];
        })),
        ignores: config.ignores,
        limits: config.limits,
        stack: config.stack,
        failOnVerdict: options.failOnVerdict ?? config.failOnVerdict,
      };
      process.stdout.write(`${JSON.stringify(redactDeep(printed), null, 2)}\n`);
      return 0;
    }
    const results = audits.map((a) => a.result);
    for (const result of results) {
      if (result.diagnostics.some((d) => d.code === 'nothing-to-audit')) throw new UsageError(`Nothing to audit in ${result.root}: no Dockerfile, compose file, dependency manifest, env file or source file was found`);
      if (options.failOnVerdict) {
        result.summary.swarm.gate = options.failOnVerdict;
        result.summary.swarm.failed = gateFails(result.summary.swarm.verdict, options.failOnVerdict);
      }
    }
    if (options.writeBaseline) {
      const n = writeBaseline(path.resolve(cwd, options.writeBaseline), results);
      process.stderr.write(`twelvelint: wrote ${n} finding${n === 1 ? '' : 's'} to the baseline ${options.writeBaseline}\n`);
    }
    const baselineFile = options.baseline ?? options.writeBaseline;
    if (baselineFile) {
      const stale = applyBaseline(results, readBaseline(path.resolve(cwd, baselineFile)));
      if (stale.length) results[0].diagnostics.push({ code: 'baseline-stale', severity: 'info', message: `${stale.length} baseline entr${stale.length === 1 ? 'y matches' : 'ies match'} no finding any more (fixed or gone): run --write-baseline ${baselineFile} to drop ${stale.length === 1 ? 'it' : 'them'} (${stale.slice(0, 3).map((e) => `${e.filePath}: ${e.ruleId ?? 'parse error'}`).join('; ')}${stale.length > 3 ? '; …' : ''})` });
    }
    const context = reportContext(audits, options, cwd);
    for (const out of outputs) {
      const reporter = reporters[out.format];
      const color = out.file === undefined && options.color && !process.env.NO_COLOR && (Boolean(process.stdout.isTTY) || Boolean(process.env.FORCE_COLOR));
      const text = reporter(results, { ...context, color });
      if (out.file !== undefined) {
        try {
          writeFileSync(path.resolve(cwd, out.file), text);
        } catch (error) {
          throw new UsageError(`Cannot write ${out.format} report to ${out.file}: ${(error as Error).message}`);
        }
      } else process.stdout.write(text);
      if (out.format === 'github') writeStepSummary(results, context);
    }
    const failOn = options.quiet ? 'error' : options.failOn;
    const limit = options.quiet ? undefined : maxWarnings;
    const warnings = results.reduce((n, r) => n + r.summary.counts.warning, 0);
    if (limit !== undefined && warnings > limit) {
      process.stderr.write(`twelvelint: ${warnings} warning${warnings === 1 ? '' : 's'} found; --max-warnings allows ${limit}\n`);
    }
    const codes = results.map((r) => exitCodeFor(r, failOn, limit));
    return codes.some((c) => c === 1) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof BaselineError || error instanceof ChangedFilesError) {
      process.stderr.write(`twelvelint: ${redactText(error.message)}\n`);
      return 2;
    }
    process.stderr.write(`twelvelint: internal error: ${redactText((error as Error).message)}\n`);
    if (options.debug) process.stderr.write(`${redactText(String((error as Error).stack))}\n`);
    else process.stderr.write('Run again with --debug for details.\n');
    return 2;
  }
}
