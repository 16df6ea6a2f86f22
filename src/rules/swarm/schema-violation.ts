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
      // One violation repeated (`profiles` on each service, `mode: '0400'` on each secret of a service, `environment`
      // on each top-level secret) is one problem: reported once, naming where else it occurs.
      const groups = new Map<string, { first: (typeof violations)[number]; services: string[]; places: string[]; sameSpot: boolean }>();
      const violations = validateComposeSchema(file.root, version, substitute);
      for (const v of violations) {
        // docker refuses forbidden keys (`extends`) before it validates: swarm/forbidden-option reports them.
        const key = /^services\.[^ ]+ Additional property (\S+) is not allowed$/.exec(v.message)?.[1];
        if (key !== undefined && Object.hasOwn(FORBIDDEN_SERVICE_KEYS, key)) continue;
        const service = /^services\.([^. ]+)/.exec(v.message)?.[1];
        const subject = v.message.split(' ')[0];
        const shape = v.message
          .replace(/^services\.[^. ]+/, 'services.*')
          .replace(/^(secrets|configs|volumes|networks)\.[^. ]+/, '$1.*')
          .replace(/\.\d+(?=[. ]|$)/g, '.*');
        const group = groups.get(shape);
        if (!group) {
          groups.set(shape, { first: v, services: [], places: [], sameSpot: true });
          continue;
        }
        const firstService = /^services\.([^. ]+)/.exec(group.first.message)?.[1];
        // The same place in another service: named by the service; anywhere else: by its path.
        if (service !== undefined && service !== firstService && subject.replace(`services.${service}`, '') === group.first.message.split(' ')[0].replace(`services.${firstService}`, '')) {
          group.services.push(service);
          group.sameSpot &&= group.first.range.line === v.range.line && group.first.range.column === v.range.column;
        } else group.places.push(subject);
      }
      for (const { first, services, places, sameSpot } of groups.values()) {
        const anchor = sameSpot ? ', which get the same key from one YAML anchor' : '';
        const parts: string[] = [];
        if (services.length > 0) parts.push(`also for service${services.length > 1 ? 's' : ''} ${services.map((s) => `"${s}"`).join(', ')}${anchor}`);
        if (places.length > 0) parts.push(`also at ${places.join(', ')}`);
        const also = parts.length === 0 ? '' : ` (${parts.join('; ')})`;
        report({ file: file.path, range: first.range, messageId: 'violation', data: { version, message: first.message, also } });
      }
    }
  },
});
