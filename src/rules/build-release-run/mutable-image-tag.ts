import { defineRule } from '../rule.js';
import { getEntry } from '../../project/yaml-tree.js';
import { parseImageRef } from '../../project/load-dockerfile.js';

export default defineRule({
  id: 'build-release-run/mutable-image-tag',
  factor: 'build-release-run',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose'],
  docs: {
    summary: 'A deployed service runs an image tagged `latest` or not tagged at all',
    rationale:
      'Factor V: every release has a unique id, and a release cannot be changed once made; rolling back means deploying an earlier release. `image: redis` or `image: acme/api:latest` names whatever was pushed last, so the compose file does not say which build runs, and deploying the same file twice can run different code. For services that only pull an image the rule applies to every compose file; for services that also `build:`, the image tag is the release id the build is pushed under, so it is checked in stack files (named `docker-stack*.yml`/`*stack*.yml`, or with `deploy:` sections), where a `latest` tag means every build overwrites the previous release. Tags supplied by a variable (`acme/api:${TAG}`), digests, and files named for development are left alone.',
    fix: 'Pin third-party images to a version (`redis:7.2.5-alpine`) or a digest (`redis@sha256:…`). Tag your own builds with a unique, immutable id (the version or the commit: `registry.example.com/api:${GIT_SHA}`) and deploy that tag.',
    swarm: 'docker stack deploy resolves a tag to a digest when it deploys (unless `--resolve-image never`), so replicas agree within one deploy; but the next deploy of the same file silently moves to whatever the tag points at then, and `docker service rollback` only returns to the previous digest, not to a named release.',
    bad: 'services:\n  cache:\n    image: redis\n  api:\n    build: .\n    image: registry.example.com/api:latest\n    deploy:\n      replicas: 2',
    good: 'services:\n  cache:\n    image: redis:7.2.5-alpine\n  api:\n    build: .\n    image: registry.example.com/api:${GIT_SHA:?}\n    deploy:\n      replicas: 2',
    exampleLanguage: 'yaml',
  },
  messages: {
    latest: 'Service "{{service}}" runs {{image}}, the mutable tag "latest": the file does not say which release runs and the next deploy may pull another image; pin a version or digest',
    untagged: 'Service "{{service}}" runs {{image}} without a tag, which means "latest": the file does not say which release runs and the next deploy may pull another image; pin a version or digest',
    buildLatest:
      'Service "{{service}}" is built and deployed as {{image}}: every build overwrites that tag, so it cannot identify a release or be rolled back to; tag each build uniquely (the version or commit, e.g. {{name}}:${GIT_SHA}) and deploy that tag',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        const entry = getEntry(service.node, 'image');
        const node = entry?.value;
        if (!node || node.kind !== 'scalar' || typeof node.value !== 'string') continue;
        const raw = node.value.trim();
        if (!raw) continue;
        // A variable in the last path component may carry the tag (`app:${TAG}`, `${IMAGE}`).
        if (raw.slice(raw.lastIndexOf('/') + 1).includes('$')) continue;
        const ref = parseImageRef(raw);
        if (ref.digest || (ref.tag !== undefined && ref.tag !== 'latest')) continue;
        const builds = Boolean(getEntry(service.node, 'build') ?? (service.overriddenBy && getEntry(service.overriddenBy.node, 'build')));
        const data = { service: service.name, image: raw, name: ref.name };
        if (builds) {
          if (project.facts.composeStatus(file).deployed) report({ file: file.path, range: node.range, messageId: 'buildLatest', data });
          continue;
        }
        report({ file: file.path, range: node.range, messageId: ref.tag === 'latest' ? 'latest' : 'untagged', data });
      }
    }
  },
});
