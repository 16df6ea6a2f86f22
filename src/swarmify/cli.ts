/**
 * `twelvelint swarmify <compose files…>`: writes the stack file (stdout or -o) and tells, on stderr, every
 * change, every build/push to run, every input the deploy needs and every decision left to the user.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { mergeDocuments, render, swarmify, type SwarmifyResult } from './transform.js';
import { runGit } from '../project/git.js';
import { loadEnvFile } from '../project/load-env.js';
import { redactText } from '../engine/redact.js';

interface Options {
  output?: string;
  imagePrefix?: string;
  tag?: string;
  project?: string;
  defaults: boolean;
  format: 'text' | 'json';
}

/** The git short SHA of the repository holding the file, else a date tag: never `latest`. */
function defaultTag(dir: string): string {
  try {
    const sha = runGit(dir, ['rev-parse', '--short', 'HEAD'], 5_000).trim();
    if (/^[0-9a-f]{4,40}$/.test(sha)) return sha;
  } catch {
    // not a repository
  }
  return new Date().toISOString().slice(0, 10).replace(/-/g, '');
}

const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)((?::?[-?+])[^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Variables the stack file interpolates that have no default and are not in the deploy environment. */
function deployInputs(text: string, env: NodeJS.ProcessEnv): string[] {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    for (const m of line.replace(/\$\$/g, '').matchAll(VARIABLE)) {
      const name = m[1] ?? m[3];
      const op = m[2] ?? '';
      if (/^:?-/.test(op) || /^:?\+/.test(op)) continue;
      if (env[name] === undefined) out.add(name);
    }
  }
  return [...out];
}

export async function swarmifyMain(argv: string[], cwd: string): Promise<number> {
  const program = new Command('twelvelint swarmify')
    .description('Write a stack file that docker stack deploy accepts from compose files (merged in order, as docker compose -f a -f b merges them), and list every change and every decision left to you.')
    .argument('<files...>', 'compose files: the base first, then overrides')
    .option('-o, --output <file>', 'write the stack file here instead of stdout')
    .option('--image-prefix <registry/namespace>', 'registry and namespace for images built from build: (e.g. ghcr.io/acme)')
    .option('--tag <tag>', 'tag for those images (default: the git short SHA, never latest)')
    .option('--project <name>', 'project name used in image names (default: the folder of the first file)')
    .option('--no-defaults', 'do not add deploy defaults (update_config, rollback_config, restart_policy)')
    .addHelpText('after', '\nExit codes: 0 the stack file was written; 1 it was written but something swarmify cannot transform remains (listed); 2 usage error or unreadable input.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
  program.option('--format <format>', 'the report on stderr: text or json', 'text');
  let files: string[];
  let options: Options;
  try {
    program.parse(argv, { from: 'user' });
    files = program.processedArgs[0] as string[];
    options = program.opts<Options>();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const texts: { name: string; text: string }[] = [];
  for (const f of files) {
    const abs = path.resolve(cwd, f);
    try {
      texts.push({ name: f, text: readFileSync(abs, 'utf8') });
    } catch (error) {
      process.stderr.write(`twelvelint swarmify: cannot read ${f}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
  }
  const { doc, expanded, errors } = mergeDocuments(texts);
  if (errors.length > 0) {
    process.stderr.write(`twelvelint swarmify: the YAML does not parse:\n${errors.map((e) => `  ${e}`).join('\n')}\n`);
    return 2;
  }
  const dir = path.dirname(path.resolve(cwd, files[0]));
  const project = options.project ?? path.basename(dir).toLowerCase().replace(/[^a-z0-9_.-]+/g, '-');
  // `extends: {file: …}` is read relative to the first file, inside its folder tree only.
  const readFile = (rel: string): string | undefined => {
    const abs = path.resolve(dir, rel);
    if (!abs.startsWith(dir + path.sep)) return undefined;
    try {
      return readFileSync(abs, 'utf8');
    } catch {
      return undefined;
    }
  };
  const result = swarmify(doc, { imagePrefix: options.imagePrefix, tag: options.tag ?? defaultTag(dir), project, defaults: options.defaults, readFile });
  const text = render(result.doc);
  const inputs = deployInputs(text, process.env);
  // `.env` beside the file: docker compose reads it, docker stack deploy does not (moby/moby#29133).
  const dotenvPath = path.join(dir, '.env');
  const dotenvText = existsSync(dotenvPath) ? readFileSync(dotenvPath, 'utf8') : undefined;
  const fromDotenv = new Set(dotenvText === undefined ? [] : loadEnvFile({ path: '.env', absPath: dotenvPath, kind: 'env', size: dotenvText.length, text: dotenvText, lines: dotenvText.split(/\r?\n/) }).entries.map((e) => e.key));
  // Secret values go to files beside the stack file (0600), never into the report.
  const secretDir = options.output ? path.dirname(path.resolve(cwd, options.output)) : dir;
  const written: string[] = [];
  for (const f of result.secretFiles) {
    const abs = path.resolve(secretDir, f.path);
    if (existsSync(abs)) {
      result.decisions.push(`${f.path} exists already and was not overwritten: check it holds the value the file had in environment`);
      continue;
    }
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, f.value, { mode: 0o600 });
    written.push(f.path);
  }
  if (written.length > 0) result.decisions.push(`keep ${written.join(', ')} out of git (add secrets/ to .gitignore); docker stack deploy reads them to create the secrets`);
  const report: Omit<SwarmifyResult, 'secretFiles'> & { secretFiles: string[]; expanded: boolean; deployInputs: { name: string; inDotenv: boolean }[] } = {
    ...result,
    secretFiles: result.secretFiles.map((f) => f.path),
    text,
    expanded,
    deployInputs: inputs.map((name) => ({ name, inDotenv: fromDotenv.has(name) })),
  };
  if (options.output) writeFileSync(path.resolve(cwd, options.output), text);
  else process.stdout.write(text);
  process.stderr.write(redactText(options.format === 'json' ? `${JSON.stringify({ ...report, text: undefined, doc: undefined }, null, 2)}\n` : describe(report, options.output)));
  return result.blockers.length > 0 ? 1 : 0;
}

function describe(r: Omit<SwarmifyResult, 'secretFiles'> & { expanded: boolean; deployInputs: { name: string; inDotenv: boolean }[] }, output: string | undefined): string {
  const lines: string[] = [];
  if (r.expanded) lines.push('YAML anchors and merge keys were expanded (their comments are not kept).');
  if (r.changes.length > 0) {
    lines.push(`Changes (${r.changes.length}):`);
    for (const c of r.changes) lines.push(`  ${c.service ? `${c.service}: ` : ''}${c.key} ${c.action}: ${c.note}`);
  }
  if (r.buildCommands.length > 0) lines.push('', 'Build and push the images first:', ...r.buildCommands.map((c) => `  ${c}`));
  if (r.deployInputs.length > 0) {
    lines.push('', `Set these in the shell that runs docker stack deploy (it reads no .env file): ${r.deployInputs.map((i) => i.name).join(', ')}`);
    if (r.deployInputs.some((i) => i.inDotenv)) lines.push('  .env beside the file sets some of them: set -a; . ./.env; set +a   (then docker stack deploy)');
  }
  if (r.decisions.length > 0) lines.push('', 'Left to you:', ...r.decisions.map((d) => `  - ${d}`));
  if (r.blockers.length > 0) lines.push('', 'Not transformable (docker stack deploy will still refuse the file):', ...r.blockers.map((b) => `  - ${b}`));
  lines.push('', output ? `Wrote ${output}. Deploy with: docker stack deploy -c ${output} <stack>` : 'Deploy with: docker stack deploy -c <this file> <stack>');
  return `${lines.join('\n')}\n`;
}
