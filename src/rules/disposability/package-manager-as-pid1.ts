import { defineRule } from '../rule.js';
import { hasInit, reportPart, type ContainerProcess } from '../../project/facts/process.js';
import { packageManagerRun } from '../../project/facts/commands.js';
import { joinWords } from '../../project/facts/shell.js';
import { short } from '../util/text.js';

/** Scripts that run once and exit: signals matter little there. */
const ONE_OFF = /(migrat|seed|build|test|lint|install|^ci$|prisma|typeorm|knex|sequelize|generate|setup)/i;

/** What to start instead: the command the script runs, when it is one plain `node …`. */
function suggestion(proc: ContainerProcess, label: string, script: string): string {
  const inner = proc.steps.filter((s) => s.via.at(-1) === label);
  const last = inner.at(-1);
  if (inner.length === 1 && last && ['node', 'bun', 'deno'].includes(last.command.program) && last.command.words.every((w) => /^[\w./:@=+-]+$/.test(w))) {
    return `: ${JSON.stringify(last.command.words).replace(/","/g, '", "')}`;
  }
  if (inner.length > 0) return ` (the "${script}" script runs "${short(inner.map((s) => joinWords(s.command.words)).join(' && '), 50)}")`;
  return ` with the command its "${script}" script runs`;
}

export default defineRule({
  id: 'disposability/package-manager-as-pid1',
  factor: 'disposability',
  severity: 'warning',
  swarm: 'degraded',
  covers: ['disposability/shell-form-command'],
  recommended: true,
  inputs: ['dockerfile', 'compose', 'manifest'],
  docs: {
    summary: 'The container\'s main process is `npm`, `yarn` or `pnpm` running a script',
    rationale:
      'Factor IX: processes shut down gracefully when they receive SIGTERM. With `CMD ["npm", "start"]` the package manager is PID 1 and runs the app as a grandchild through a shell; SIGTERM reaches npm, not the app, and whether npm, yarn or pnpm pass it on depends on their version and the shell in between. The app may never hear it should stop.',
    fix: 'Start the app directly: `CMD ["node", "dist/server.js"]` (the command your `start` script runs). Keep npm for building the image.',
    swarm: 'On every update and scale-down Swarm sends SIGTERM, waits `stop_grace_period` (10 s by default) and then SIGKILLs the task: open requests and jobs are cut off.',
    bad: 'CMD ["npm", "start"]',
    good: 'CMD ["node", "server.js"]',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    packageManager:
      '{{where}} runs the app through "{{step}}": SIGTERM from docker stop and Swarm updates reaches {{front}} instead of the app, and {{pm}} does not reliably pass it on; start the app directly{{suggestion}}',
  },
  check({ project, report }) {
    const inspect = (proc: ContainerProcess | undefined, where: string) => {
      if (!proc || !proc.entrypointKnown || hasInit(proc)) return;
      const main = proc.launcher?.command;
      if (!main) return;
      const run = packageManagerRun(main.words);
      if (!run || ONE_OFF.test(run.script)) return;
      const front = main.inShell && !main.exec ? `/bin/sh (then ${run.pm})` : run.pm;
      const at = reportPart(proc);
      report({
        file: at.file,
        range: at.range,
        messageId: 'packageManager',
        data: { where, step: short(main.words.join(' ')), front, pm: run.pm, suggestion: suggestion(proc, `${run.pm} script "${run.script}"`, run.script) },
      });
    };
    for (const proc of project.facts.startedProcesses()) {
      inspect(proc, proc.service ? `Service "${proc.service.name}"` : proc.at.source === 'dockerfile-entrypoint' ? 'ENTRYPOINT' : 'CMD');
    }
  },
});
