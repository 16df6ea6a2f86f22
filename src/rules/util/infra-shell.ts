import type { DockerInstruction } from '../../project/model.js';

/**
 * A small, quote-aware reader for the shell text of `RUN`, `CMD` and compose
 * `command:` lines. It is not a shell: it splits command lists and pipelines,
 * keeps quoted words together and drops redirections, which is what the
 * infrastructure rules need to recognise `npm install`, `curl … | sh` and the like.
 */

export interface SimpleCommand {
  /** Words after leading assignments, wrappers (sudo, exec, env …) and shell keywords. */
  words: string[];
  /** Which pipeline of the text the command is in, and its place in that pipeline. */
  pipeline: number;
  position: number;
}

type Token = { op: string } | { word: string };

const OPERATORS = ['&&', '||', ';;', ';', '|', '&', '\n', '(', ')'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let inWord = false;
  const flush = () => {
    if (inWord) tokens.push({ word });
    word = '';
    inWord = false;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      if (text[i + 1] === '\n') {
        i += 2;
        continue;
      }
      word += text[i + 1] ?? '';
      inWord = true;
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? text.length : end;
      word += text.slice(i + 1, stop);
      inWord = true;
      i = stop + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < text.length) {
          word += text[j + 1];
          j += 2;
          continue;
        }
        word += text[j];
        j++;
      }
      inWord = true;
      i = j + 1;
      continue;
    }
    // $( … ), <( … ) and backticks stay inside the word they belong to.
    if ((c === '$' || c === '<' || c === '>') && text[i + 1] === '(') {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      word += text.slice(i, j + 1);
      inWord = true;
      i = j + 1;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      const stop = end < 0 ? text.length : end;
      word += text.slice(i, stop + 1);
      inWord = true;
      i = stop + 1;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      flush();
      i++;
      continue;
    }
    if (c === '#' && !inWord) {
      // A comment runs to the end of the line.
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      continue;
    }
    if (c === '>' || c === '<') {
      // Redirection: drop the operator (with its fd prefix) and its target word.
      if (inWord && /^\d+$/.test(word)) {
        word = '';
        inWord = false;
      } else flush();
      let j = i + 1;
      while (text[j] === '>' || text[j] === '&' || text[j] === '<') j++;
      if (text[i] === '>' && text[i + 1] === '&') {
        // >&2
        while (/\d/.test(text[j] ?? '')) j++;
        i = j;
        continue;
      }
      while (text[j] === ' ' || text[j] === '\t') j++;
      // Skip the target word.
      while (j < text.length && !/[\s;&|()<>]/.test(text[j])) j++;
      i = j;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      flush();
      tokens.push({ op });
      i += op.length;
      continue;
    }
    word += c;
    inWord = true;
    i++;
  }
  flush();
  return tokens;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', '!', '{', '}', 'case', 'esac']);
const WRAPPERS = new Set(['exec', 'time', 'nohup', 'command', 'builtin', 'eval']);

/** Drops `VAR=x` prefixes, `sudo -E`, `env X=1`, `exec` and shell keywords in front of a command. */
export function stripPrefixes(words: string[]): string[] {
  let w = words;
  for (;;) {
    const first = w[0];
    if (first === undefined) return w;
    if (KEYWORDS.has(first) || WRAPPERS.has(first) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(first)) {
      w = w.slice(1);
      continue;
    }
    if (first === 'sudo' || first === 'env' || first === 'gosu' || first === 'su-exec' || first === 'tini' || first === 'dumb-init') {
      let k = 1;
      if (first === 'gosu' || first === 'su-exec') k = 2; // gosu USER cmd
      while (k < w.length && (w[k].startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(w[k]))) {
        // sudo -u user: the option takes a value.
        if (first === 'sudo' && /^-[ugCDhprTU]$/.test(w[k])) k++;
        k++;
      }
      if (w[k] === '--') k++;
      w = w.slice(k);
      continue;
    }
    if (/^(\/usr)?(\/local)?\/bin\//.test(first)) {
      w = [first.replace(/^.*\//, ''), ...w.slice(1)];
      return w;
    }
    return w;
  }
}

/** The simple commands of a shell text, with `sh -c "<script>"` read recursively. */
export function shellCommands(text: string, depth = 0): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let pipeline = 0;
  let position = 0;
  let words: string[] = [];
  const end = () => {
    const stripped = stripPrefixes(words);
    words = [];
    if (stripped.length === 0) return;
    const script = shellScriptArg(stripped);
    if (script !== undefined && depth < 3) {
      for (const inner of shellCommands(script, depth + 1)) out.push({ ...inner, pipeline: pipeline * 1000 + inner.pipeline });
      return;
    }
    out.push({ words: stripped, pipeline, position });
  };
  for (const t of tokenize(text)) {
    if ('word' in t) {
      words.push(t.word);
      continue;
    }
    end();
    if (t.op === '|') position++;
    else {
      pipeline++;
      position = 0;
    }
  }
  end();
  return out;
}

/** `sh -c "script"`, `bash -lc 'script'`: the script, or undefined. */
export function shellScriptArg(words: readonly string[]): string | undefined {
  if (!/^(sh|bash|ash|dash|zsh)$/.test(words[0] ?? '')) return undefined;
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (/^-[a-z]*c[a-z]*$/.test(w)) return words[i + 1];
    if (!w.startsWith('-')) return undefined;
  }
  return undefined;
}

/** The shell text a Dockerfile RUN/CMD/ENTRYPOINT executes (exec form joined, RUN flags dropped). */
export function instructionShellText(inst: DockerInstruction): string {
  if (inst.exec) {
    const script = shellScriptArg(inst.exec);
    if (script !== undefined) return script;
    return inst.exec.map(quoteWord).join(' ');
  }
  let args = inst.args;
  if (inst.keyword === 'RUN') {
    // RUN --mount=type=cache,target=/root/.npm --network=none npm ci
    while (/^--[\w-]+(=\S*)?\s/.test(args)) args = args.replace(/^--[\w-]+(=\S*)?\s+/, '');
  }
  return args;
}

function quoteWord(w: string): string {
  return /^[\w./:@=+,%^-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
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

/** Shortens a command for a message. */
export function shorten(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 3)}...` : t;
}

/** The instruction as written in the file (all its lines; continuation backslashes kept). */
export function instructionSource(lines: readonly string[], inst: DockerInstruction): string {
  const { line, column, endLine, endColumn } = inst.range;
  if (line === endLine) return (lines[line - 1] ?? '').slice(column - 1, endColumn - 1);
  const out = [(lines[line - 1] ?? '').slice(column - 1), ...lines.slice(line, endLine - 1), (lines[endLine - 1] ?? '').slice(0, endColumn - 1)];
  return out.join('\n');
}

/**
 * The `--flag[=value]` options written between the keyword and the arguments
 * (`COPY --from=build`, `ADD --checksum=…`). The model's `args` leaves them out.
 */
export function instructionFlags(lines: readonly string[], inst: DockerInstruction): Map<string, string> {
  const text = instructionSource(lines, inst).replace(/\\\r?\n/g, ' ');
  const flags = new Map<string, string>();
  const re = /^\s*(--([\w-]+)(?:=(\S*))?)/;
  let rest = text.replace(/^\s*\S+/, '');
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    flags.set(m[2].toLowerCase(), m[3] ?? '');
    rest = rest.slice(m[0].length);
  }
  return flags;
}
