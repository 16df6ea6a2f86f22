import { defineRule } from '../rule.js';
import { instructionPairs } from '../../project/load-dockerfile.js';
import { DUMMY_CREDENTIAL, isPlaceholderValue, isSecretName, redact } from '../../project/facts/secrets.js';

export default defineRule({
  id: 'config/secret-in-dockerfile',
  factor: 'config',
  severity: 'error',
  swarm: 'none',
  recommended: true,
  securitySeverity: 8.0,
  inputs: ['dockerfile'],
  docs: {
    summary: 'A secret is written into the image with `ENV` or `ARG`',
    rationale:
      'Factor III: config, and above all credentials, lives in the environment of a deploy, not in the build. `ENV`/`ARG` values are stored in the image layers and history (`docker history`), so everyone who can pull the image can read them.',
    fix: 'Remove the value from the Dockerfile. Pass it at run time: in Swarm as a secret (`docker secret create`, mounted at /run/secrets/<name>) or an environment variable of the service. For build-time credentials use `RUN --mount=type=secret`.',
    swarm: 'Swarm secrets are encrypted in the Raft log and mounted only into the services granted them; an `ENV` baked in the image is visible on every node that pulls it.',
    bad: 'ENV DATABASE_PASSWORD=s3cr3t-passw0rd',
    good: '# read /run/secrets/db_password at start, or set DATABASE_PASSWORD in the stack file',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    secret: '{{keyword}} {{name}} bakes a secret into the image ({{redacted}}); pass it at run time as a Swarm secret or environment variable',
    secretInBuildStage:
      '{{keyword}} {{name}} holds a literal secret ({{redacted}}) in build stage {{stage}}: it is committed with the Dockerfile and kept in the build cache and history of that stage; pass it with RUN --mount=type=secret',
  },
  check({ project, report }) {
    for (const d of project.dockerfiles) {
      const shipped = new Set(project.facts.images().filter((i) => i.dockerfile === d).flatMap((i) => i.chain.map((s) => s.index)));
      for (const inst of d.instructions) {
        if (inst.keyword !== 'ENV' && inst.keyword !== 'ARG') continue;
        for (const { name, value } of instructionPairs(inst.args, inst.keyword)) {
          // `GF_SECURITY_ADMIN_PASSWORD=admin`: a well-known default (the image's own), not a secret someone leaked.
          if (value === undefined || !isSecretName(name) || isPlaceholderValue(value) || DUMMY_CREDENTIAL.test(value.trim())) continue;
          // Global ARGs (stage -1) and the stages the final image is built from end up in the image; others are build stages.
          const stage = d.stages[inst.stage];
          if (inst.stage >= 0 && !shipped.has(inst.stage) && stage) {
            report({ file: d.path, range: inst.range, messageId: 'secretInBuildStage', data: { keyword: inst.keyword, name, redacted: redact(value), stage: stage.name ?? String(stage.index) } });
          } else report({ file: d.path, range: inst.range, messageId: 'secret', data: { keyword: inst.keyword, name, redacted: redact(value) } });
        }
      }
    }
  },
});
