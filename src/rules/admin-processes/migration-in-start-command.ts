import { defineRule } from '../rule.js';
import { allStartCommands, shellSegments } from '../util/start-command.js';

/** Schema migrations and seeders, by framework. */
export const MIGRATION = [
  /\b(python3?\s+)?manage\.py\s+(migrate|loaddata)\b/,
  /\b(npx\s+|yarn\s+|pnpm\s+)?prisma\s+(migrate\s+(deploy|dev)|db\s+(push|seed))\b/,
  /\b(npx\s+)?sequelize(-cli)?\s+db:(migrate|seed)/,
  /\b(npx\s+)?knex\s+(migrate:latest|seed:run)\b/,
  /\b(npx\s+)?typeorm(-ts-node-\w+)?\s+migration:run\b/,
  /\balembic\s+upgrade\b/,
  /\bflask\s+db\s+upgrade\b/,
  /\b(bundle\s+exec\s+)?(rails|rake)\s+db:(migrate|setup|prepare|seed)\b/,
  /\b(php\s+)?artisan\s+(migrate|db:seed)\b/,
  /\b(npm|yarn|pnpm)\s+(run\s+)?(migrate|migration|db:migrate|db:seed|seed)(:\S+)?\b/,
  /\b(goose|migrate|dbmate|flyway|liquibase)\s+(\S+\s+)*(up|migrate|update)\b/,
  /\bdiesel\s+migration\s+run\b/,
  /\b(python3?\s+)?\S*prestart\.sh\b|\bbackend_pre_start\b/,
];

/** Steps of a one-off admin job besides migrations: the command is a job when it ends in one. */
export const ADMIN_STEP = /\b(manage\.py\s+(collectstatic|createsuperuser|compilemessages|createcachetable|check|loaddata)|artisan\s+(config|route|view|event|optimize|storage:link|cache)\S*|rails\s+(assets:precompile|db:\S+)|rake\s+\S+)\b|^(echo|printf|true|exit|set|export|cd)\b/;

/** A shell segment that is part of an admin job, not a server. */
export function isAdminStep(segment: string): boolean {
  const s = segment.trim();
  return MIGRATION.some((re) => re.test(s)) || ADMIN_STEP.test(s);
}

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
    for (const command of allStartCommands(project)) {
      const segments = shellSegments(command.text);
      // A command that is only the migration (or ends in an admin step) is a one-off job: that is the good pattern.
      if (segments.length < 2 || isAdminStep(segments[segments.length - 1])) continue;
      for (const segment of segments) {
        if (MIGRATION.some((re) => re.test(segment))) {
          report({ file: command.file, range: command.range, messageId: 'migration', data: { step: segment.length > 60 ? `${segment.slice(0, 57)}...` : segment } });
          break;
        }
      }
    }
  },
});
