/**
 * The one shell reader: how twelvelint reads the shell text of `RUN`, `CMD`,
 * `ENTRYPOINT`, compose `command:`, entrypoint scripts and package.json scripts.
 * It is not a shell: it splits lists and pipelines, keeps quoted words together,
 * drops redirections, reads heredocs, expands variables it is told about, and
 * unwraps what only launches another command (`sh -c`, `exec`, `env`, `gosu`,
 * `su-exec`, `tini`, `dumb-init`, `sudo`, `nohup` …). It never throws.
 */

export type ShellOp = '&&' | '||' | ';' | '|' | '&';

/** Operators as the tokenizer sees them: `(`, `)` and `;;` matter to `case` and subshells, and act as `;` otherwise. */
type TokenOp = ShellOp | '(' | ')' | ';;';

export type ShellToken =
  | { kind: 'word'; value: string }
  | { kind: 'op'; value: TokenOp }
  /** A heredoc body fed to the command being read (`cat <<EOF … EOF`). */
  | { kind: 'heredoc'; value: string };

/** Known variable values for expansion (ARG/ENV in a Dockerfile); unknown names stay as written. */
export type ShellVars = ReadonlyMap<string, string | undefined>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/**
 * `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}` at `text[i]`:
 * the replacement when the variable is known (or has a default), else undefined.
 */
function expandAt(text: string, i: number, vars: ShellVars): { value: string; end: number } | undefined {
  if (text[i + 1] === '{') {
    const close = text.indexOf('}', i + 2);
    if (close < 0) return undefined;
    const body = text.slice(i + 2, close);
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+=])(.*))?$/s.exec(body);
    if (!m) return undefined;
    const [, name, op, word = ''] = m;
    const known = vars.has(name);
    const value = vars.get(name);
    if (op === undefined) return known && value !== undefined ? { value, end: close + 1 } : undefined;
    const empty = op.startsWith(':') ? !value : value === undefined;
    if (op.endsWith('+')) return known ? { value: empty ? '' : word, end: close + 1 } : undefined;
    // `-` and `=`: the default when unset (or empty with `:`).
    if (!known || empty) return known || !word.includes('$') ? { value: known && !empty ? (value as string) : word, end: close + 1 } : undefined;
    return { value: value as string, end: close + 1 };
  }
  const m = NAME.exec(text.slice(i + 1));
  if (!m) return undefined;
  if (!vars.has(m[0])) return undefined;
  const value = vars.get(m[0]);
  return value === undefined ? undefined : { value, end: i + 1 + m[0].length };
}

/**
 * Splits a shell text into words, control operators and heredoc bodies.
 * Redirections are dropped with their target; `#` comments run to the end of the line.
 */
export function tokenize(text: string, vars?: ShellVars): ShellToken[] {
  const out: ShellToken[] = [];
  let word = '';
  let inWord = false;
  let dropNext = false;
  /** Heredoc delimiters seen on the current line, read after its newline. */
  const pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];
  const push = () => {
    if (inWord) {
      if (dropNext) dropNext = false;
      else out.push({ kind: 'word', value: word });
    }
    word = '';
    inWord = false;
  };
  const op = (value: TokenOp) => {
    push();
    dropNext = false;
    out.push({ kind: 'op', value });
  };
  const readHeredocs = (from: number): number => {
    let i = from;
    for (const h of pendingHeredocs) {
      const lines: string[] = [];
      while (i < text.length) {
        const nl = text.indexOf('\n', i);
        const end = nl < 0 ? text.length : nl;
        let line = text.slice(i, end).replace(/\r$/, '');
        i = end + 1;
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line.trim() === h.delimiter) break;
        lines.push(line);
      }
      out.push({ kind: 'heredoc', value: lines.join('\n') });
    }
    pendingHeredocs.length = 0;
    return i;
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\\') {
      if (i + 1 < n && text[i + 1] !== '\n') {
        word += text[i + 1];
        inWord = true;
      }
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? n : end;
      word += text.slice(i + 1, stop);
      inWord = true;
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      inWord = true;
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < n && '"\\$`\n'.includes(text[i + 1])) {
          if (text[i + 1] !== '\n') word += text[i + 1];
          i += 2;
        } else if (text[i] === '$' && vars) {
          const x = expandAt(text, i, vars);
          if (x) {
            word += x.value;
            i = x.end;
          } else {
            word += '$';
            i++;
          }
        } else {
          word += text[i];
          i++;
        }
      }
      i++;
      continue;
    }
    if (c === '$' && text[i + 1] === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < n; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      word += text.slice(i, j + 1);
      inWord = true;
      i = j + 1;
      continue;
    }
    if (c === '$' && vars) {
      const x = expandAt(text, i, vars);
      if (x) {
        // Unquoted expansion is split into words.
        const parts = x.value.split(/[ \t\n]+/);
        parts.forEach((p, k) => {
          if (k > 0) push();
          if (p !== '') {
            word += p;
            inWord = true;
          }
        });
        i = x.end;
        continue;
      }
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      const stop = end < 0 ? n : end;
      word += text.slice(i, stop + 1);
      inWord = true;
      i = stop + 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      push();
      i++;
      continue;
    }
    if (c === '\n') {
      // Heredoc bodies belong to the command on the line just ended: read them before ending it.
      push();
      i++;
      if (pendingHeredocs.length) i = readHeredocs(i);
      op(';');
      continue;
    }
    if (c === ';') {
      if (text[i + 1] === ';') {
        op(';;');
        i += 2;
      } else {
        op(';');
        i++;
      }
      continue;
    }
    if (c === '#' && !inWord) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
      continue;
    }
    if (c === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
      // Heredoc: `<<WORD`, `<<-WORD`, `<<'WORD'`, `<<"WORD"`; the body follows the end of the line.
      push();
      let j = i + 2;
      const stripTabs = text[j] === '-';
      if (stripTabs) j++;
      while (text[j] === ' ' || text[j] === '\t') j++;
      const m = /^(['"]?)([\w.-]+)\1/.exec(text.slice(j));
      if (m) {
        pendingHeredocs.push({ delimiter: m[2], stripTabs });
        i = j + m[0].length;
        continue;
      }
      i = j;
      continue;
    }
    if ((c === '<' || c === '>') && text[i + 1] === '(') {
      // Process substitution stays inside the word.
      let depth = 0;
      let j = i + 1;
      for (; j < n; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      word += text.slice(i, j + 1);
      inWord = true;
      i = j + 1;
      continue;
    }
    if (c === '>' || c === '<' || (c === '&' && text[i + 1] === '>')) {
      // A redirection: drop an fd number before it, the operator and its target.
      if (inWord && /^\d+$/.test(word)) {
        word = '';
        inWord = false;
      } else push();
      let j = i;
      if (text[j] === '&') j++;
      while (j < n && (text[j] === '>' || text[j] === '<')) j++;
      if (text[j] === '&') {
        j++;
        while (j < n && /[\d-]/.test(text[j])) j++;
        i = j;
        continue;
      }
      if (text[j] === '|') j++;
      i = j;
      dropNext = true;
      while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
      continue;
    }
    if (c === '&') {
      if (text[i + 1] === '&') {
        op('&&');
        i += 2;
      } else {
        op('&');
        i++;
      }
      continue;
    }
    if (c === '|') {
      if (text[i + 1] === '|') {
        op('||');
        i += 2;
      } else {
        op('|');
        i += text[i + 1] === '&' ? 2 : 1;
      }
      continue;
    }
    if (c === '(' || c === ')') {
      // Shell metacharacters: they end a word (`linux/arm/v8)` in a case pattern).
      op(c);
      i++;
      continue;
    }
    word += c;
    inWord = true;
    i++;
  }
  push();
  return out;
}

/** One simple command of a shell text, after wrappers are removed. */
export interface SimpleCommand {
  /** Words after `VAR=x`, `exec`, `env`, `gosu user`, init wrappers, keywords and the like are removed. */
  words: string[];
  /** The program: the last path segment of the first word (`/usr/local/bin/npm` → `npm`); '' when none. */
  program: string;
  /** The words as written. */
  raw: string[];
  /** `VAR=value` assignments in front of the command (and `env VAR=value`). */
  assignments: string[];
  /** Which and-or list element (pipeline) of the text the command is in, and its place in that pipeline. */
  pipeline: number;
  position: number;
  /** The operator right before this command's pipeline (`&&`, `||`, `;`), if any. */
  after?: ShellOp;
  /** The operator right after this command's pipeline, if any. */
  before?: ShellOp;
  /** Started in the background with a single `&`. */
  background: boolean;
  /** Part of a pipeline with more than one command. */
  piped: boolean;
  /** Replaces the shell (`exec cmd`), or is the whole of an exec-form command. */
  exec: boolean;
  /** Runs under a shell (shell form or `sh -c`). */
  inShell: boolean;
  /** The init wrapper in front of it, if any (tini, dumb-init …). */
  init?: string;
  /** Heredoc bodies given to the command on stdin. */
  heredocs: string[];
  /** Depth of `sh -c` nesting it was found at. */
  depth: number;
  /** The `if`/`case` conditions it runs under, outermost first (absent: none). */
  guards?: Guard[];
}

/**
 * A condition a command runs under: an `if` test (negated in the `elif`/`else` branches after it)
 * or a `case` branch. Only tests of one simple command are kept; others are unknown and left out.
 */
export type Guard = { kind: 'test'; words: string[]; negated: boolean } | { kind: 'case'; subject: string; patterns: string[]; previous: string[] };

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
export const INIT_PROGRAMS = new Set(['tini', 'tini-static', 'dumb-init', 'docker-init', 'catatonit', 'init', 's6-svscan', 'runsvdir', 'my_init']);
const KEYWORDS = new Set(['then', 'do', 'else', 'elif', 'fi', 'done', 'esac', '!', '{', '}', 'time', 'if', 'while', 'until', 'builtin', 'eval']);
const USER_SWITCHERS = new Set(['gosu', 'su-exec', 'setuidgid', 's6-setuidgid']);
const MAX_DEPTH = 4;

export function basename(word: string): string {
  const i = word.lastIndexOf('/');
  return i < 0 ? word : word.slice(i + 1);
}

/** A command word's program name: its last path segment, unless it is a substitution (`$(curl …)`). */
function programName(word: string): string {
  return /^[$`<]/.test(word) ? word : basename(word);
}

export function isAssignment(word: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(word);
}

export interface ParseOptions {
  vars?: ShellVars;
}

/** Parses a shell text into simple commands; `sh -c` bodies, and shell heredocs, are read too. */
export function parseShell(text: string, options: ParseOptions = {}, depth = 0): SimpleCommand[] {
  const tokens = tokenize(text, options.vars);
  const out: SimpleCommand[] = [];
  let current: string[] = [];
  let heredocs: string[] = [];
  let pipeline = 0;
  let position = 0;
  let after: ShellOp | undefined;
  let pending: { words: string[]; heredocs: string[]; position: number; guards: Guard[] }[] = [];
  // Open `if` and `case` compounds, outermost first.
  type IfFrame = { kind: 'if'; state: 'cond' | 'body'; previous: string[][][]; cond: string[][]; inElse: boolean };
  type CaseFrame = { kind: 'case'; subject: string; patterns: string[]; previous: string[] };
  const frames: (IfFrame | CaseFrame)[] = [];
  const topIf = (): IfFrame | undefined => {
    const f = frames.at(-1);
    return f?.kind === 'if' ? f : undefined;
  };
  const guardsNow = (): Guard[] => {
    const out: Guard[] = [];
    for (const f of frames) {
      if (f.kind === 'case') {
        out.push({ kind: 'case', subject: f.subject, patterns: [...f.patterns], previous: [...f.previous] });
        continue;
      }
      if (f.state !== 'body') continue;
      for (const prev of f.previous) if (prev.length === 1) out.push({ kind: 'test', words: prev[0], negated: true });
      if (!f.inElse && f.cond.length === 1) out.push({ kind: 'test', words: f.cond[0], negated: false });
    }
    return out;
  };
  const endPipeline = (next: ShellOp | undefined) => {
    const piped = pending.length > 1;
    for (const p of pending) {
      for (const c of unwrap(p.words, depth, true, options)) {
        const inner = c.depth > depth;
        const guards = [...p.guards, ...(c.guards ?? [])];
        out.push({
          ...c,
          ...(guards.length ? { guards } : {}),
          heredocs: c.heredocs.length ? c.heredocs : p.heredocs,
          pipeline: inner ? c.pipeline + pipeline * 1000 : pipeline,
          position: inner ? c.position : p.position,
          after: inner ? (c.pipeline === 0 ? after : c.after) : after,
          before: inner ? c.before ?? next : next,
          background: c.background || next === '&',
          piped: c.piped || piped,
        });
      }
      // A shell reading a heredoc as its script (`bash <<EOF`, and `RUN <<EOF` handled by the caller).
      const program = basename(p.words.find((w) => !isAssignment(w)) ?? '');
      if (SHELLS.has(program) && p.words.filter((w) => !isAssignment(w)).length === 1 && p.heredocs.length && depth < MAX_DEPTH) {
        for (const body of p.heredocs) out.push(...parseShell(body, options, depth + 1).map((c) => ({ ...c, pipeline: c.pipeline + pipeline * 1000 })));
      }
    }
    pending = [];
    pipeline++;
    position = 0;
    after = next;
  };
  const endCommand = () => {
    // Leading `if`/`then`/`elif`/`else`/`fi` open and close conditions; the rest is the command.
    for (;;) {
      const w = current[0];
      const f = topIf();
      if (w === 'if') frames.push({ kind: 'if', state: 'cond', previous: [], cond: [], inElse: false });
      else if (w === 'then' && f) f.state = 'body';
      else if (w === 'elif' && f) Object.assign(f, { previous: [...f.previous, f.cond], cond: [], state: 'cond' });
      else if (w === 'else' && f) Object.assign(f, { previous: [...f.previous, f.cond], cond: [], state: 'body', inElse: true });
      else if (w === 'fi' && f) frames.pop();
      else break;
      current = current.slice(1);
    }
    if (current.length > 0) {
      const f = topIf();
      // A condition's commands run (and guard what follows `then`); they run under the outer conditions only.
      if (f?.state === 'cond') {
        f.cond.push(current);
        frames.pop();
        pending.push({ words: current, heredocs, position: position++, guards: guardsNow() });
        frames.push(f);
      } else pending.push({ words: current, heredocs, position: position++, guards: guardsNow() });
    }
    current = [];
    heredocs = [];
  };
  // `case WORD in pattern|pattern) commands ;; … esac`: patterns are not commands; they guard the branch.
  let caseState: 'none' | 'head' | 'subject' | 'pattern' = 'none';
  const topCase = (): CaseFrame | undefined => {
    const f = frames.at(-1);
    return f?.kind === 'case' ? f : undefined;
  };
  for (const t of tokens) {
    if (caseState === 'subject') {
      if (t.kind === 'word') topCase()!.subject = t.value;
      caseState = 'head';
      continue;
    }
    if (caseState === 'head') {
      if (t.kind === 'word' && t.value === 'in') caseState = 'pattern';
      continue;
    }
    if (caseState === 'pattern') {
      if (t.kind === 'word' && t.value === 'esac') {
        caseState = 'none';
        frames.pop();
      } else if (t.kind === 'op' && t.value === ')') caseState = 'none';
      else if (t.kind === 'word' && t.value !== '(') topCase()?.patterns.push(t.value.replace(/^\(/, ''));
      continue;
    }
    if (t.kind === 'word' && current.length === 0 && t.value === 'case') {
      endCommand();
      frames.push({ kind: 'case', subject: '', patterns: [], previous: [] });
      caseState = 'subject';
      continue;
    }
    if (t.kind === 'word' && current.length === 0 && t.value === 'esac' && topCase()) {
      endCommand();
      if (pending.length) endPipeline(';');
      frames.pop();
      continue;
    }
    if (t.kind === 'op' && t.value === ';;' && topCase()) {
      endCommand();
      if (pending.length) endPipeline(';');
      const f = topCase()!;
      f.previous.push(...f.patterns);
      f.patterns = [];
      caseState = 'pattern';
      continue;
    }
    if (t.kind === 'word') current.push(t.value);
    else if (t.kind === 'heredoc') {
      // The body belongs to the last command with a heredoc on the line just read.
      const target = current.length ? null : pending.at(-1) ?? out.at(-1);
      if (current.length) heredocs.push(t.value);
      else if (target && 'heredocs' in target) target.heredocs.push(t.value);
    } else if (t.value === '|') endCommand();
    else {
      const value: ShellOp = t.value === '(' || t.value === ')' || t.value === ';;' ? ';' : t.value;
      endCommand();
      if (pending.length) endPipeline(value);
      else after = value;
    }
  }
  endCommand();
  if (pending.length) endPipeline(undefined);
  return out;
}

/** Parses an exec-form argv (a JSON array or compose list), unwrapping `sh -c`. */
export function parseArgv(argv: readonly string[], options: ParseOptions = {}): SimpleCommand[] {
  return unwrap([...argv], 0, false, options);
}

function command(words: string[], raw: string[], assignments: string[], exec: boolean, inShell: boolean, depth: number, init?: string): SimpleCommand {
  return {
    words,
    program: programName(words[0] ?? ''),
    raw,
    assignments,
    pipeline: 0,
    position: 0,
    background: false,
    piped: false,
    exec,
    inShell,
    heredocs: [],
    depth,
    ...(init ? { init } : {}),
  };
}

function unwrap(words: string[], depth: number, inShell: boolean, options: ParseOptions): SimpleCommand[] {
  const raw = [...words];
  const assignments: string[] = [];
  let w = [...words];
  let exec = !inShell;
  let init: string | undefined;
  for (let guard = 0; guard < 20 && w.length > 0; guard++) {
    while (w.length > 0 && (isAssignment(w[0]) || KEYWORDS.has(w[0]))) {
      const x = w.shift()!;
      if (isAssignment(x)) assignments.push(x);
    }
    if (w.length === 0) break;
    const p = basename(w[0]);
    if (p === 'exec') {
      w.shift();
      while (w[0]?.startsWith('-')) {
        const flag = w.shift()!;
        if (flag === '-a') w.shift();
      }
      exec = true;
      continue;
    }
    if (p === 'env') {
      w.shift();
      while (w.length > 0 && (w[0].startsWith('-') || isAssignment(w[0]))) {
        const flag = w.shift()!;
        if (isAssignment(flag)) assignments.push(flag);
        if (flag === '-u' || flag === '--unset' || flag === '-C' || flag === '--chdir' || flag === '-S') w.shift();
      }
      continue;
    }
    if (p === 'cross-env' || p === 'cross-env-shell') {
      // npm's portable `VAR=x cmd`.
      w.shift();
      while (w.length > 0 && isAssignment(w[0])) assignments.push(w.shift()!);
      continue;
    }
    if ((p === 'dotenv' || p === 'dotenv-cli' || p === 'env-cmd') && w.includes('--')) {
      w = w.slice(w.indexOf('--') + 1);
      continue;
    }
    if (p === 'nohup' || p === 'command' || p === 'time' || p === 'builtin') {
      w.shift();
      while (w[0]?.startsWith('-')) w.shift();
      continue;
    }
    if (p === 'stdbuf' || p === 'nice' || p === 'ionice' || p === 'timeout' || p === 'chronic' || p === 'unbuffer') {
      w.shift();
      while (w[0]?.startsWith('-')) {
        const flag = w.shift()!;
        if (/^-[nckiso]$/.test(flag)) w.shift();
      }
      // `timeout 30 cmd`: the duration.
      if (p === 'timeout' && /^\d/.test(w[0] ?? '')) w.shift();
      continue;
    }
    if (p === 'chpst') {
      // chpst's options that take a value (`-u user`, `-e dir`, …); the rest are single letters.
      w.shift();
      while (w[0]?.startsWith('-')) {
        const flag = w.shift()!;
        if (/^-[uUbe\/nlLm]$/.test(flag)) w.shift();
      }
      exec = true;
      continue;
    }
    if (USER_SWITCHERS.has(p)) {
      w.splice(0, 2);
      exec = true;
      continue;
    }
    if (p === 'sudo' || p === 'doas') {
      w.shift();
      while (w[0]?.startsWith('-')) {
        const flag = w.shift()!;
        if (/^-[ugCDhprTU]$/.test(flag)) w.shift();
      }
      continue;
    }
    if (p === 'su' && w.includes('-c')) {
      const i = w.indexOf('-c');
      if (w[i + 1] !== undefined && depth < MAX_DEPTH) return parseShell(w[i + 1], options, depth + 1);
    }
    if (INIT_PROGRAMS.has(p) && (p !== 'init' || w[0] === '/init')) {
      // tini, dumb-init, `/init` (s6-overlay): flags until `--` or the first word.
      init = p;
      w.shift();
      const dd = w.indexOf('--');
      if (dd >= 0 && w.slice(0, dd).every((x) => x.startsWith('-') || /^[\w:.-]+$/.test(x))) w = w.slice(dd + 1);
      else
        while (w[0]?.startsWith('-')) {
          const flag = w.shift()!;
          if (/^-[perl]$/.test(flag) || flag === '--rewrite') w.shift();
        }
      exec = true;
      continue;
    }
    if (SHELLS.has(p) && depth < MAX_DEPTH) {
      const ci = w.findIndex((x, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(x));
      if (ci > 0 && w.slice(1, ci).every((x) => x.startsWith('-')) && w[ci + 1] !== undefined) {
        const inner = parseShell(w[ci + 1], options, depth + 1);
        return inner.map((c) => (init && !c.init ? { ...c, init } : c));
      }
    }
    break;
  }
  return [command(w, raw, assignments, exec, inShell, depth, init)];
}

/** `sh -c "script"`, `bash -lc 'script'`: the script, or undefined. */
export function shellScriptArg(words: readonly string[]): string | undefined {
  if (!SHELLS.has(basename(words[0] ?? ''))) return undefined;
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (/^-[a-z]*c[a-z]*$/.test(w)) return words[i + 1];
    if (!w.startsWith('-')) return undefined;
  }
  return undefined;
}

/** The program of a command and its arguments; `python -m x` gives `x`, `bundle exec x` gives `x`, `npx x` gives `x`. */
export function programOf(words: readonly string[]): { name: string; args: string[] } {
  if (words.length === 0) return { name: '', args: [] };
  let name = basename(words[0]);
  let args = words.slice(1);
  for (let guard = 0; guard < 4; guard++) {
    if (/^python[\d.]*$/.test(name)) {
      const m = args.findIndex((a) => a === '-m');
      if (m >= 0 && args.slice(0, m).every((a) => a.startsWith('-')) && args[m + 1]) {
        name = args[m + 1];
        args = args.slice(m + 2);
        continue;
      }
    }
    if ((name === 'bundle' && args[0] === 'exec') || (['poetry', 'pipenv', 'uv', 'pdm', 'rye', 'hatch'].includes(name) && args[0] === 'run')) {
      let k = 1;
      while (args[k]?.startsWith('-')) k++;
      if (args[k]) {
        name = basename(args[k]);
        args = args.slice(k + 1);
        continue;
      }
    }
    if (name === 'npx' || name === 'bunx' || (name === 'pnpm' && (args[0] === 'exec' || args[0] === 'dlx')) || (name === 'yarn' && args[0] === 'exec')) {
      let k = name === 'npx' || name === 'bunx' ? 0 : 1;
      while (args[k]?.startsWith('-')) k++;
      if (args[k]) {
        name = basename(args[k]);
        args = args.slice(k + 1);
        continue;
      }
    }
    break;
  }
  return { name, args };
}

/** Every value of a repeatable flag: `--flag value`, `--flag=value`, `-bVALUE`. */
export function flagValues(args: readonly string[], names: readonly string[]): { value: string; flag: string }[] {
  const out: { value: string; flag: string }[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    for (const name of names) {
      if (a === name && args[i + 1] !== undefined) {
        out.push({ value: args[i + 1], flag: `${name} ${args[i + 1]}` });
        i++;
        break;
      }
      if (a.startsWith(`${name}=`)) {
        out.push({ value: a.slice(name.length + 1), flag: a });
        break;
      }
      // `-b127.0.0.1:8000`: a short option glued to its value.
      if (/^-[A-Za-z]$/.test(name) && a.startsWith(name) && a.length > 2 && /^[\d[:.]/.test(a.slice(2))) {
        out.push({ value: a.slice(2), flag: a });
        break;
      }
    }
  }
  return out;
}

/** First value of `--flag value` or `--flag=value` for any of the names. */
export function flagValue(args: readonly string[], names: readonly string[]): { value: string; flag: string } | undefined {
  return flagValues(args, names)[0];
}

/** Options of a command line, split into flags and positional arguments (values of known flags skipped). */
export function splitArgs(words: readonly string[], flagsWithValue: ReadonlySet<string>): { flags: string[]; args: string[] } {
  const flags: string[] = [];
  const args: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '--') {
      args.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith('-') && w.length > 1) {
      flags.push(w);
      if (!w.includes('=') && flagsWithValue.has(w)) i++;
      continue;
    }
    args.push(w);
  }
  return { flags, args };
}

/** Quotes words back into a shell line (for messages and fixes). */
export function joinWords(words: readonly string[]): string {
  return words.map((w) => (/^[\w./:@=+,%^-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** What docker/cli makes of a compose `command:`/`entrypoint:` string. */
export interface ComposeWords {
  words: string[];
  /** The unquoted `;`, `&`, `|`, `<` or `>` where docker stopped reading, and the text it dropped. */
  dropped?: { operator: string; rest: string };
  /** docker/cli refuses the string ("invalid command line string"). */
  error?: string;
}

/**
 * Splits a compose `command:`/`entrypoint:` string exactly as docker/cli does (`shellwords.Parse`
 * of mattn/go-shellwords, cli/compose/loader `transformShellCommand`): whitespace separates words,
 * quotes and backslashes group them, no variable or `$(…)` is expanded, and reading STOPS at the
 * first unquoted `;`, `&`, `|`, `<` or `>`: `npm run migrate && npm start` becomes
 * `["npm", "run", "migrate"]`. An unquoted `(` not after `$`, or an unclosed quote, is an error.
 */
export function composeWords(text: string): ComposeWords {
  const words: string[] = [];
  let buf = '';
  let got: 'no' | 'single' | 'quoted' = 'no';
  let escaped = false;
  let single = false;
  let double = false;
  let backQuote = false;
  let dollarQuote = false;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const r = chars[i];
    if (escaped) {
      buf += r;
      escaped = false;
      got = 'single';
      continue;
    }
    if (r === '\\') {
      if (single) buf += r;
      else escaped = true;
      continue;
    }
    if (r === ' ' || r === '\t' || r === '\r' || r === '\n') {
      if (single || double || backQuote || dollarQuote) buf += r;
      else if (got !== 'no') {
        words.push(buf);
        buf = '';
        got = 'no';
      }
      continue;
    }
    switch (r) {
      case '`':
        if (!single && !double && !dollarQuote) backQuote = !backQuote;
        break;
      case ')':
        if (!single && !double && !backQuote) dollarQuote = !dollarQuote;
        break;
      case '(':
        if (!single && !double && !backQuote) {
          if (!dollarQuote && buf.endsWith('$')) {
            dollarQuote = true;
            buf += '(';
            continue;
          }
          return { words, error: 'invalid command line string' };
        }
        break;
      case '"':
        if (!single && !dollarQuote) {
          if (double) got = 'quoted';
          double = !double;
          continue;
        }
        break;
      case "'":
        if (!double && !dollarQuote) {
          if (single) got = 'quoted';
          single = !single;
          continue;
        }
        break;
      case ';':
      case '&':
      case '|':
      case '<':
      case '>':
        if (!(single || double || backQuote || dollarQuote)) {
          let at = i;
          if (r === '>' && buf.length > 0 && /^[0-9]/.test(buf)) {
            at = i - 1;
            got = 'no';
          }
          if (got !== 'no') words.push(buf);
          return { words, dropped: { operator: r, rest: chars.slice(Math.max(0, at)).join('') } };
        }
        break;
      default:
        break;
    }
    got = 'single';
    buf += r;
  }
  if (got !== 'no') words.push(buf);
  if (escaped || single || double || backQuote || dollarQuote) return { words, error: 'invalid command line string' };
  return { words };
}

/** A word list with wrappers removed (`sudo`, `env X=1`, `exec` …) and the program as its last path segment: `[program, ...args]`. */
export function plainWords(words: readonly string[]): string[] {
  const c = parseArgv(words)[0];
  if (!c || c.words.length === 0) return [];
  return [c.program, ...c.words.slice(1)];
}

/** Positional parameters of a script: `$1`… as far as known (undefined: not known). */
export type Positional = readonly (string | undefined)[];

/**
 * Whether a command's guards let it run with these positional parameters: false only when one
 * is decidably false (`if [ "$1" = 'uwsgi' ]` with `$1` = `gunicorn`); unknown conditions hold.
 */
export function guardsAllow(guards: readonly Guard[] | undefined, positional: Positional): boolean {
  return !(guards ?? []).some((g) => evaluateGuard(g, positional) === false);
}

function evaluateGuard(g: Guard, positional: Positional): boolean | undefined {
  if (g.kind === 'case') {
    const subject = resolveWord(g.subject, positional);
    if (subject === undefined) return undefined;
    const matches = (patterns: string[]) => patterns.some((p) => globMatch(p, subject));
    return matches(g.patterns) && !matches(g.previous);
  }
  let words = g.words;
  let negated = g.negated;
  while (words[0] === '!') {
    negated = !negated;
    words = words.slice(1);
  }
  const value = evaluateTest(words, positional);
  return value === undefined ? undefined : value !== negated;
}

/** `[ a = b ]`, `[ a != b ]`, `[[ a == pattern ]]`, `test -z a`, `[ -n a ]`; anything else is unknown. */
function evaluateTest(words: string[], positional: Positional): boolean | undefined {
  let inner: string[];
  let double = false;
  if (words[0] === '[' && words.at(-1) === ']') inner = words.slice(1, -1);
  else if (words[0] === '[[' && words.at(-1) === ']]') {
    inner = words.slice(1, -1);
    double = true;
  } else if (words[0] === 'test') inner = words.slice(1);
  else return undefined;
  if (inner.length === 2 && (inner[0] === '-z' || inner[0] === '-n')) {
    const v = resolveWord(inner[1], positional);
    return v === undefined ? undefined : (v === '') === (inner[0] === '-z');
  }
  if (inner.length !== 3 || !['=', '==', '!='].includes(inner[1])) return undefined;
  const a = resolveWord(inner[0], positional);
  const b = double ? inner[2] : resolveWord(inner[2], positional);
  if (a === undefined || b === undefined) return undefined;
  const equal = double ? (b.includes('$') ? undefined : globMatch(b, a)) : a === b;
  if (equal === undefined) return undefined;
  return inner[1] === '!=' ? !equal : equal;
}

/** A word with `$1`, `${1}`, `${1#-}`, `${1%.sh}`, `$#` expanded; undefined when it depends on anything else. */
function resolveWord(word: string, positional: Positional): string | undefined {
  let unknown = false;
  const out = word.replace(/\$(\d)|\$\{(\d)(?:([#%])([^}]*))?\}|\$#|\$\{#\}|\$[@*]|\$\{[@*]\}/g, (m, bare: string, braced: string, op: string, pattern: string) => {
    if (m === '$#' || m === '${#}') {
      if (positional.some((p) => p === undefined)) unknown = true;
      return String(positional.length);
    }
    if (/[@*]/.test(m)) {
      if (positional.some((p) => p === undefined)) unknown = true;
      return positional.join(' ');
    }
    const i = Number(bare ?? braced);
    if (i === 0) {
      unknown = true;
      return '';
    }
    const v = positional[i - 1] ?? (i > positional.length ? '' : undefined);
    if (v === undefined || (pattern !== undefined && pattern.includes('$'))) {
      unknown = true;
      return '';
    }
    if (op === '#') return trimGlob(v, pattern, 'prefix');
    if (op === '%') return trimGlob(v, pattern, 'suffix');
    return v;
  });
  return unknown || out.includes('$') ? undefined : out;
}

/** `${x#pattern}` / `${x%pattern}`: the shortest match of a glob removed from the start or end. */
function trimGlob(value: string, pattern: string, end: 'prefix' | 'suffix'): string {
  for (let n = 0; n <= value.length; n++) {
    const part = end === 'prefix' ? value.slice(0, n) : value.slice(value.length - n);
    if (globMatch(pattern, part)) return end === 'prefix' ? value.slice(n) : value.slice(0, value.length - n);
  }
  return value;
}

/** Shell pattern matching (`*`, `?`, `[…]`), as `case` and `[[ == ]]` do. */
export function globMatch(pattern: string, text: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        re += `[${pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's').test(text);
}
