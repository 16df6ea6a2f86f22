import { defineRule } from '../rule.js';
import type { YScalar } from '../../project/yaml-tree.js';
import { FORBIDDEN_SERVICE_KEYS, loadable, schemaVersion } from '../../project/compose/docker-cli.js';
import { validateComposeSchema } from '../../project/compose/validator.js';

export default defineRule({
  id: 'swarm/schema-violation',
  factor: 'swarm',
  severity: 'error',
  swarm: 'blocker',
  recommended: true,
  inputs: ['compose'],
  // docker validates the schema before it converts values: where both see a problem on one line
  // (an empty or malformed duration), the schema error is the one docker prints.
  covers: ['swarm/invalid-service-config'],
  docs: {
    summary: 'The file breaks the Compose v3 schema that docker stack deploy validates (unknown keys, wrong types, long-form `depends_on` …)',
    rationale:
      'docker stack deploy validates every file against its bundled Compose 3.x JSON schema after interpolation. Keys from the newer Compose Specification that `docker compose` accepts (`platform`, `profiles`, `pull_policy`, top-level `name`, `depends_on` with conditions, `deploy.resources.reservations.devices` …) and values of the wrong type are rejected, and keys newer than the declared `version` count as unknown.',
    fix: 'Remove or move the key the message names (for `depends_on`, use the list form; readiness belongs in the app, which must retry its backing services); fix the value type; or raise `version` when the key exists in a later 3.x.',
    swarm: 'docker stack deploy fails with the message this rule shows, e.g. "services.web Additional property platform is not allowed" or "services.web.depends_on must be a list".',
    bad: 'services:\n  web:\n    image: web:1.0\n    depends_on:\n      db:\n        condition: service_healthy',
    good: 'services:\n  web:\n    image: web:1.0\n    depends_on:\n      - db',
    exampleLanguage: 'yaml',
  },
  messages: {
    violation: 'docker stack deploy rejects this (Compose {{version}} schema): "{{message}}"{{also}}',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file) || !file.root) continue;
      const version = schemaVersion(file);
      if (!version) continue;
      const substitute = (s: YScalar) => {
        const i = file.interpolation.get(s);
        if (!i) return typeof s.value === 'string' ? s.value : undefined;
        return i.error ? undefined : i.value;
      };
      // One violation repeated in several services (`profiles` on each) is one problem: reported once, naming the others.
      const groups = new Map<string, { first: (typeof violations)[number]; others: string[]; sameSpot: boolean }>();
      const violations = validateComposeSchema(file.root, version, substitute);
      for (const v of violations) {
        // docker refuses forbidden keys (`extends`) before it validates: swarm/forbidden-option reports them.
        const key = /^services\.[^ ]+ Additional property (\S+) is not allowed$/.exec(v.message)?.[1];
        if (key !== undefined && Object.hasOwn(FORBIDDEN_SERVICE_KEYS, key)) continue;
        const service = /^services\.([^. ]+)/.exec(v.message)?.[1];
        const shape = service === undefined ? v.message : v.message.replace(`services.${service}`, 'services.*');
        const group = groups.get(shape);
        if (group && service !== undefined) {
          group.others.push(service);
          group.sameSpot &&= group.first.range.line === v.range.line && group.first.range.column === v.range.column;
        } else groups.set(shape + (service === undefined ? `@${v.range.line}:${v.range.column}` : ''), { first: v, others: [], sameSpot: true });
      }
      for (const { first, others, sameSpot } of groups.values()) {
        const anchor = sameSpot ? ', which get the same key from one YAML anchor' : '';
        const also = others.length === 0 ? '' : ` (also for service${others.length > 1 ? 's' : ''} ${others.map((s) => `"${s}"`).join(', ')}${anchor})`;
        report({ file: file.path, range: first.range, messageId: 'violation', data: { version, message: first.message, also } });
      }
    }
  },
});
