/**
 * Reading container start commands the way a shell would, well enough for rules:
 * quotes, `&&`/`||`/`;`/`|`/`&`, redirections, `sh -c "…"`, `exec`, `env`,
 * `gosu`, init wrappers (tini, dumb-init). Never throws.
 */

export type ShellOp = '&&' | '||' | ';' | '|' | '&';

export type ShellToken = { kind: 'word'; value: string } | { kind: 'op'; value: ShellOp };

/** Splits a shell command line into words and control operators; redirections are dropped. */
export function tokenize(text: string): ShellToken[] {
  const out: ShellToken[] = [];
  let word = '';
  let inWord = false;
  let dropNext = false;
  const push = () => {
    if (inWord) {
      if (dropNext) dropNext = false;
      else out.push({ kind: 'word', value: word });
    }
    word = '';
    inWord = false;
  };
  const op = (value: ShellOp) => {
    push();
    dropNext = false;
    out.push({ kind: 'op', value });
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
        if (text[i] === '\\' && i + 1 < n && '"\\$`'.includes(text[i + 1])) {
          word += text[i + 1];
          i += 2;
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
    if (c === '\n' || c === ';') {
      op(';');
      i += c === ';' && text[i + 1] === ';' ? 2 : 1;
      continue;
    }
    if (c === '#' && !inWord) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? n : nl;
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
      // The target may follow after blanks; push() drops the next word read.
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
    if ((c === '(' || c === ')') && !inWord) {
      op(';');
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

/** One simple command of a start command line, after wrappers are removed. */
export interface SimpleCommand {
  /** Words after `VAR=x`, `exec`, `env`, `gosu user`, init wrappers and the like are removed. */
  words: string[];
  /** The words as written. */
  raw: string[];
  /** Started in the background with a single `&`. */
  background: boolean;
  /** Part of a pipeline. */
  piped: boolean;
  /** Replaces the shell (`exec cmd`), or is the whole exec-form command. */
  exec: boolean;
  /** Ran under `sh -c` (or shell form). */
  inShell: boolean;
  /** The init wrapper in front of it, if any (tini, dumb-init …). */
  init?: string;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);
export const INIT_PROGRAMS = new Set(['tini', 'tini-static', 'dumb-init', 'docker-init', 'catatonit', 'init', 's6-svscan', 'runsvdir', 'my_init']);
const KEYWORDS = new Set(['then', 'do', 'else', 'elif', '!', '{', '}', 'time', 'if', 'while', 'until']);
const USER_SWITCHERS = new Set(['gosu', 'su-exec', 'setuidgid', 's6-setuidgid']);

export function basename(word: string): string {
  const i = word.lastIndexOf('/');
  return i < 0 ? word : word.slice(i + 1);
}

function isAssignment(word: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(word);
}

/** Parses a shell command line into simple commands (sh -c bodies included). */
export function parseShell(text: string, depth = 0): SimpleCommand[] {
  const tokens = tokenize(text);
  const out: SimpleCommand[] = [];
  let current: string[] = [];
  let prevOp: ShellOp | undefined;
  const flush = (next: ShellOp | undefined) => {
    if (current.length > 0) {
      const piped = next === '|' || prevOp === '|';
      for (const c of unwrap(current, depth, true)) out.push({ ...c, background: c.background || next === '&', piped: c.piped || piped });
    }
    current = [];
    prevOp = next;
  };
  for (const t of tokens) {
    if (t.kind === 'word') current.push(t.value);
    else flush(t.value);
  }
  flush(undefined);
  return out;
}

/** Parses an exec-form argv (a JSON array) into simple commands, unwrapping `sh -c`. */
export function parseArgv(argv: readonly string[]): SimpleCommand[] {
  return unwrap([...argv], 0, false);
}

function unwrap(words: string[], depth: number, inShell: boolean): SimpleCommand[] {
  const raw = [...words];
  let w = [...words];
  let exec = !inShell;
  let init: string | undefined;
  for (let guard = 0; guard < 20 && w.length > 0; guard++) {
    while (w.length > 0 && (isAssignment(w[0]) || KEYWORDS.has(w[0]))) w.shift();
    if (w.length === 0) break;
    const p = basename(w[0]);
    if (p === 'exec') {
      w.shift();
      while (w[0]?.startsWith('-')) w.shift();
      exec = true;
      continue;
    }
    if (p === 'env') {
      w.shift();
      while (w.length > 0 && (w[0].startsWith('-') || isAssignment(w[0]))) {
        const flag = w.shift()!;
        if (flag === '-u' || flag === '--unset' || flag === '-C' || flag === '--chdir') w.shift();
      }
      continue;
    }
    if (p === 'nohup' || p === 'command') {
      w.shift();
      continue;
    }
    if (p === 'stdbuf' || p === 'nice' || p === 'ionice') {
      w.shift();
      while (w[0]?.startsWith('-')) {
        const flag = w.shift()!;
        if (/^-[nc]$/.test(flag)) w.shift();
      }
      continue;
    }
    if (USER_SWITCHERS.has(p)) {
      w.splice(0, 2);
      exec = true;
      continue;
    }
    if (p === 'sudo') {
      w.shift();
      while (w[0]?.startsWith('-')) {
        const flag = w.shift()!;
        if (/^-[ugCDhpr]$/.test(flag)) w.shift();
      }
      continue;
    }
    if (INIT_PROGRAMS.has(p) && (p !== 'init' || w[0] === '/init')) {
      // `/init` (s6-overlay), tini, dumb-init: flags until `--` or the first word.
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
    if (SHELLS.has(p) && depth < 4) {
      const ci = w.findIndex((x, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(x));
      if (ci > 0 && w.slice(1, ci).every((x) => x.startsWith('-')) && w[ci + 1] !== undefined) {
        const inner = parseShell(w[ci + 1], depth + 1);
        return inner.map((c) => (init && !c.init ? { ...c, init } : c));
      }
    }
    break;
  }
  return [{ words: w, raw, background: false, piped: false, exec, inShell, ...(init ? { init } : {}) }];
}

/** The program of a simple command (basename) and its arguments; `python -m x` gives `x`, `bundle exec x` gives `x`. */
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
    if (name === 'npx' || name === 'bunx') {
      let k = 0;
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

// ---- web servers -----------------------------------------------------------------

export interface WebServer {
  /** Display name: gunicorn, uvicorn, "manage.py runserver", "node server.js" … */
  name: string;
  program: string;
  args: string[];
}

const SERVER_PROGRAMS = new Set(['gunicorn', 'uvicorn', 'hypercorn', 'daphne', 'granian', 'waitress-serve', 'uwsgi', 'puma', 'unicorn', 'unicorn_rails', 'rackup', 'http-server', 'httpd-foreground']);

/** Recognises a command that clearly runs an HTTP server in the foreground. */
export function webServerOf(words: readonly string[]): WebServer | undefined {
  const { name, args } = programOf(words);
  const positional = args.filter((a) => !a.startsWith('-'));
  const make = (display: string): WebServer => ({ name: display, program: name, args });
  if (SERVER_PROGRAMS.has(name)) return make(name);
  if (name === 'flask' && positional[0] === 'run') return make('flask run');
  if (name === 'fastapi' && (positional[0] === 'run' || positional[0] === 'dev')) return make(`fastapi ${positional[0]}`);
  if (name === 'streamlit' && positional[0] === 'run') return make('streamlit run');
  if (/^python[\d.]*$/.test(name) && /(^|\/)manage\.py$/.test(positional[0] ?? '') && positional[1] === 'runserver') return make('manage.py runserver');
  if ((name === 'django-admin' || name === 'manage.py') && positional[0] === 'runserver') return make('manage.py runserver');
  if (name === 'http.server' || name === 'SimpleHTTPServer') return make('python -m http.server');
  if (name === 'rails' && (positional[0] === 'server' || positional[0] === 's')) return make('rails server');
  if (name === 'thin' && positional[0] === 'start') return make('thin');
  if ((name === 'next' || name === 'nuxt' || name === 'nuxi') && ['start', 'dev', 'preview'].includes(positional[0] ?? '')) return make(`${name} ${positional[0]}`);
  if (name === 'serve' && args.length > 0) return make('serve');
  if (name === 'php' && args.includes('-S')) return make('php -S');
  if (name === 'php' && positional[0] === 'artisan' && positional[1] === 'serve') return make('php artisan serve');
  if (['node', 'nodejs', 'bun', 'ts-node', 'tsx'].includes(name)) {
    const script = positional[0];
    if (script && /(^|\/)server\.(c|m)?[jt]s$/.test(script)) return make(`${name} ${script}`);
  }
  if (name === 'nginx' && args.some((a) => /daemon\s+off/.test(a))) return make('nginx');
  if ((name === 'apache2ctl' || name === 'apachectl') && args.includes('FOREGROUND')) return make('apache');
  if (name === 'caddy' && positional[0] === 'run') return make('caddy');
  if (name === 'hugo' && positional[0] === 'server') return make('hugo server');
  if (name === 'mkdocs' && positional[0] === 'serve') return make('mkdocs serve');
  if (name === 'jupyter' && ['notebook', 'lab'].includes(positional[0] ?? '')) return make(`jupyter ${positional[0]}`);
  return undefined;
}

/** Reverse proxies that may front a localhost-bound app in the same container. */
export function isReverseProxy(words: readonly string[]): boolean {
  const { name } = programOf(words);
  return /^(nginx|caddy|haproxy|envoy|traefik|httpd|httpd-foreground|apache2|apache2ctl|apachectl|openresty|lighttpd|h2o|varnishd|supervisord)$/.test(name);
}

/** Host part of `host:port`, `tcp://host:port`, `[::1]:8000`; undefined for unix sockets and bare ports. */
export function hostOf(address: string): string | undefined {
  let a = address.trim().replace(/^(tcp|http|https|ssl):\/\//i, '');
  if (/^(unix|fd):/i.test(a) || a.startsWith('/')) return undefined;
  a = a.replace(/\/.*$/, '');
  const v6 = /^\[([^\]]*)\](?::\d+)?$/.exec(a);
  if (v6) return v6[1];
  if (/^\d+$/.test(a)) return undefined;
  const colons = (a.match(/:/g) ?? []).length;
  if (colons === 1) return a.slice(0, a.indexOf(':'));
  return a;
}

/** 127.0.0.0/8, localhost, ::1. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  return /^(127(\.\d{1,3}){1,3}|localhost|ip6-localhost|::1|0:0:0:0:0:0:0:1)$/i.test(host.trim());
}

/** A port number from `host:port`, `:port`, `port`. */
export function portOf(address: string): number | undefined {
  const m = /(?:^|:)(\d{2,5})$/.exec(address.trim().replace(/\/$/, ''));
  const n = m ? Number(m[1]) : NaN;
  return n > 0 && n < 65536 ? n : undefined;
}

/** How a web server is told where to listen. */
export interface ListenSpec {
  /** An explicit listen address, with the flag it came from. */
  addresses: { value: string; flag: string }[];
  /** Port flags (`--port 8000`). */
  ports: number[];
  /** What the server binds to when nothing is said, if it is loopback. */
  loopbackDefault?: { host: string; fix: string; envOverrides: string[]; configFlags: string[] };
}

export function listenSpec(server: WebServer): ListenSpec {
  const a = server.args;
  const out: ListenSpec = { addresses: [], ports: [] };
  const portFlags = (names: string[]) => {
    for (const v of flagValues(a, names)) {
      const p = portOf(v.value);
      if (p) out.ports.push(p);
    }
  };
  switch (server.program) {
    case 'gunicorn':
      out.addresses = flagValues(a, ['-b', '--bind']);
      out.loopbackDefault = { host: '127.0.0.1:8000', fix: '--bind 0.0.0.0:8000', envOverrides: ['PORT', 'GUNICORN_CMD_ARGS'], configFlags: ['-c', '--config', '--paste', '--paster'] };
      break;
    case 'uvicorn':
      out.addresses = flagValues(a, ['--host']);
      portFlags(['--port']);
      if (flagValue(a, ['--uds', '--fd'])) out.addresses.push({ value: 'unix:', flag: '--uds' });
      out.loopbackDefault = { host: '127.0.0.1', fix: '--host 0.0.0.0', envOverrides: ['UVICORN_HOST'], configFlags: [] };
      break;
    case 'hypercorn':
      out.addresses = flagValues(a, ['-b', '--bind', '--insecure-bind']);
      out.loopbackDefault = { host: '127.0.0.1:8000', fix: '--bind 0.0.0.0:8000', envOverrides: [], configFlags: ['-c', '--config'] };
      break;
    case 'daphne':
      out.addresses = flagValues(a, ['-b', '--bind']);
      portFlags(['-p', '--port']);
      break;
    case 'granian':
      out.addresses = flagValues(a, ['--host']);
      portFlags(['--port']);
      break;
    case 'waitress-serve':
      out.addresses = [...flagValues(a, ['--listen']), ...flagValues(a, ['--host'])];
      portFlags(['--port']);
      break;
    case 'uwsgi':
      out.addresses = flagValues(a, ['--http', '--http-socket', '--socket', '-s', '--https', '--uwsgi-socket']);
      break;
    case 'puma':
      out.addresses = flagValues(a, ['-b', '--bind']);
      portFlags(['-p', '--port']);
      break;
    case 'rails':
      out.addresses = flagValues(a, ['-b', '--binding']);
      portFlags(['-p', '--port']);
      break;
    case 'flask':
      out.addresses = flagValues(a, ['--host', '-h']);
      portFlags(['--port', '-p']);
      out.loopbackDefault = { host: '127.0.0.1', fix: '--host 0.0.0.0', envOverrides: ['FLASK_RUN_HOST'], configFlags: [] };
      break;
    case 'fastapi':
      out.addresses = flagValues(a, ['--host']);
      portFlags(['--port']);
      break;
    case 'streamlit':
      out.addresses = flagValues(a, ['--server.address']);
      portFlags(['--server.port']);
      break;
    case 'next':
      out.addresses = flagValues(a, ['-H', '--hostname']);
      portFlags(['-p', '--port']);
      break;
    case 'nuxt':
    case 'nuxi':
      out.addresses = flagValues(a, ['--host', '--hostname', '-H']);
      portFlags(['--port', '-p']);
      break;
    case 'serve':
      out.addresses = flagValues(a, ['-l', '--listen']);
      break;
    case 'http-server':
      out.addresses = flagValues(a, ['-a']);
      portFlags(['-p', '--port']);
      break;
    case 'http.server':
    case 'SimpleHTTPServer':
      out.addresses = flagValues(a, ['-b', '--bind']);
      break;
    case 'php': {
      const i = a.indexOf('-S');
      if (i >= 0 && a[i + 1]) out.addresses = [{ value: a[i + 1], flag: `-S ${a[i + 1]}` }];
      break;
    }
    case 'hugo':
      out.addresses = flagValues(a, ['--bind']);
      break;
    case 'mkdocs':
      out.addresses = flagValues(a, ['-a', '--dev-addr']);
      break;
    case 'jupyter':
      out.addresses = flagValues(a, ['--ip']);
      break;
    default:
      if (server.name === 'manage.py runserver') {
        const positional: string[] = [];
        for (let i = 0; i < a.length; i++) {
          if (a[i] === '--settings' || a[i] === '--pythonpath') i++;
          else if (!a[i].startsWith('-')) positional.push(a[i]);
        }
        // positional: manage.py runserver [addrport]
        const addr = positional.slice(positional.indexOf('runserver') + 1)[0];
        const v6 = a.includes('-6') || a.includes('--ipv6');
        if (addr && !/^\d+$/.test(addr)) out.addresses = [{ value: addr, flag: `runserver ${addr}` }];
        else if (addr) out.addresses = [{ value: `${v6 ? '[::1]' : '127.0.0.1'}:${addr}`, flag: `runserver ${addr}` }];
        else out.loopbackDefault = { host: v6 ? '[::1]:8000' : '127.0.0.1:8000', fix: 'runserver 0.0.0.0:8000', envOverrides: [], configFlags: [] };
      }
      break;
  }
  for (const v of out.addresses) {
    const p = portOf(v.value);
    if (p) out.ports.push(p);
  }
  return out;
}
