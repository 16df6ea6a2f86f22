import { defineRule } from '../rule.js';
import { parseImageRef } from '../../project/load-dockerfile.js';
import { backingFamily, serviceImage } from '../../project/facts/service.js';
import type { ComposeService } from '../../project/model.js';

function major(tag: string | undefined): string | undefined {
  const m = tag ? /^v?(\d+)/.exec(tag) : null;
  return m ? m[1] : undefined;
}

export default defineRule({
  id: 'dev-prod-parity/backing-service-drift',
  factor: 'dev-prod-parity',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  devContext: 'include',
  inputs: ['compose'],
  docs: {
    summary: 'Compose files of one project run different backing services, or different major versions, under the same service name',
    rationale:
      'Factor X: keep development, staging and production as similar as possible. A dev file on `postgres:13` and a prod file on `postgres:16` (or MySQL in dev, Postgres in prod) lets bugs pass every local test and appear only in production.',
    fix: 'Use the same image and major version in every compose file; share it with an `x-` anchor or a common base file.',
    swarm: 'Swarm runs whatever the stack file names; the drift is between your files, not in Swarm.',
    bad: '# compose.dev.yml\ndb:\n  image: postgres:13\n# compose.prod.yml\ndb:\n  image: postgres:16',
    good: '# compose.dev.yml\ndb:\n  image: postgres:16\n# compose.prod.yml\ndb:\n  image: postgres:16',
    exampleLanguage: 'yaml',
  },
  messages: {
    family: 'Service "{{service}}" runs {{family}} ({{image}}) here but {{otherFamily}} ({{otherImage}}) in {{otherFile}}',
    version: 'Service "{{service}}" runs {{image}} here but {{otherImage}} in {{otherFile}}: different major versions',
  },
  check({ project, report }) {
    const byName = new Map<string, { service: ComposeService; image: string; family: string }[]>();
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        const image = serviceImage(service);
        if (!image) continue;
        const family = backingFamily(image.value);
        if (!family) continue;
        byName.set(service.name, [...(byName.get(service.name) ?? []), { service, image: image.value, family }]);
      }
    }
    for (const [name, uses] of byName) {
      uses.forEach((other, i) => {
        // Compare with the first earlier use in a file describing another environment of the same app
        // (two stack files of one folder are two stacks, a monorepo's sibling folders two apps).
        const first = uses.slice(0, i).find((u) => u.service.file !== other.service.file && project.facts.environmentsOfOneApp(u.service.file.path, other.service.file.path));
        if (!first) return;
        const range = serviceImage(other.service)!.node.range;
        const base = { service: name, image: other.image, otherImage: first.image, otherFile: first.service.file.path };
        if (other.family !== first.family) {
          report({ file: other.service.file.path, range, messageId: 'family', data: { ...base, family: other.family, otherFamily: first.family } });
          return;
        }
        const a = major(parseImageRef(first.image).tag);
        const b = major(parseImageRef(other.image).tag);
        if (a && b && a !== b) report({ file: other.service.file.path, range, messageId: 'version', data: base });
      });
    }
  },
});
