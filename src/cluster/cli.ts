/** `twelvelint cluster`: checks the Swarm itself (managers, nodes, certificates, networks) through the Engine API. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { parse } from 'yaml';
import { checkCluster, type ClusterFinding, type ClusterState, type EngineInfo, type NetworkInspect, type NodeInspect, type SwarmInspect } from './checks.js';
import { EngineError, engineTarget, getJson } from './engine-api.js';
import { redactText } from '../engine/redact.js';
import { VERSION } from '../version.js';
import { REPOSITORY_URL } from '../reporters/rule-meta.js';

interface Options {
  format: string;
  stack?: string;
  failOn: 'error' | 'warning' | 'never';
  color: boolean;
}

/** Placement constraints of a stack file's services. */
function constraintsOf(file: string): { service: string; constraint: string }[] {
  const data = parse(readFileSync(file, 'utf8')) as { services?: Record<string, { deploy?: { placement?: { constraints?: unknown } } }> } | null;
  const out: { service: string; constraint: string }[] = [];
  for (const [service, def] of Object.entries(data?.services ?? {})) {
    const list = def?.deploy?.placement?.constraints;
    if (Array.isArray(list)) for (const c of list) if (typeof c === 'string') out.push({ service, constraint: c });
  }
  return out;
}

export async function clusterMain(argv: string[], cwd: string): Promise<number> {
  const program = new Command('twelvelint cluster')
    .description('Check the Swarm the project deploys to through the Docker Engine API (DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH as the docker CLI reads them): swarm state, managers and fault tolerance, nodes, engine versions, certificates, autolock, overlay encryption. Read-only: it only sends GET requests.')
    .option('-f, --format <name>', 'stylish, json, sarif or github (workflow annotations)', 'stylish')
    .option('--stack <file>', 'a stack file whose placement constraints some node must satisfy')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above it: error, warning or never', 'error')
    .option('--no-color', 'no colour')
    .addHelpText('after', '\nExit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage error or the engine could not be reached.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
  let options: Options;
  try {
    program.parse(argv, { from: 'user' });
    options = program.opts<Options>();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  if (!['stylish', 'json', 'sarif', 'github'].includes(options.format)) {
    process.stderr.write(`twelvelint cluster: unknown format "${options.format}" (stylish, json, sarif or github)\n`);
    return 2;
  }
  let state: ClusterState;
  let host: string;
  try {
    const target = engineTarget();
    host = target.host;
    const info = await getJson<EngineInfo>(target, '/info');
    state = { info };
    if (info.Swarm?.LocalNodeState === 'active' && info.Swarm.ControlAvailable) {
      // A manager answers for the whole swarm. (/swarm also holds the join tokens: they are read, never printed.)
      const [swarm, nodes, networks] = await Promise.all([getJson<SwarmInspect>(target, '/swarm'), getJson<NodeInspect[]>(target, '/nodes'), getJson<NetworkInspect[]>(target, '/networks')]);
      state = { info, swarm: { Spec: swarm.Spec, TLSInfo: swarm.TLSInfo, RootRotationInProgress: swarm.RootRotationInProgress }, nodes, networks };
    }
    if (options.stack) state.constraints = constraintsOf(path.resolve(cwd, options.stack));
  } catch (error) {
    process.stderr.write(`twelvelint cluster: ${redactText((error as Error).message)}\n`);
    return 2;
  }
  const findings = checkCluster(state);
  const text =
    options.format === 'json' ? `${JSON.stringify({ tool: { name: 'twelvelint', version: VERSION }, engine: host, findings }, null, 2)}\n`
    : options.format === 'sarif' ? sarif(findings)
    : options.format === 'github' ? github(findings)
    : stylish(findings, host, options.color && Boolean(process.stdout.isTTY));
  process.stdout.write(redactText(text));
  const rank = { info: 0, warning: 1, error: 2 } as const;
  const threshold = options.failOn === 'never' ? 3 : rank[options.failOn] ?? 2;
  return findings.some((f) => rank[f.severity] >= threshold) ? 1 : 0;
}

function stylish(findings: ClusterFinding[], host: string, color: boolean): string {
  const c = color ? pc : { red: String, yellow: String, blue: String, dim: String, bold: String };
  const mark = { error: c.red('error  '), warning: c.yellow('warning'), info: c.blue('info   ') };
  const lines = [c.bold(`Swarm at ${host}`)];
  for (const f of findings) lines.push(`  ${mark[f.severity]}  ${f.subject}: ${f.message}  ${c.dim(f.id)}`);
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  lines.push('', `${count('error')} error${count('error') === 1 ? '' : 's'}, ${count('warning')} warning${count('warning') === 1 ? '' : 's'}, ${count('info')} info`);
  return `${lines.join('\n')}\n`;
}

function sarif(findings: ClusterFinding[]): string {
  const level = { error: 'error', warning: 'warning', info: 'note' } as const;
  const ids = [...new Set(findings.map((f) => f.id))];
  return `${JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'twelvelint', version: VERSION, informationUri: REPOSITORY_URL, rules: ids.map((id) => ({ id, shortDescription: { text: id.replace('cluster/', '').replace(/-/g, ' ') } })) } },
          automationDetails: { id: 'twelvelint/cluster/' },
          results: findings.map((f) => ({ ruleId: f.id, level: level[f.severity], message: { text: `${f.subject}: ${f.message}` } })),
        },
      ],
    },
    null,
    2,
  )}\n`;
}

/** GitHub workflow commands: one annotation per finding (no file: they are about the swarm). */
function github(findings: ClusterFinding[]): string {
  const level = { error: 'error', warning: 'warning', info: 'notice' } as const;
  const escape = (t: string) => t.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return findings.map((f) => `::${level[f.severity]} title=${escape(f.id).replace(/,/g, '%2C').replace(/:/g, '%3A')}::${escape(`${f.subject}: ${f.message}`)}\n`).join('');
}
