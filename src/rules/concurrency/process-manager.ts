import { defineRule } from '../rule.js';
import { processManagerOf } from '../../project/facts/commands.js';
import { describeStep, reportPart, type ContainerProcess, scriptStepKey } from '../../project/facts/process.js';
import { short } from '../util/text.js';

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
    const seen = new Set<unknown>();
    const inspect = (proc: ContainerProcess | undefined) => {
      if (!proc) return;
      const at = reportPart(proc);
      if (seen.has(at.range)) return;
      for (const step of project.facts.stepsToJudge(proc)) {
        const attached = step.via.find((v) => /^uwsgi (attach|smart-attach|mule)/.test(v));
        const manager = attached ? 'uwsgi attach-daemon' : processManagerOf(step.command.words);
        if (!manager) continue;
        const key = scriptStepKey(step);
        if (key && seen.has(key)) return;
        seen.add(at.range).add(key);
        report({ file: at.file, range: at.range, messageId: manager === 'pm2' ? 'pm2' : 'manager', data: { where: at.where, manager, step: short(describeStep(step), 80) } });
        return;
      }
    };
    for (const proc of project.facts.startedProcesses()) inspect(proc);
  },
});
