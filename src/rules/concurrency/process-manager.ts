import { defineRule } from '../rule.js';
import { short, startParts } from '../util/runtime-container.js';
import { parseShell, programOf, type SimpleCommand } from '../util/runtime-command.js';
import { buildContextOf, packageJsonIn, packageManagerRun, scriptText, serviceContext } from '../util/runtime-scripts.js';

const FOREVER_QUERIES = new Set(['list', 'stop', 'stopall', 'logs', 'cleanlogs', 'columns', 'config', 'set', 'clear', 'restartall']);

/** The process manager a command starts, if any. */
export function processManagerOf(words: readonly string[]): string | undefined {
  const { name, args } = programOf(words);
  const positional = args.filter((a) => !a.startsWith('-'));
  if (name === 'pm2') {
    const sub = positional[0] ?? '';
    if (/^(start|restart|reload|resurrect|startOrRestart|startOrReload|startOrGracefulReload)$/.test(sub) || /\.(c|m)?js$|\.json$|\.ya?ml$/.test(sub)) return 'pm2';
    return undefined;
  }
  if (name === 'supervisord' || name === 'supervisor.supervisord') return 'supervisord';
  if (name === 'circusd') return 'circus';
  if (name === 'forever' && positional[0] && !FOREVER_QUERIES.has(positional[0])) return 'forever';
  // Procfile runners start every process type in one container unless told which.
  if ((name === 'honcho' || name === 'foreman' || name === 'nf' || name === 'overmind') && /^(start|s)$/.test(positional[0] ?? '') && positional.length === 1) return name;
  if (name === 'hivemind') return 'hivemind';
  if (name === 'concurrently' && positional.length >= 2) return 'concurrently';
  if ((name === 'npm-run-all' && args.some((a) => a === '-p' || a === '--parallel')) || (name === 'run-p' && positional.length >= 2)) return name;
  return undefined;
}

export default defineRule({
  id: 'concurrency/process-manager',
  factor: 'concurrency',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['dockerfile', 'compose', 'manifest'],
  docs: {
    summary: 'The container runs a process manager (pm2, supervisord, forever, circus, honcho …)',
    rationale:
      'Factor VIII: scale out via the process model. Each process type runs as its own process, and the platform\'s process manager (here the orchestrator) starts, restarts and scales it. A process manager inside the container hides crashes from the orchestrator, multiplies workers it cannot see, and ties process types together so they cannot scale apart.',
    fix: 'Run one process per container: `CMD ["node", "dist/server.js"]`, and give every other process type (worker, scheduler) its own service. Scale with `deploy.replicas`. If you keep pm2, use `pm2-runtime`, which stays in the foreground and passes signals on.',
    swarm: 'Swarm restarts a task only when its main process exits and health-checks only that process; a worker that dies under supervisord or pm2 is invisible to `docker service ps`, and `replicas: 3` of a pm2 cluster runs 3 × N processes.',
    bad: 'CMD ["pm2", "start", "ecosystem.config.js", "--no-daemon"]',
    good: 'CMD ["node", "dist/server.js"]',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    pm2: '{{where}} runs the app under pm2 ("{{step}}"): pm2 restarts and clusters processes inside the container where Swarm cannot see them; run the app directly (or with pm2-runtime) and scale with replicas',
    manager: '{{where}} starts {{manager}} ("{{step}}"), which runs and restarts processes inside one container where Swarm cannot see them; run each process type as its own service and scale it with replicas',
  },
  check({ project, report }) {
    for (const sp of startParts(project)) {
      const found = (commands: SimpleCommand[]): { manager: string; step: string } | undefined => {
        for (const c of commands) {
          const manager = processManagerOf(c.words);
          if (manager) return { manager, step: c.words.join(' ') };
        }
        return undefined;
      };
      let hit = found(sp.commands);
      if (!hit) {
        // `npm start` whose package.json script starts the manager.
        const context = sp.service ? serviceContext(sp.service, project) : sp.dockerfile ? buildContextOf(sp.dockerfile) : undefined;
        for (const c of sp.commands) {
          const run = packageManagerRun(c.words);
          const text = run && scriptText(packageJsonIn(project, context), run.script);
          const inner = text ? found(parseShell(text)) : undefined;
          if (inner) {
            hit = { manager: inner.manager, step: `${c.words.join(' ')} → ${inner.step}` };
            break;
          }
        }
      }
      if (!hit) continue;
      report({
        file: sp.part.file,
        range: sp.part.range,
        messageId: hit.manager === 'pm2' ? 'pm2' : 'manager',
        data: { where: sp.where, manager: hit.manager, step: short(hit.step, 80) },
      });
    }
  },
});
