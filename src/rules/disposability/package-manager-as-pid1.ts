import { defineRule } from '../rule.js';
import type { Project } from '../../project/model.js';
import { getValue } from '../../project/yaml-tree.js';
import { dockerfileProcess, hasInit, serviceProcess, short, type ContainerProcess } from '../util/runtime-container.js';
import { basename, parseShell } from '../util/runtime-command.js';
import { buildContextOf, packageJsonIn, packageManagerRun, scriptText, serviceContext } from '../util/runtime-scripts.js';

/** Scripts that run once and exit: signals matter little there. */
const ONE_OFF = /(migrat|seed|build|test|lint|install|^ci$|prisma|typeorm|knex|sequelize|generate|setup)/i;

function suggestion(project: Project, proc: ContainerProcess, script: string): string {
  const context = proc.service ? serviceContext(proc.service, project) : proc.dockerfile ? buildContextOf(proc.dockerfile) : undefined;
  const text = scriptText(packageJsonIn(project, context), script);
  const cmds = text ? parseShell(text) : [];
  const last = cmds.at(-1);
  if (cmds.length === 1 && last && ['node', 'bun', 'deno'].includes(basename(last.words[0] ?? '')) && last.words.every((w) => /^[\w./:@=+-]+$/.test(w))) {
    return `: ${JSON.stringify(last.words).replace(/","/g, '", "')}`;
  }
  if (text) return ` (the "${script}" script runs "${short(text, 50)}")`;
  return ` with the command its "${script}" script runs`;
}

export default defineRule({
  id: 'disposability/package-manager-as-pid1',
  factor: 'disposability',
  severity: 'warning',
  swarm: 'degraded',
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
      const foreground = proc.commands.filter((c) => !c.background && c.words.length > 0);
      const main = foreground.at(-1);
      if (!main) return;
      const run = packageManagerRun(main.words);
      if (!run || ONE_OFF.test(run.script)) return;
      const front = main.inShell && !main.exec ? `/bin/sh (then ${run.pm})` : run.pm;
      const at = proc.service ? (proc.parts.find((p) => p.source === 'compose-command') ?? proc.parts.find((p) => p.source === 'compose-entrypoint') ?? proc.at) : proc.at;
      report({
        file: at.file,
        range: at.range,
        messageId: 'packageManager',
        data: { where, step: short(main.words.join(' ')), front, pm: run.pm, suggestion: suggestion(project, proc, run.script) },
      });
    };
    for (const d of project.dockerfiles) {
      const proc = dockerfileProcess(d);
      inspect(proc, proc?.at.source === 'dockerfile-entrypoint' ? 'ENTRYPOINT' : 'CMD');
    }
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        if (!getValue(service.node, 'command') && !getValue(service.node, 'entrypoint')) continue;
        inspect(serviceProcess(service, project), `Service "${service.name}"`);
      }
    }
  },
});
