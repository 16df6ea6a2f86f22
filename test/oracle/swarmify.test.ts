import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mergeDocuments, render, swarmify } from '../../src/swarmify/transform.js';

/**
 * swarmify against reality: every compose file of ../shared/corpus/compose is transformed and deployed to a
 * real swarm (the one .ci/run starts) with the inputs swarmify asks for supplied (variables, env files, secret
 * files, external secrets and networks). A transformable file must deploy; the others are listed with the reason.
 */
const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus/compose');

function swarmReachable(): boolean {
  return spawnSync('docker', ['node', 'ls'], { stdio: 'ignore', timeout: 20000 }).status === 0;
}

function composeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...composeFiles(p));
    else if (/\.ya?ml$/.test(entry)) out.push(p);
  }
  return out.sort();
}

const live = existsSync(CORPUS) && swarmReachable();
if (!existsSync(CORPUS) && process.env.CI) throw new Error(`The corpus is missing: ${CORPUS} (expected ../shared/corpus beside the project)`);
if (!live) console.log('\n*** swarmify oracle suite SKIPPED: no swarm manager reachable ***\n');

const VARIABLE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;

/** Supplies what the stack file needs from outside: the deploy inputs swarmify lists. */
function supplyInputs(dir: string, text: string, stack: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  // A variable that starts a volume spec is a host path (`${MEDIA_PATH}:/media`); the others get a plain word.
  const paths = new Set([...text.matchAll(/^\s*-\s*["']?\$\{?([A-Za-z_][A-Za-z0-9_]*)[^:\s]*:\//gm)].map((m) => m[1]));
  for (const m of text.replace(/\$\$/g, '').matchAll(VARIABLE)) env[m[1]] ??= paths.has(m[1]) ? '/tmp/swarmify-input' : 'x1';
  const data = (parse(text.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)(:?[-?+][^}]*)?\}?/g, 'x1')) ?? {}) as Record<string, Record<string, Record<string, unknown>> | undefined>;
  for (const svc of Object.values(data.services ?? {})) {
    const envFiles = svc && (Array.isArray(svc.env_file) ? svc.env_file : svc.env_file ? [svc.env_file] : []);
    for (const f of (envFiles ?? []) as unknown[]) {
      const p = path.resolve(dir, typeof f === 'string' ? f : String((f as { path?: string }).path ?? ''));
      if (!existsSync(p)) {
        mkdirSync(path.dirname(p), { recursive: true });
        writeFileSync(p, '');
      }
    }
  }
  for (const kind of ['secrets', 'configs'] as const) {
    for (const [name, def] of Object.entries(data[kind] ?? {})) {
      const d = (def ?? {}) as { file?: string; external?: unknown; name?: string };
      if (d.file && !existsSync(path.resolve(dir, d.file))) {
        mkdirSync(path.dirname(path.resolve(dir, d.file)), { recursive: true });
        writeFileSync(path.resolve(dir, d.file), 'x1');
      }
      if (d.external) spawnSync('sh', ['-c', `printf x1 | docker ${kind === 'secrets' ? 'secret' : 'config'} create ${d.name ?? name} -`], { stdio: 'ignore' });
    }
  }
  for (const [name, def] of Object.entries(data.networks ?? {})) {
    const d = (def ?? {}) as { external?: unknown; name?: string };
    const external = typeof d.external === 'object' && d.external !== null ? (d.external as { name?: string }).name : undefined;
    if (d.external) spawnSync('docker', ['network', 'create', '--driver', 'overlay', '--attachable', external ?? d.name ?? name], { stdio: 'ignore' });
  }
  void stack;
  return env;
}

describe.skipIf(!live)('swarmify: what it writes, a real Swarm deploys', () => {
  const files = live ? composeFiles(CORPUS) : [];
  const summary: { file: string; deployed: boolean; blocked?: boolean; reason?: string }[] = [];

  for (const [i, file] of files.entries()) {
    const rel = path.relative(CORPUS, file);
    it(rel, () => {
      // A copy of the file's folder: relative paths keep their meaning and ../shared stays untouched.
      const work = mkdtempSync(path.join(tmpdir(), 'swarmify-'));
      cpSync(path.dirname(file), work, { recursive: true });
      const transform = (inputs: string[]) => {
        const { doc, errors } = mergeDocuments(inputs.map((f) => ({ name: path.relative(CORPUS, f), text: readFileSync(f, 'utf8') })));
        expect(errors).toEqual([]);
        return swarmify(doc, { imagePrefix: 'registry.example/acme', tag: '1.0.0', project: 'corpus', defaults: true });
      };
      let result = transform([file]);
      // An override file (services without image or build) is deployed merged onto the main file beside it, as `-f base -f override`.
      const base = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'].map((n) => path.join(path.dirname(file), n)).find((p) => p !== file && existsSync(p));
      if (base && result.blockers.length > 0 && result.blockers.every((b) => b.includes('neither image nor build'))) result = transform([base, file]);
      const text = render(result.doc);
      const out = path.join(work, '__swarmify-stack.yml');
      writeFileSync(out, text);
      if (result.blockers.length > 0) {
        summary.push({ file: rel, deployed: false, blocked: true, reason: result.blockers.join('; ') });
        return;
      }
      const stack = `swarmify${process.pid}_${i}`;
      const env = supplyInputs(work, text, stack);
      const r = spawnSync('docker', ['stack', 'deploy', '--resolve-image', 'never', '--detach=true', '-c', out, stack], { cwd: work, env, encoding: 'utf8', timeout: 120000 });
      spawnSync('docker', ['stack', 'rm', stack], { stdio: 'ignore' });
      summary.push({ file: rel, deployed: r.status === 0, ...(r.status === 0 ? {} : { reason: (r.stderr || r.stdout).trim().split('\n').slice(-2).join(' ') }) });
      expect({ file: rel, status: r.status, output: r.status === 0 ? '' : `${r.stderr}${r.stdout}` }).toEqual({ file: rel, status: 0, output: '' });
    });
  }

  it('prints the figure', () => {
    const deployed = summary.filter((s) => s.deployed).length;
    const untransformable = summary.filter((s) => !s.deployed && s.blocked);
    console.log(`\nswarmify: ${deployed} of ${files.length} corpus files deploy after swarmify; not transformable (${untransformable.length}):\n${untransformable.map((s) => `  ${s.file}: ${s.reason}`).join('\n')}\n`);
    expect(deployed + untransformable.length).toBe(files.length);
  });
});
