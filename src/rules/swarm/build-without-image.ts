import { defineRule } from '../rule.js';
import { getEntry } from '../../project/yaml-tree.js';
import { serviceImage } from '../../project/facts/service.js';

export default defineRule({
  id: 'swarm/build-without-image',
  factor: 'swarm',
  severity: 'error',
  swarm: 'blocker',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A service has `build:` but no `image:`',
    rationale:
      'Factor V (build, release, run): Swarm never builds; it runs images that a registry already holds. A service defined only by `build:` has nothing for the nodes to pull.',
    fix: 'Build and push the image in CI (`docker build -t registry.example.com/app:1.4.2 . && docker push …`) and set `image: registry.example.com/app:1.4.2` on the service (keep `build:` for local use if you like).',
    swarm: 'docker stack deploy prints "Ignoring unsupported options: build" and then fails with "invalid image reference for service <name>: no image specified".',
    bad: 'services:\n  web:\n    build: .',
    good: 'services:\n  web:\n    build: .\n    image: registry.example.com/web:1.4.2',
    exampleLanguage: 'yaml',
  },
  messages: {
    noImage: 'Service "{{service}}" has build: but no image:; docker stack deploy fails with "invalid image reference for service {{service}}: no image specified"',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      if (file.role === 'override') continue;
      for (const service of file.services) {
        const build = getEntry(service.node, 'build');
        if (!build || serviceImage(service) || getEntry(service.node, 'image')) continue;
        // Compose merges compose.override.yaml over this file; an image there counts.
        if (service.overriddenBy && getEntry(service.overriddenBy.node, 'image')) continue;
        report({ file: file.path, range: build.keyRange, messageId: 'noImage', data: { service: service.name } });
      }
    }
  },
});
