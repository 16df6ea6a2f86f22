/** docs/swarmify.md, generated from the coverage table the transform itself reads (npm run docs). */
import { KEY_ACTIONS, serviceCoverage } from './coverage.js';

export function renderSwarmifyDoc(): string {
  const rows = serviceCoverage();
  const count = (a: string) => rows.filter((r) => r.action === a).length;
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '# twelvelint swarmify',
    '',
    '> Writes a stack file that `docker stack deploy` accepts from compose files, and tells every change and every decision left to you.',
    '',
    '```sh',
    'twelvelint swarmify docker-compose.yml [docker-compose.prod.yml …] [-o docker-stack.yml] [--image-prefix ghcr.io/acme] [--tag 1.4.2] [--no-defaults] [--format json]',
    '```',
    '',
    'Files are merged in order, as `docker compose -f a -f b` merges them (maps key by key, lists such as `ports` and `volumes` appended). Comments and key order are kept; YAML anchors and merge keys are expanded (their comments are then lost, which the report says). The stack file goes to stdout (or `-o`), the report to stderr: each change with its reason, the `docker build`/`docker push` commands for images it named, the variables the deploy shell must set (stack deploy reads no `.env`), and what only you can decide (a registry, a host path every node needs, an unpinned image, a missing healthcheck). Exit 0 when the stack file was written, 1 when something it cannot transform remains (listed), 2 on a usage error or unreadable input.',
    '',
    'Deploy defaults are added where absent (`--no-defaults` leaves them out): `update_config` (parallelism 1, start-first, failure_action rollback), `rollback_config` (parallelism 1, stop-first) and `restart_policy` (on-failure, 5s delay, 3 attempts in 120s).',
    '',
    'Checked against a real Swarm: every compose file of the shared corpus is transformed and deployed with the inputs swarmify asks for supplied (`test/oracle/swarmify.test.ts`, run by `.ci/run`).',
    '',
    '## Top-level keys',
    '',
    '| Key | What swarmify does |',
    '|---|---|',
    ...Object.entries(KEY_ACTIONS.top).map(([key, e]) => `| \`${key}\` | ${e.action}: ${esc(e.note)} |`),
    '',
    `## Service keys (${rows.length}: ${count('kept')} kept, ${count('rewritten')} rewritten, ${count('removed')} removed, ${count('not transformable')} not transformable)`,
    '',
    '| Key | Action | Note |',
    '|---|---|---|',
    ...rows.map((r) => `| \`${r.key}\` | ${r.action} | ${esc(r.note)} |`),
    '',
  ].join('\n');
}
