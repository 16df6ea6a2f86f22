import { defineRule } from '../rule.js';
import { TOOL_CONFIG, devOnly, parsedSources, strings } from '../../project/js/query.js';
import type { CallFact, Value } from '../../project/js/facts.js';

const STD = /^(1|2|\/dev\/stdout|\/dev\/stderr|\/proc\/self\/fd\/[12]|process\.std(out|err))$/;
const FS_LOG = /^(fs|fs\/promises|fs-extra):(promises\.)?(createWriteStream|appendFile|appendFileSync|writeFile|writeFileSync)$/;

/**
 * A path as the code builds it, with the parts not known here shown as such:
 * `path.join(dir, "/error.log")` is `<dir>/error.log`, not `/error.log`.
 */
function describePath(v: Value, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  switch (v.k) {
    case 'str':
      return v.v;
    case 'ref':
      return `<${v.name.replace(/^[^:]*:/, '')}>`;
    case 'env':
      return `$${v.name}`;
    case 'call':
      if (/(^|[:.])(join|resolve)$/.test(v.callee)) {
        const parts = v.args.map((a) => describePath(a, depth + 1) ?? '<…>');
        // path.resolve restarts at an absolute part; path.join does not.
        const start = /resolve$/.test(v.callee) ? Math.max(0, parts.map((p) => p.startsWith('/')).lastIndexOf(true)) : 0;
        return parts.slice(start).join('/').replace(/\/{2,}/g, '/');
      }
      return undefined;
    default:
      return undefined;
  }
}

function fileTarget(v: Value | undefined): string | undefined {
  if (!v) return undefined;
  if (v.k === 'num') return STD.test(String(v.v)) ? undefined : `fd ${v.v}`;
  if (v.k === 'ref' && /std(out|err)/.test(v.name)) return undefined;
  const described = describePath(v);
  if (described !== undefined) return STD.test(described) ? undefined : described;
  const text = [...strings(v)];
  if (text.length === 0) return undefined;
  const joined = text.join('/');
  return STD.test(joined) ? undefined : joined;
}

/** pino transport targets writing to files: { target: 'pino/file', options: { destination } } (also in `targets: [...]`). */
function pinoFileTargets(v: Value | undefined, depth = 0): string[] {
  if (!v || depth > 5) return [];
  if (v.k === 'arr') return v.items.flatMap((i) => pinoFileTargets(i, depth + 1));
  if (v.k !== 'obj') return [];
  const out: string[] = [];
  const target = v.props.target;
  if (target?.k === 'str' && /^(pino\/file|pino-roll|pino-rotating-file-stream|pino-rotating-file|rotating-file-stream)$/.test(target.v)) {
    const opts = v.props.options;
    const dest = opts?.k === 'obj' ? opts.props.destination ?? opts.props.file ?? opts.props.path : undefined;
    const shown = fileTarget(dest);
    if (shown) out.push(shown);
    else if (!dest && target.v !== 'pino/file') out.push(target.v);
  }
  for (const p of Object.values(v.props)) out.push(...pinoFileTargets(p, depth + 1));
  return out;
}

function describeCall(call: CallFact): { what: string; path: string } | undefined {
  const c = call.callee;
  // Python: logging handlers (constructed, or as a `'class':` of Django's LOGGING) and basicConfig(filename=…).
  const py = /^logging:(handlers\.)?(FileHandler|RotatingFileHandler|TimedRotatingFileHandler|WatchedFileHandler|basicConfig)$/.exec(c);
  if (py) {
    const options = call.args.find((a) => a.k === 'obj');
    const first = call.args[0]?.k !== 'obj' ? call.args[0] : undefined;
    const target = first ?? (options?.k === 'obj' ? options.props.filename : undefined);
    if (py[2] === 'basicConfig' && !target) return undefined;
    // `RotatingFileHandler(logfile)` inside a function: the caller chooses the file (a `--logfile` option), not this code.
    // Django's LOGGING (a dict, no positional argument) is the app's settings: reported whatever the path.
    if (first && fileTarget(first) === undefined) return undefined;
    return { what: py[2] === 'basicConfig' ? 'logging.basicConfig' : `logging ${py[2]}`, path: fileTarget(target) ?? 'a file' };
  }
  if (/^winston:(default\.)?transports\.(File|DailyRotateFile)$/.test(c) || (c === 'winston-daily-rotate-file:' && call.isNew)) {
    const o = call.args[0];
    const path = o?.k === 'obj' ? fileTarget(o.props.filename ?? o.props.dirname) : undefined;
    return { what: c.startsWith('winston:') ? `winston ${c.slice(c.lastIndexOf('.') + 1)} transport` : 'winston DailyRotateFile transport', path: path ?? 'a file' };
  }
  if (c === 'pino:destination') {
    const a = call.args[0];
    const path = a?.k === 'obj' ? fileTarget(a.props.dest) : fileTarget(a);
    return path ? { what: 'pino.destination', path } : undefined;
  }
  if (/^pino:/.test(c)) {
    const files = call.args.flatMap((a) => pinoFileTargets(a));
    return files.length ? { what: c === 'pino:transport' ? 'pino.transport' : 'pino', path: files.join(', ') } : undefined;
  }
  if (c === 'log4js:configure') {
    const appenders = call.args[0]?.k === 'obj' ? call.args[0].props.appenders : undefined;
    if (appenders?.k !== 'obj') return undefined;
    const files = Object.entries(appenders.props).filter(([, a]) => a.k === 'obj' && a.props.type?.k === 'str' && /^(file|dateFile|fileSync|multiFile)$/.test(a.props.type.v));
    if (files.length === 0) return undefined;
    return { what: `log4js appender${files.length > 1 ? 's' : ''} ${files.map(([n]) => `"${n}"`).join(', ')}`, path: files.map(([, a]) => (a.k === 'obj' ? fileTarget(a.props.filename) ?? 'a file' : 'a file')).join(', ') };
  }
  if (c === 'bunyan:createLogger') {
    const o = call.args[0];
    if (o?.k !== 'obj') return undefined;
    const paths = [fileTarget(o.props.path), ...(o.props.streams?.k === 'arr' ? o.props.streams.items.map((s) => (s.k === 'obj' ? fileTarget(s.props.path) : undefined)) : [])].filter((x): x is string => Boolean(x));
    return paths.length ? { what: 'bunyan stream', path: paths.join(', ') } : undefined;
  }
  if (FS_LOG.test(c)) {
    const path = fileTarget(call.args[0]);
    if (path && /\.log(\.\d+)?$|(^|\/)logs?\//i.test(path)) return { what: c.replace(/^[^:]*:/, 'fs.'), path };
  }
  return undefined;
}

export default defineRule({
  id: 'logs/log-file-in-code',
  factor: 'logs',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['source'],
  sourcePrefilter: /winston|pino|log4js|bunyan|\.log['"`]|\/logs?\//,
  sourceLanguages: ['python'],
  docs: {
    summary: 'The app writes its logs to files',
    rationale:
      "Factor XI: an app never concerns itself with routing or storing its output stream; it writes its event stream, unbuffered, to stdout, and the execution environment collects it. File transports and appenders (winston `transports.File`, `pino.destination('./app.log')`, pino's `pino/file` transport, log4js `type: 'file'`, bunyan `path` streams, `fs.createWriteStream('app.log')`) hide the logs inside the container, fill its disk and disappear with it. Code in development-only branches is left alone. A winston file transport set up beside a console transport in the same file is an extra copy: reported as info.",
    fix: 'Log to stdout/stderr (winston `transports.Console`, plain `pino()`, log4js `type: \'stdout\'`) and let the platform ship the stream (`docker service logs`, a logging driver, Loki/ELK).',
    swarm: '`docker service logs` and every logging driver read only stdout/stderr of the task; files inside the container are lost when the task is replaced.',
    bad: "new winston.transports.File({ filename: 'logs/app.log' })",
    good: 'new winston.transports.Console({ format: winston.format.json() })',
    exampleLanguage: 'js',
  },
  messages: {
    file: '{{what}} writes logs to {{path}} inside the container: `docker service logs` never sees them, they fill the container\'s disk and vanish with the task. Log to stdout/stderr instead',
    copy: '{{what}} writes a copy of the logs to {{path}} inside the container beside the console transport: the stream reaches `docker service logs`, the file only fills the container\'s disk and vanishes with the task; drop the file transport or make it opt-in',
  },
  check({ project, report }) {
    for (const file of parsedSources(project, 'runtime', ['js', 'ts', 'python'])) {
      if (TOOL_CONFIG.test(file.path)) continue;
      // A console transport set up in the same file: the stream reaches stdout too, the file is an extra copy.
      const console = file.facts.calls.some((c) => /^winston:(default\.)?transports\.Console$|^logging:StreamHandler$/.test(c.callee));
      for (const call of file.facts.calls) {
        if (devOnly(call.ctx)) continue;
        const d = describeCall(call);
        if (!d) continue;
        if (console && /^(winston|logging )/.test(d.what)) report({ file: file.path, range: call.range, messageId: 'copy', data: d, severity: 'info' });
        else report({ file: file.path, range: call.range, messageId: 'file', data: d });
      }
    }
  },
});
