import { defineRule } from '../rule.js';
import type { ComposeService } from '../../project/model.js';
import { imageName, type ImageFacts } from '../../project/facts/image.js';
import { basename, programOf, type SimpleCommand } from '../../project/facts/shell.js';
import { serviceImage, serviceVolumes } from '../../project/facts/service.js';
import { reportPart, type ContainerProcess } from '../../project/facts/process.js';
import { short } from '../util/text.js';

/** Programs that only wait or keep the container alive: backgrounding them is harmless. */
const IDLE = /^(sleep|tail|true|wait|cat|echo|printf|trap|exit)$/;

type Finding = { messageId: 'initScript' | 'nginxDaemon' | 'backgroundLast' | 'backgroundProcess' | 'waitFirst' | 'trapped'; name: string; step: string };

/** `trap 'kill -TERM $pid' TERM`: a hand-written supervisor that passes the stop signal on itself. */
function trapsTerm(commands: SimpleCommand[]): boolean {
  return commands.some((c) => basename(c.words[0] ?? '') === 'trap' && c.words.slice(2).some((w) => /^(SIG)?TERM$|^15$/i.test(w)));
}

/** `service x start`, `/etc/init.d/x start`, `systemctl start x`, `apachectl start`. */
function initScript(c: SimpleCommand): string | undefined {
  const w = c.words;
  const p = basename(w[0] ?? '');
  if ((p === 'service' || p === 'rc-service' || p === 'invoke-rc.d') && /^(start|restart)$/.test(w[2] ?? '')) return w[1];
  if (/^\/etc\/(rc\.d\/)?init\.d\/[\w.-]+$/.test(w[0] ?? '') && /^(start|restart)$/.test(w[1] ?? '')) return basename(w[0]);
  if (p === 'systemctl' && /^(start|restart)$/.test(w[1] ?? '') && w[2]) return w[2];
  if ((p === 'apachectl' || p === 'apache2ctl') && /^(start|restart|graceful)$/.test(w[1] ?? '')) return 'apache';
  if (p === 'httpd' && w.includes('-k') && /^(start|restart)$/.test(w[w.indexOf('-k') + 1] ?? '')) return 'httpd';
  return undefined;
}

/** nginx started in its default daemon mode: no `-g "daemon off;"`, no custom config that could say so. */
function nginxDaemonizes(c: SimpleCommand, image: ImageFacts | undefined, service: ComposeService | undefined): boolean {
  const { name, args } = programOf(c.words);
  if (name !== 'nginx' && name !== 'openresty') return false;
  if (args.some((a) => /^-[stTvVhq?]$/.test(a) || a === '-c')) return false;
  const g = args.indexOf('-g');
  if (g >= 0 && /daemon\s+off/.test(args[g + 1] ?? '')) return false;
  // The main nginx.conf may say `daemon off;`: stay quiet when the image or the service replaces it.
  if (image) {
    for (const inst of image.instructions) {
      if (/daemon\s+off/.test(inst.args)) return false;
      if ((inst.keyword === 'COPY' || inst.keyword === 'ADD') && /(^|\s)\/etc\/nginx\/?(nginx\.conf)?\s*$|\/usr\/local\/openresty\/nginx\/conf\/?(nginx\.conf)?\s*$/.test(inst.args)) return false;
    }
  }
  if (service) {
    if (serviceVolumes(service).some((v) => /^\/etc\/nginx\/?(nginx\.conf)?$|openresty/.test(v.target ?? ''))) return false;
    if (!image) {
      // Only the official image's nginx.conf is known to lack `daemon off;`.
      const image = serviceImage(service);
      if (!image || !/^nginx$/.test(imageName(image.value))) return false;
    }
  }
  return true;
}

function findProblem(commands: SimpleCommand[], image: ImageFacts | undefined, service: ComposeService | undefined): Finding | undefined {
  for (const c of commands) {
    const name = initScript(c);
    if (name) return { messageId: 'initScript', name, step: c.raw.join(' ') };
  }
  for (const c of commands) {
    if (!c.background && nginxDaemonizes(c, image, service)) return { messageId: 'nginxDaemon', name: 'nginx', step: c.raw.join(' ') };
  }
  const last = commands.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = commands[i];
    if (!c.background || c.words.length === 0 || IDLE.test(basename(c.words[0]))) continue;
    // `exec "$@"` runs the container's command in the foreground, even when this image leaves it to compose `command:`.
    const after = commands.slice(i + 1).filter((x) => x.words.length > 0 || x.raw.some((w) => /\$\{?[@*]\}?/.test(w)));
    // A script that traps SIGTERM does pass it on (Wallos startup.sh): what is left is the processes sharing one task.
    if (trapsTerm(commands) && after.some((x) => !x.background || basename(x.words[0] ?? '') === 'wait')) return { messageId: 'trapped', name: programOf(c.words).name, step: `${c.raw.join(' ')} &` };
    // `a & b & wait -n`: the shell exits when the first one does, so a crash does restart the task.
    if (after.some((x) => basename(x.words[0] ?? '') === 'wait' && x.words.includes('-n'))) return { messageId: 'waitFirst', name: programOf(c.words).name, step: c.raw.join(' ') };
    if (after.some((x) => basename(x.words[0] ?? '') === 'wait')) return { messageId: 'backgroundProcess', name: programOf(c.words).name, step: c.raw.join(' ') };
    const foreground = after.filter((x) => !x.background);
    if (foreground.length === 0) return { messageId: 'backgroundLast', name: programOf(c.words).name, step: `${c.raw.join(' ')} &` };
    return { messageId: 'backgroundProcess', name: programOf(c.words).name, step: `${c.raw.join(' ')} &` };
  }
  return undefined;
}

export default defineRule({
  id: 'concurrency/daemonizing-command',
  factor: 'concurrency',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['dockerfile', 'compose'],
  docs: {
    summary: 'The start command puts a process in the background (`service x start`, `/etc/init.d/x start`, `nginx` without `daemon off`, `cmd &`)',
    rationale:
      'Factor VIII: processes never daemonize or write PID files; they run in the foreground and rely on the process manager to restart and scale them. A daemon started from the start command runs unsupervised: nobody restarts it when it dies, it gets no SIGTERM, and when nothing else stays in the foreground the container exits at once.',
    fix: 'Run the program in the foreground as the container\'s only process (`nginx -g "daemon off;"`, `CMD ["redis-server"]`), and move every other process to its own service.',
    swarm: 'Swarm watches the main process only: when it exits, Swarm restarts the task (a restart loop if the daemon forked and the shell returned); when a background process dies, Swarm never knows.',
    bad: 'CMD service nginx start && gunicorn -b 0.0.0.0:8000 app:app',
    good: '# one service per process\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    initScript: '{{where}} starts {{name}} as a background daemon ("{{step}}"): Docker does not supervise it, it gets no SIGTERM, and the container exits if nothing else stays in the foreground; run {{name}} in the foreground in its own container',
    nginxDaemon: '{{where}} runs nginx in its default daemon mode ("{{step}}"): it forks into the background where Docker does not supervise it; run `nginx -g "daemon off;"`',
    backgroundLast: '{{where}} starts {{name}} in the background ("{{step}}") and nothing stays in the foreground: the shell exits and the container stops at once; drop the `&`',
    backgroundProcess: '{{where}} starts {{name}} in the background ("{{step}}") next to the main process: nothing restarts it when it dies and it gets no SIGTERM; run it as its own service',
    trapped: '{{where}} starts {{name}} in the background ("{{step}}") beside other processes under a hand-written supervisor (the script traps SIGTERM and passes it on): they scale and restart only together, and nothing restarts {{name}} alone when it dies; run each as its own service',
    waitFirst: '{{where}} runs {{name}} in the background ("{{step}}") beside other processes and waits for the first to exit: a crash of one restarts the whole task, and the shell does not pass SIGTERM on to them; run each as its own service (or under an init that forwards signals)',
  },
  check({ project, report }) {
    const seen = new Set<unknown>();
    const inspect = (proc: ContainerProcess | undefined) => {
      if (!proc) return;
      const at = reportPart(proc);
      if (seen.has(at.range)) return;
      const problem = findProblem(project.facts.stepsToJudge(proc).map((s) => s.command), proc.image, proc.service);
      if (!problem) return;
      // An image with an ENTRYPOINT and no CMD gets its command at run time (`exec "$@"` runs it in the foreground):
      // "nothing stays in the foreground" is not known of the image alone; the services that run it are judged.
      if (problem.messageId === 'backgroundLast' && !proc.service && proc.image?.entrypoint && !proc.image.cmd) return;
      seen.add(at.range);
      report({ file: at.file, range: at.range, messageId: problem.messageId, data: { where: at.where, name: problem.name, step: short(problem.step) } });
    };
    for (const proc of project.facts.startedProcesses()) inspect(proc);
  },
});
