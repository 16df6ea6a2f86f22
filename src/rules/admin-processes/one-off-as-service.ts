import { defineRule } from '../rule.js';
import { getValue } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { isAdminStep, isMigration } from '../../project/facts/commands.js';
import { joinWords } from '../../project/facts/shell.js';
import { short } from '../util/text.js';

export default defineRule({
  id: 'admin-processes/one-off-as-service',
  factor: 'admin-processes',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose', 'dockerfile'],
  docs: {
    summary: 'A stack service only runs a migration or another one-off task, but is deployed as a regular (restarted) service',
    rationale:
      'Factor XII: admin processes run as one-off processes against a release. Declared as an ordinary replicated service, a migration or seed task is treated like a long-running process: when it finishes, the orchestrator starts it again, and again.',
    fix: 'Deploy it as a job: `deploy.mode: replicated-job`, or keep it a service with `deploy.restart_policy.condition: on-failure` (or `none`), or run it once from CI (`docker run --rm app:1.4.2 npx prisma migrate deploy`) before `docker stack deploy`.',
    swarm: 'A replicated service gets the restart condition `any` unless `deploy.restart_policy` (or `restart: on-failure`) says otherwise; `restart: "no"` does not help, docker/cli turns it into no policy, so the default `any` applies. Every time the task exits, Swarm starts a new one: the migration or seed runs in a loop.',
    bad: 'services:\n  migrate:\n    image: registry.example.com/app:1.4.2\n    command: npx prisma migrate deploy',
    good: 'services:\n  migrate:\n    image: registry.example.com/app:1.4.2\n    command: npx prisma migrate deploy\n    deploy:\n      mode: replicated-job',
    exampleLanguage: 'yaml',
  },
  messages: {
    oneOff: 'Service "{{service}}" only runs a one-off task ("{{step}}") but is a replicated service: Swarm restarts it every time it finishes; use `deploy.mode: replicated-job` or `restart_policy.condition: on-failure`',
    restartNo: 'Service "{{service}}" only runs a one-off task ("{{step}}"); `restart: "no"` does not stop Swarm, which applies its default restart condition `any` and runs it again every time it finishes; use `deploy.mode: replicated-job` or `restart_policy.condition: on-failure`',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (file.role !== 'stack') continue;
      for (const service of file.services) {
        const deploy = getValue(service.node, 'deploy');
        const mode = resolvedString(file, getValue(deploy, 'mode'));
        if (mode && mode !== 'replicated' && mode !== 'global') continue;
        const policy = getValue(deploy, 'restart_policy');
        const restart = resolvedString(file, getValue(service.node, 'restart'));
        if (policy) {
          const condition = resolvedString(file, getValue(policy, 'condition'));
          if (condition === 'none' || condition === 'on-failure') continue;
        } else if (restart && /^on-failure/.test(restart)) continue;
        const proc = project.facts.serviceProcess(service);
        const steps = proc?.commands.filter((c) => !c.background && c.words.length > 0).map((c) => c.words) ?? [];
        if (steps.length === 0 || !steps.every(isAdminStep) || !steps.some(isMigration)) continue;
        const at = proc!.parts.find((p) => p.source === 'compose-command') ?? proc!.parts.find((p) => p.source === 'compose-entrypoint');
        report({
          file: file.path,
          range: at?.range ?? service.keyRange,
          messageId: !policy && (restart === 'no' || restart === 'false') ? 'restartNo' : 'oneOff',
          data: { service: service.name, step: short(steps.map(joinWords).join(' && ')) },
        });
      }
    }
  },
});
