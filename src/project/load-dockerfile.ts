import { DockerfileParser } from 'dockerfile-ast';
import type { Dockerfile, DockerInstruction, DockerStage, TextFile } from './model.js';
import type { Range } from './range.js';

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

function toRange(r: LspRange): Range {
  return { line: r.start.line + 1, column: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** Docker treats arguments as exec form only when they are a JSON array of strings. */
export function parseExecForm(args: string): string[] | undefined {
  const trimmed = args.trim();
  if (!trimmed.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    // Not JSON: Docker runs it through /bin/sh -c.
  }
  return undefined;
}

const EXEC_CAPABLE = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL']);

/** `${VAR}`, `$VAR`, `${VAR:-d}` substitution for FROM lines using ARG defaults. */
export function substituteArgs(text: string, args: ReadonlyMap<string, string | undefined>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_m, braced: string, op: string, word: string, bare: string) => {
    const name = braced ?? bare;
    const value = args.get(name);
    if (op === '-') return value ? value : word;
    if (op === '+') return value ? word : '';
    return value ?? '';
  });
}

export function loadDockerfile(file: TextFile): Dockerfile {
  const parsed = DockerfileParser.parse(file.text);
  const instructions: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  const globalArgs = new Map<string, string | undefined>();
  let stage = -1;
  for (const inst of parsed.getInstructions()) {
    const keyword = inst.getKeyword().toUpperCase();
    const args = inst.getArgumentsContent() ?? '';
    const argsRangeRaw = (inst as unknown as { getArgumentsRange(): LspRange | null }).getArgumentsRange?.();
    const range = toRange(inst.getRange());
    if (keyword === 'FROM') stage++;
    const flags: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const flag of (inst as unknown as { getFlags?(): { getName(): string; getValue(): string | null }[] }).getFlags?.() ?? []) flags[flag.getName()] = flag.getValue() ?? '';
    const instruction: DockerInstruction = {
      keyword,
      flags,
      args: args.replace(/\s+/g, ' ').trim(),
      text: args,
      range,
      argsRange: argsRangeRaw ? toRange(argsRangeRaw) : range,
      stage,
    };
    if (EXEC_CAPABLE.has(keyword)) instruction.exec = parseExecForm(args);
    instructions.push(instruction);
    if (keyword === 'ARG' && stage < 0) {
      for (const a of inst.getArguments()) {
        const [name, ...rest] = a.getValue().split('=');
        globalArgs.set(name, rest.length ? rest.join('=').replace(/^["']|["']$/g, '') : undefined);
      }
    }
    if (keyword === 'FROM') {
      const words = inst.getArguments().map((a) => a.getValue());
      const platform = words.find((w) => w.startsWith('--platform='));
      const rest = words.filter((w) => !w.startsWith('--'));
      const image = rest[0] ?? '';
      const name = rest.length >= 3 && rest[1].toUpperCase() === 'AS' ? rest[2] : undefined;
      const imageResolved = substituteArgs(image, globalArgs);
      stages.push({
        index: stage,
        name,
        image,
        imageResolved,
        fromStage: stages.some((s) => s.name !== undefined && s.name.toLowerCase() === imageResolved.toLowerCase()),
        platform: platform?.slice('--platform='.length),
        fromInstruction: instruction,
        instructions: [],
      });
    }
    if (stage >= 0) stages[stage].instructions.push(instruction);
  }
  const final = stages.at(-1);
  const lastOf = (kw: string) => {
    // CMD/ENTRYPOINT are inherited from an earlier stage the final one is built FROM.
    let s: DockerStage | undefined = final;
    while (s) {
      const found = s.instructions.filter((i) => i.keyword === kw).at(-1);
      if (found) return found;
      if (!s.fromStage) return undefined;
      const parentName = s.imageResolved.toLowerCase();
      s = stages.find((p) => p.index < s!.index && p.name?.toLowerCase() === parentName);
    }
    return undefined;
  };
  return { ...file, stages, instructions, globalArgs, final, cmd: lastOf('CMD'), entrypoint: lastOf('ENTRYPOINT'), usedBy: [] };
}

/** Splits an image reference into name, tag and digest (`name[:tag][@digest]`). */
export function parseImageRef(ref: string): { name: string; tag?: string; digest?: string } {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) return { name: rest.slice(0, colon), tag: rest.slice(colon + 1), digest };
  return { name: rest, digest };
}

/** `ENV A=1 B="x y"`, legacy `ENV A 1`, `ARG A=1`: name/value pairs. */
export function instructionPairs(args: string, keyword: string): { name: string; value: string | undefined }[] {
  const trimmed = args.trim();
  if (!trimmed.includes('=')) {
    const [name, ...rest] = trimmed.split(/\s+/);
    if (!name) return [];
    return keyword === 'ENV' && rest.length > 0 ? [{ name, value: rest.join(' ') }] : [{ name, value: undefined }];
  }
  const out: { name: string; value: string | undefined }[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_.-]*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|\S*))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(trimmed))) {
    const raw = m[2];
    out.push({ name: m[1], value: raw === undefined ? undefined : raw.replace(/^(["'])(.*)\1$/, '$2') });
  }
  return out;
}

/** The final stage and the earlier stages it is built FROM (`FROM base AS run`), final first. */
export function finalStageChain(dockerfile: Dockerfile): DockerStage[] {
  const out: DockerStage[] = [];
  let s = dockerfile.final;
  while (s && !out.includes(s)) {
    out.push(s);
    if (!s.fromStage) break;
    const parent = s.imageResolved.toLowerCase();
    s = dockerfile.stages.find((p) => p.index < s!.index && p.name?.toLowerCase() === parent);
  }
  return out;
}
