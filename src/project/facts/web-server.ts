/**
 * Web servers a container can start, and how each is told where to listen:
 * what `port-binding` rules and the process facts need to read a start command.
 */
import { flagValue, flagValues, programOf } from './shell.js';

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
