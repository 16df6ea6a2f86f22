import { defineRule } from '../rule.js';
import type { ComposeService } from '../../project/model.js';
import type { Range } from '../../project/range.js';
import { getValue } from '../../project/yaml-tree.js';
import { serviceEnvironment } from '../../project/facts/service.js';
import { isPlaceholderValue, isSecretName, redact, urlPassword } from '../../project/facts/secrets.js';

interface Literal {
  key: string;
  raw: string;
  range: Range;
  /** Where the literal itself is written (an anchor, when the entry uses an alias). */
  valueRange: Range;
  where: 'environment' | 'build.args';
}

/** `environment:` and `build.args:` entries as written (before interpolation). */
function literals(service: ComposeService): Literal[] {
  const out: Literal[] = serviceEnvironment(service)
    .filter((v) => v.raw !== undefined)
    .map((v) => ({ key: v.key, raw: v.raw as string, range: v.range, valueRange: v.node.range, where: 'environment' as const }));
  const build = getValue(service.node, 'build');
  const args = build?.kind === 'map' ? getValue(build, 'args') : undefined;
  if (args?.kind === 'map') {
    for (const e of args.entries) {
      if (e.value.kind !== 'scalar' || e.value.value === null) continue;
      out.push({ key: e.key, raw: String(e.value.value), range: { ...e.keyRange, endLine: e.value.range.endLine, endColumn: e.value.range.endColumn }, valueRange: e.value.range, where: 'build.args' });
    }
  } else if (args?.kind === 'seq') {
    for (const item of args.items) {
      if (item.kind !== 'scalar' || typeof item.value !== 'string' || !item.value.includes('=')) continue;
      const i = item.value.indexOf('=');
      out.push({ key: item.value.slice(0, i), raw: item.value.slice(i + 1), range: item.range, valueRange: item.range, where: 'build.args' });
    }
  }
  return out;
}

export default defineRule({
  id: 'config/secret-in-compose',
  factor: 'config',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  securitySeverity: 7.5,
  inputs: ['compose'],
  docs: {
    summary: 'A compose file sets a secret to a literal value',
    rationale:
      'Factor III: config, credentials above all, is kept out of the code and supplied per deploy. A password or token written in `environment:` or `build.args:` of a committed compose file is shared by every deploy and everyone who can read the repository, and changing it means a commit. Values taken from the deploy environment (`${DB_PASSWORD}`, `${DB_PASSWORD:?required}`), `_FILE` pointers to mounted secrets and obvious placeholders are fine. Files named for development (`compose.override.yml`, `docker-compose.dev.yml`) are left alone.',
    fix: 'Interpolate the value from the deploy environment (`POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}`), or better, create a Swarm secret (`docker secret create db_password -`), grant it to the service under `secrets:` and point the app at the file (`POSTGRES_PASSWORD_FILE: /run/secrets/db_password`). Rotate any credential that was committed.',
    swarm: 'Swarm secrets are stored encrypted in the Raft log and mounted in memory under /run/secrets only in the tasks granted them; environment values show up in `docker service inspect` for anyone with manager access.',
    bad: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: s3cr3t-passw0rd',
    good: 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n    secrets: [db_password]\nsecrets:\n  db_password:\n    external: true',
    exampleLanguage: 'yaml',
  },
  messages: {
    literal: 'Service "{{service}}" sets {{key}} in {{where}} to a literal secret ({{redacted}}); take it from the deploy environment (${{{key}}}) or a Swarm secret ({{key}}_FILE=/run/secrets/…)',
    urlPassword: 'Service "{{service}}" sets {{key}} in {{where}} to a URL with a literal password ({{redacted}}); build it from variables or read the password from a Swarm secret',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      // One literal written once (an anchor used through aliases) is one finding, at the anchor.
      const reported = new Set<string>();
      for (const service of file.services) {
        for (const v of literals(service)) {
          // `${VAR}`, `$VAR`: supplied by the deploy environment. `$$` is a literal dollar.
          if (/\$\{?[A-Za-z_]/.test(v.raw.replace(/\$\$/g, ''))) continue;
          const aliased = v.valueRange.line < v.range.line || v.valueRange.line > v.range.endLine;
          const range = aliased ? v.valueRange : v.range;
          const place = `${v.valueRange.line}:${v.valueRange.column}`;
          const data = { service: service.name, key: v.key, where: v.where };
          if (isSecretName(v.key) && !isPlaceholderValue(v.raw)) {
            if (reported.has(place)) continue;
            reported.add(place);
            report({ file: file.path, range, messageId: 'literal', data: { ...data, redacted: redact(v.raw) } });
            continue;
          }
          const pw = urlPassword(v.raw);
          if (pw && !reported.has(place)) {
            reported.add(place);
            report({ file: file.path, range, messageId: 'urlPassword', data: { ...data, redacted: redact(pw) } });
          }
        }
      }
    }
  },
});
