/**
 * What well-known commands do: run a package.json script, start a process
 * manager, migrate a database, build or install at start. Shared by the
 * process facts and the rules that judge start commands.
 */
import { basename, programOf } from './shell.js';

export interface PackageManagerRun {
  /** npm, yarn, pnpm or bun. */
  pm: string;
  script: string;
}

const YARN_COMMANDS = new Set(['install', 'add', 'remove', 'global', 'workspace', 'workspaces', 'dlx', 'exec', 'node', 'set', 'config', 'cache', 'info', 'init', 'why', 'upgrade', 'up', 'bin', 'dedupe', 'pack', 'publish', 'version', 'login', 'logout', 'link', 'unlink', 'import', 'licenses', 'outdated', 'owner', 'policies', 'tag', 'team', 'unplug', 'constraints', 'plugin', 'rebuild', 'patch', 'audit', 'autoclean', 'check', 'create', 'generate-lock-entry', 'help', 'list', 'upgrade-interactive']);
const PNPM_COMMANDS = new Set(['install', 'i', 'add', 'remove', 'rm', 'update', 'up', 'exec', 'dlx', 'store', 'install-test', 'it', 'link', 'unlink', 'import', 'rebuild', 'prune', 'fetch', 'patch', 'audit', 'list', 'ls', 'outdated', 'why', 'pack', 'publish', 'root', 'bin', 'env', 'setup', 'deploy', 'create', 'init', 'config', 'server', 'help']);
/** Flags of npm/yarn/pnpm that take a value (`--prefix dir`, `-C dir`, `--filter pkg`). */
const PM_VALUE_FLAGS = new Set(['--prefix', '-C', '--cwd', '--dir', '--filter', '-F', '-w', '--workspace', '--loglevel']);

/** `npm start`, `npm run x`, `yarn x`, `pnpm run x`, `bun run x` → the script run; undefined for installs and other commands. */
export function packageManagerRun(words: readonly string[]): PackageManagerRun | undefined {
  if (words.length === 0) return undefined;
  const pm = basename(words[0]);
  const args: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (w === '--') break;
    if (w.startsWith('-')) {
      if (PM_VALUE_FLAGS.has(w)) i++;
      continue;
    }
    args.push(w);
  }
  const first = args[0];
  if (pm === 'npm') {
    if (first === 'start' || first === 'test' || first === 'stop' || first === 'restart') return { pm, script: first };
    if ((first === 'run' || first === 'run-script' || first === 'rum' || first === 'urn') && args[1]) return { pm, script: args[1] };
    return undefined;
  }
  if (pm === 'yarn') {
    if (!first) return undefined;
    if (first === 'run' && args[1]) return { pm, script: args[1] };
    if (first === 'start' || first === 'test') return { pm, script: first };
    if (!YARN_COMMANDS.has(first)) return { pm, script: first };
    return undefined;
  }
  if (pm === 'pnpm') {
    if (!first) return undefined;
    if (first === 'run' && args[1]) return { pm, script: args[1] };
    if (first === 'start' || first === 'test') return { pm, script: first };
    if (!PNPM_COMMANDS.has(first)) return { pm, script: first };
    return undefined;
  }
  if (pm === 'bun' && first === 'run' && args[1] && !/\.(c|m)?[jt]sx?$/.test(args[1])) return { pm, script: args[1] };
  return undefined;
}

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
  // uWSGI `--attach-daemon cmd`: uWSGI starts and restarts another program beside the app.
  if (name === 'uwsgi' && args.some((a) => /^--(attach-daemon2?|attach-smart-daemon|attach-control-daemon|smart-attach-daemon2?)(=|$)/.test(a))) return 'uwsgi attach-daemon';
  return undefined;
}

/** Schema migrations and seeders, by framework, matched against a command's words joined by spaces. */
export const MIGRATION: readonly RegExp[] = [
  /\b(python3?\s+)?manage\.py\s+(migrate|loaddata)\b/,
  /\b(npx\s+|yarn\s+|pnpm\s+(exec\s+)?|bunx\s+)?prisma\s+(migrate\s+(deploy|dev)|db\s+(push|seed))\b/,
  /\b(npx\s+)?sequelize(-cli)?\s+db:(migrate|seed)/,
  /\b(npx\s+)?knex\s+(migrate:latest|seed:run)\b/,
  /\b(npx\s+)?typeorm(-ts-node-\w+)?\s+migration:run\b/,
  /\b(npx\s+)?drizzle-kit\s+(migrate|push)\b/,
  /\balembic\s+upgrade\b/,
  /\bflask\s+db\s+upgrade\b/,
  /\b(bundle\s+exec\s+)?(rails|rake)\s+db:(migrate|setup|prepare|seed)\b/,
  /\b(php\s+)?artisan\s+(migrate|db:seed)\b/,
  /\b(npm|yarn|pnpm)\s+(run\s+)?(migrate|migration|db:migrate|db:seed|seed|migrate:deploy|prisma:migrate)(:\S+)?\b/,
  /\b(goose|migrate|dbmate|flyway|liquibase)\s+(\S+\s+)*(up|migrate|update)\b/,
  /\bdiesel\s+migration\s+run\b/,
  // A script named prestart.sh is not a migration by its name (pi-hole's fixes permissions): what it runs is read when it is in the project.
];

/** A command that migrates or seeds a database. */
export function isMigration(words: readonly string[]): boolean {
  const text = words.join(' ');
  if (MIGRATION.some((re) => re.test(text))) return true;
  // An app's own CLI: `./fider migrate`, `node dist/cli.js migrate`, `app --auto-migrate`.
  const name = basename(words[0] ?? '');
  const positional = words.slice(1).filter((w) => !w.startsWith('-'));
  const sub = /^(node|nodejs|bun|python[\d.]*|ruby|php)$/.test(name) ? positional[1] : positional[0];
  if (sub === 'migrate' && !/^(flask|alembic|django-admin)$/.test(name)) return true;
  return words.some((w) => /^--(migrate|auto-migrate|run-migrations|migrate-db)$/.test(w));
}

/** Steps of a one-off admin job besides migrations: the command is a job when it ends in one. */
const ADMIN_STEP = /\b(manage\.py\s+(collectstatic|createsuperuser|compilemessages|createcachetable|check|loaddata)|artisan\s+(config|route|view|event|optimize|storage:link|cache)\S*|rails\s+(assets:precompile|db:\S+)|rake\s+\S+)\b|^(echo|printf|true|exit|set|export|cd|sleep|wait-for-it\S*|dockerize)\b/;

/** A command that is part of an admin job, not a server. */
export function isAdminStep(words: readonly string[]): boolean {
  return isMigration(words) || ADMIN_STEP.test(words.join(' ').trim());
}

/** Build or install steps that belong in the image build, not in the start command. */
const BUILD_STEP: readonly RegExp[] = [
  /^(npm|pnpm)\s+(install|i|ci|run\s+build|rebuild)\b/,
  /^yarn(\s+install)?(\s+--[\w-]+)*$|^yarn\s+(install|build|run\s+build)\b/,
  /^(pip3?|python3?\s+-m\s+pip|uv\s+pip)\s+install\b/,
  /^uv\s+sync\b/,
  /^bun\s+(install|i)\b/,
  /^(poetry|pipenv)\s+install\b/,
  /^bundle\s+install\b/,
  /^composer\s+install\b/,
  /^(npx\s+)?tsc\b/,
  /^go\s+(build|get|mod\s+download)\b/,
  /^(mvn|\.\/mvnw|gradle|\.\/gradlew)\s+(\S+\s+)*(package|install|build|compile)\b/,
  /^git\s+(pull|clone|fetch|checkout)\b/,
  /^(apt-get|apt|apk|yum|dnf)\s+(install|add|update|upgrade)\b/,
  /^cargo\s+(build|run)\b/,
  /^go\s+run\b/,
  /^dotnet\s+run\b/,
  /^(mvn|\.\/mvnw)\s+(\S+\s+)*spring-boot:run\b/,
  /^(gradle|\.\/gradlew)\s+(\S+\s+)*bootRun\b/,
  /^dotnet\s+(build|publish|restore)\b/,
];

/** A command that builds, installs or fetches code (with its program's path dropped). */
export function isBuildStep(words: readonly string[]): boolean {
  if (words.length === 0) return false;
  const text = [basename(words[0]), ...words.slice(1)].join(' ');
  return BUILD_STEP.some((re) => re.test(text));
}
