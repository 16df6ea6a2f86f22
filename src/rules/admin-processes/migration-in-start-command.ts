import { defineRule } from '../rule.js';
import { isAdminStep, isMigration } from '../../project/facts/commands.js';
import { describeStep, reportPart, type ContainerProcess, scriptStepKey } from '../../project/facts/process.js';
import { short } from '../util/text.js';

export default defineRule({
  id: 'admin-processes/migration-in-start-command',
  factor: 'admin-processes',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['dockerfile', 'compose'],
  docs: {
    summary: 'Database migrations run as part of the server start command',
    rationale:
      'Factor XII: run admin and management tasks as one-off processes. Chained into the start command (`migrate && node server.js`), a migration runs in every replica at once and on every restart; concurrent migrations race and can leave the schema half-applied.',
    fix: 'Run migrations once per release as their own task: a `deploy.mode: replicated-job` service, `docker service create --mode replicated-job`, or a CI/CD step before `docker stack deploy`.',
    swarm: 'With `replicas: 3` Swarm starts three tasks at the same moment, each running the migration; a rolling update repeats it per task.',
    bad: 'CMD ["sh", "-c", "npx prisma migrate deploy && node dist/server.js"]',
    good: 'services:\n  migrate:\n    image: app:1.4.2\n    command: ["npx", "prisma", "migrate", "deploy"]\n    deploy:\n      mode: replicated-job',
    exampleLanguage: 'yaml',
  },
  messages: {
    migration: 'The start command runs a migration ("{{step}}") before the server: every replica runs it at once; run it once per release as a separate job',
  },
  check({ project, report }) {
    const seen = new Set<unknown>();
    const inspect = (proc: ContainerProcess | undefined) => {
      if (!proc?.main) return;
      const at = reportPart(proc);
      if (seen.has(at.range)) return;
      // A command that is only the migration (or ends in an admin step) is a one-off job: that is the good pattern.
      if (isAdminStep(proc.main.command.words)) return;
      // The innermost one says what really migrates (`npm run migrate` → `prisma migrate deploy`).
      const migration = project.facts.stepsToJudge(proc).filter((s) => s !== proc.main && isMigration(s.command.words)).sort((a, b) => b.via.length - a.via.length)[0];
      if (!migration) return;
      const key = scriptStepKey(migration);
      if (key && seen.has(key)) return;
      seen.add(at.range).add(key);
      report({ file: at.file, range: at.range, messageId: 'migration', data: { step: short(describeStep(migration), 80) } });
    };
    for (const proc of project.facts.startedProcesses()) inspect(proc);
  },
});
