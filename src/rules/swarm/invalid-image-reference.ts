import { defineRule } from '../rule.js';
import { getEntry } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { loadable } from '../../project/compose/docker-cli.js';

// distribution/reference grammar (reference/regexp.go).
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** Why docker would reject an image reference, or undefined when it is valid. */
export function imageReferenceProblem(ref: string): string | undefined {
  const m = REFERENCE.exec(ref);
  if (!m) {
    if (/[A-Z]/.test(ref) && REFERENCE.test(ref.toLowerCase())) return 'repository name must be lowercase';
    return 'invalid reference format';
  }
  if (m[1].length > 255) return 'repository name must not be more than 255 characters';
  return undefined;
}

/** A file of partial services is usually an overlay meant to be deployed on top of a base file. */
const OVERLAY_HINT = '; if this file only adds to another compose file, deploy them together: docker stack deploy -c <base file> -c <this file> <stack>';

export default defineRule({
  id: 'swarm/invalid-image-reference',
  factor: 'swarm',
  severity: 'error',
  swarm: 'blocker',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A service has no image, or its image reference is invalid after variable interpolation (`app:${TAG}` with TAG unset)',
    rationale:
      'Factor V: a release is an immutable image that Swarm nodes pull by reference. A service without an image, or with a reference such as `registry/app:` (an unset tag variable), cannot be deployed.',
    fix: 'Give every service an `image:`; set the variables the reference uses in the deploy environment or give them defaults (`${TAG:-1.4.2}`); use lowercase repository names.',
    swarm: 'docker stack deploy (CLI 28.2 and later) fails with "invalid image reference for service web: no image specified" or "invalid image reference for service web: invalid reference format".',
    bad: 'image: registry.example.com/app:${TAG}',
    good: 'image: registry.example.com/app:${TAG:?set TAG}',
    exampleLanguage: 'yaml',
  },
  messages: {
    noImage: 'Service "{{service}}" has no image; docker stack deploy fails with "invalid image reference for service {{service}}: no image specified"{{overlay}}',
    invalid: 'Service "{{service}}" image "{{image}}"{{interpolated}} is not a valid reference: "invalid image reference for service {{service}}: {{problem}}"',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (!loadable(file)) continue;
      for (const service of file.services) {
        const entry = getEntry(service.node, 'image');
        if (!entry) {
          // build without image: reported by swarm/build-without-image.
          if (!getEntry(service.node, 'build')) report({ file: file.path, range: service.keyRange, messageId: 'noImage', data: { service: service.name, overlay: OVERLAY_HINT } });
          continue;
        }
        const interpolation = file.interpolation.get(entry.value);
        if (interpolation?.error) continue;
        const image = resolvedString(file, entry.value) ?? '';
        if (image === '') {
          report({ file: file.path, range: entry.value.range, messageId: 'noImage', data: { service: service.name, overlay: '' } });
          continue;
        }
        const problem = imageReferenceProblem(image);
        if (problem) {
          report({
            file: file.path,
            range: entry.value.range,
            messageId: 'invalid',
            data: { service: service.name, image, problem, interpolated: interpolation ? ` (after interpolation of ${interpolation.vars.map((v) => v.name).join(', ')})` : '' },
          });
        }
      }
    }
  },
});
