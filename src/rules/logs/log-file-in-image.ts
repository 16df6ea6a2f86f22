import { defineRule } from '../rule.js';
import { instructionPairs as envPairs } from '../../project/load-dockerfile.js';
import { imageName } from '../../project/facts/image.js';
import { parseImageRef } from '../../project/load-dockerfile.js';

/** Official web server images link these log files to stdout/stderr already. */
const LINKED_LOG_DIR = /^\/var\/log\/(nginx|apache2|httpd)\b/;

function linksLogsToStdout(image: string | undefined): boolean {
  if (!image) return false;
  const name = imageName(image);
  const tag = parseImageRef(image.toLowerCase()).tag ?? '';
  return /^(nginx|nginxinc\/nginx-unprivileged|httpd|openresty\/openresty|wordpress)$/.test(name) || (name === 'php' && /apache/.test(tag));
}

const LOG_DIR = /(^|\s|=|")\/var\/log\/(?!apt\b|dpkg|alternatives|lastlog|faillog|wtmp|btmp|journal\b)[\w.-]+/;
const LOG_FLAG = /(^|\s)--?(log[-_]?file|logfile|logto|log[-_]?path|error[-_]?logfile|access[-_]?logfile)[= ](?!-|\/dev\/(?:std(?:out|err)|null)|\/proc\/(?:self|1)\/fd\/[12]|stdout|stderr)(\S+)/i;
const LOG_ENV = /^(\w+_)?(LOG_?FILE|LOG_?PATH|LOGFILE|LOG_?DIR)$/i;

export default defineRule({
  id: 'logs/log-file-in-image',
  factor: 'logs',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['dockerfile'],
  docs: {
    summary: 'The image is set up to write logs to files',
    rationale:
      'Factor XI: treat logs as event streams. An app writes its log to stdout/stderr unbuffered and the platform routes it; log files inside a container fill its writable layer and disappear with it.',
    fix: 'Log to stdout/stderr (`--log-file -`, `--access-logfile -`) and let the logging driver ship the stream; remove log directories from the image.',
    swarm: '`docker service logs` and every Swarm logging driver read only the container\'s stdout and stderr; files inside a task are lost when Swarm replaces it.',
    bad: 'RUN mkdir -p /var/log/myapp\nCMD ["gunicorn", "--log-file", "/var/log/myapp/app.log", "app:app"]',
    good: 'CMD ["gunicorn", "--log-file", "-", "app:app"]',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    logDir: '{{keyword}} prepares a log file or directory ({{path}}); log to stdout/stderr instead',
    logFlag: '{{keyword}} writes the log to {{path}}; log to stdout/stderr instead',
    logEnv: 'ENV {{name}}={{path}} sends logs to a file; log to stdout/stderr instead',
  },
  check({ project, report }) {
    const seen = new Set<unknown>();
    const prepared = new Set<string>();
    for (const image of project.facts.images()) {
      const d = image.dockerfile;
      const linked = linksLogsToStdout(image.base?.image);
      for (const inst of image.instructions) {
        if (seen.has(inst)) continue;
        seen.add(inst);
        const text = inst.exec ? inst.exec.join(' ') : inst.args;
        if (inst.keyword === 'ENV') {
          for (const { name, value } of envPairs(inst.args, 'ENV')) {
            if (value && LOG_ENV.test(name) && /^\//.test(value) && !/^\/dev\/(std(out|err)|null)|^\/proc\/(self|1)\/fd/.test(value)) {
              report({ file: d.path, range: inst.range, messageId: 'logEnv', data: { name, path: value } });
            }
          }
          continue;
        }
        if (!['RUN', 'CMD', 'ENTRYPOINT', 'VOLUME'].includes(inst.keyword)) continue;
        // Only the CMD/ENTRYPOINT the image ends up with, not ones a later stage replaces.
        if ((inst.keyword === 'CMD' || inst.keyword === 'ENTRYPOINT') && inst !== image.cmd && inst !== image.entrypoint) continue;
        const flag = LOG_FLAG.exec(text);
        if (flag && inst.keyword !== 'RUN') {
          report({ file: d.path, range: inst.range, messageId: 'logFlag', data: { keyword: inst.keyword, path: flag[3] } });
          continue;
        }
        const dir = LOG_DIR.exec(text);
        // Symlinking log files to stdout is the good pattern (nginx image does it).
        const path = dir?.[0].replace(/^[\s="]/, '');
        if (path && linked && LINKED_LOG_DIR.test(path)) continue;
        if (dir && !/ln\s+-s[fT]*\s+\/dev\/std(out|err)/.test(text) && /(mkdir|touch|chown|chmod|VOLUME)/.test(`${inst.keyword} ${text}`)) {
          // mkdir, then chown of the same directory: one problem, reported where it is first prepared.
          const key = `${d.path}\0${path}`;
          if (prepared.has(key)) continue;
          prepared.add(key);
          report({ file: d.path, range: inst.range, messageId: 'logDir', data: { keyword: inst.keyword, path: path! } });
        }
      }
    }
  },
});
