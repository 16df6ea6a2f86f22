import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { audit } from '../../src/engine/run.js';
import { parseYaml, type YNode } from '../../src/project/yaml-tree.js';
import type { AuditResult } from '../../src/engine/result.js';

export const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus/compose');

export interface Verdict {
  file: string;
  deployed: boolean;
  messages: string[];
}

export function readVerdicts(): Verdict[] {
  const file = path.join(CORPUS, 'verdicts.jsonl');
  if (!existsSync(file)) throw new Error(`The corpus is missing: ${file} (expected ../shared/corpus beside the project)`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Verdict);
}

/** Options the oracle says Swarm ignored: { option, kind } from its messages. */
export function ignoredOptions(messages: readonly string[]): { option: string; binding?: string }[] {
  const out: { option: string; binding?: string }[] = [];
  let inDeprecated = false;
  for (const m of messages) {
    const unsupported = /^Ignoring unsupported options: (.*)$/.exec(m);
    if (unsupported) {
      for (const o of unsupported[1].split(',')) out.push({ option: o.trim() });
      continue;
    }
    if (m === 'Ignoring deprecated options:') {
      inDeprecated = true;
      continue;
    }
    const dep = /^(\w+): /.exec(m);
    if (inDeprecated && dep) {
      out.push({ option: dep[1] });
      continue;
    }
    inDeprecated = false;
    const ip = /^ignoring IP-address \(([^)]+)\)/.exec(m);
    if (ip) out.push({ option: 'ports', binding: ip[1] });
  }
  return out;
}

/** Lines on which a service key stands (or, for ports, the line of the matching port entry). */
export function keyLines(text: string, option: string, binding?: string): number[] {
  const { root } = parseYaml(text);
  const services = root?.kind === 'map' ? root.entries.find((e) => e.key === 'services')?.value : undefined;
  const lines: number[] = [];
  if (services?.kind !== 'map') return lines;
  for (const s of services.entries) {
    if (s.value.kind !== 'map') continue;
    const entry = s.value.entries.find((e) => e.key === option);
    if (!entry) continue;
    if (!binding) {
      lines.push(entry.keyRange.line);
      continue;
    }
    const [ip, host] = binding.split(':');
    const items: YNode[] = entry.value.kind === 'seq' ? entry.value.items : [];
    for (const item of items) if (item.kind === 'scalar' && String(item.value).startsWith(`${ip}:${host}:`)) lines.push(item.range.line);
  }
  return lines;
}

export async function auditCorpusFile(relative: string): Promise<AuditResult> {
  const { result } = await audit({ paths: [relative], cwd: CORPUS });
  return result;
}

export function predictsDeploy(result: AuditResult): boolean {
  return result.summary.swarm.verdict === 'ready' || result.summary.swarm.verdict === 'ready-with-warnings';
}
