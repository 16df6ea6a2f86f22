import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { audit } from './engine/run.js';
import { ConfigError } from './engine/config.js';
import { UsageError } from './project/discover.js';
import { reporters } from './reporters/index.js';
import { allRules } from './rules/index.js';
import { FACTORS, type Severity, type SeveritySetting } from './rules/rule.js';
import { loadEnvFile } from './project/load-env.js';
import { VERSION } from './version.js';
import type { AuditResult } from './engine/result.js';

const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

interface CliOptions {
  format: string;
  output?: string;
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
  envFile?: string;
  reportUnusedDisable?: boolean;
  debug?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function buildProgram(): Command {
  return new Command('twelvelint')
    .description(
      'Audit a repository against the Twelve-Factor App methodology and predict what `docker stack deploy` does with it.\n' +
        'A directory is discovered recursively (honouring .gitignore); a file is audited as given.',
    )
    .argument('[paths...]', 'files or directories to audit', ['.'])
    .option('-f, --format <name>', `output format: ${Object.keys(reporters).join(', ')}`, 'stylish')
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .option('-c, --config <file>', 'use this config file (the only way a .js config is ever run)')
    .option('--rule <id:severity>', 'set a rule to off|info|warning|error (repeatable)', collect, [])
    .option('--ignore-pattern <glob>', 'leave out files matching the pattern (repeatable)', collect, [])
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(['error', 'warning', 'info']).default('error'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-q, --quiet', 'report errors only')
    .option('--no-color', 'disable colour (also NO_COLOR=1)')
    .option('--env <KEY=VALUE>', 'a variable the deploy environment will have (repeatable); default: none', collect, [])
    .option('--env-file <file>', 'read deploy environment variables from a dotenv file')
    .option('--report-unused-disable', 'report twelvelint-disable comments that suppress nothing')
    .option('--print-config', 'print the resolved configuration and exit')
    .option('--list-rules', 'print the rule catalogue and exit')
    .option('--debug', 'print stack traces of internal errors')
    .version(VERSION, '-v, --version')
    .addHelpText(
      'after',
      `
Exit codes:
  0  no findings at or above --fail-on (and no more warnings than --max-warnings)
  1  findings at or above --fail-on, or too many warnings
  2  usage error, invalid config or internal error

Examples:
  twelvelint                         audit the current directory
  twelvelint docker-stack.yml        predict what docker stack deploy does with one file
  twelvelint --env DOMAIN=example.com --format json .`,
    );
}

function parseRuleFlags(flags: string[]): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const flag of flags) {
    const i = flag.lastIndexOf(':');
    const id = flag.slice(0, i);
    const severity = flag.slice(i + 1) as SeveritySetting;
    if (i <= 0 || !(SEVERITIES as readonly string[]).includes(severity)) throw new UsageError(`--rule expects <id>:<${SEVERITIES.join('|')}>, got "${flag}"`);
    out[id] = severity;
  }
  return out;
}

function deployEnvironment(options: CliOptions, cwd: string): Map<string, string> {
  const env = new Map<string, string>();
  if (options.envFile) {
    const abs = path.resolve(cwd, options.envFile);
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch {
      throw new UsageError(`Cannot read --env-file ${options.envFile}`);
    }
    const parsed = loadEnvFile({ path: options.envFile, absPath: abs, kind: 'env', size: text.length, text, lines: text.split(/\r?\n/) });
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
  return 0;
}

export async function main(argv: string[], cwd = process.cwd()): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
  let options: CliOptions;
  let paths: string[];
  try {
    program.parse(argv, { from: 'user' });
    options = program.opts<CliOptions>();
    paths = program.processedArgs[0] as string[];
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  try {
    if (options.listRules) {
      process.stdout.write(listRules());
      return 0;
    }
    const reporter = reporters[options.format];
    if (!reporter) throw new UsageError(`Unknown format "${options.format}"; available: ${Object.keys(reporters).join(', ')}`);
    let maxWarnings: number | undefined;
    if (options.maxWarnings !== undefined) {
      maxWarnings = Number(options.maxWarnings);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings expects a whole number, got "${options.maxWarnings}"`);
    }
    const { result, config } = await audit({
      paths,
      cwd,
      configFile: options.config,
      cliRules: parseRuleFlags(options.rule),
      ignorePatterns: options.ignorePattern,
      deployEnv: deployEnvironment(options, cwd),
      reportUnusedDisable: options.reportUnusedDisable,
    });
    if (options.printConfig) {
      const printed = {
        source: config.source,
        extends: config.extends,
        rules: Object.fromEntries([...config.rules.values()].map((r) => [r.rule.id, Object.keys(r.options).length ? [r.severity, r.options] : r.severity])),
        ignores: config.ignores,
        maxFileSize: config.maxFileSize,
      };
      process.stdout.write(`${JSON.stringify(printed, null, 2)}\n`);
      return 0;
    }
    const color = options.color && !process.env.NO_COLOR && !options.output && (Boolean(process.stdout.isTTY) || Boolean(process.env.FORCE_COLOR));
    const text = reporter(result, { color, quiet: Boolean(options.quiet) });
    if (options.output) {
      try {
        writeFileSync(path.resolve(cwd, options.output), text);
      } catch (error) {
        throw new UsageError(`Cannot write --output ${options.output}: ${(error as Error).message}`);
      }
    } else process.stdout.write(text);
    return exitCodeFor(result, options.quiet ? 'error' : options.failOn, options.quiet ? undefined : maxWarnings);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`twelvelint: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`twelvelint: internal error: ${(error as Error).message}\n`);
    if (options.debug) process.stderr.write(`${(error as Error).stack}\n`);
    else process.stderr.write('Run again with --debug for details.\n');
    return 2;
  }
}
