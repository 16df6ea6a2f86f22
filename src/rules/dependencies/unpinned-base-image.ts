import { defineRule } from '../rule.js';
import { parseImageRef } from '../../project/load-dockerfile.js';

/** True when the FROM text uses a build argument that has no default and no `${VAR:-default}` fallback. */
function hasUnsetArg(image: string, args: ReadonlyMap<string, string | undefined>): boolean {
  const re = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  for (let m = re.exec(image); m; m = re.exec(image)) {
    const name = m[1] ?? m[4];
    if (m[2] === '-' && m[3]) continue;
    if (!args.get(name)) return true;
  }
  return false;
}

export default defineRule({
  id: 'dependencies/unpinned-base-image',
  factor: 'dependencies',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  inputs: ['dockerfile'],
  docs: {
    summary: 'Base image uses `latest` or no tag',
    rationale:
      'Factor II: declare and isolate dependencies. The base image is the largest dependency of a container; `FROM node` or `FROM node:latest` builds on whatever was published last, so two builds of the same commit can differ.',
    fix: 'Pin a version tag (`node:20.11-alpine`) or a digest (`node@sha256:…`).',
    swarm: 'Every Swarm node pulls the image by its reference; a mutable base makes rebuilt images differ between releases.',
    bad: 'FROM node:latest',
    good: 'FROM node:20.11-bookworm-slim',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    latest: 'Base image "{{image}}" uses the mutable tag "latest"; pin a version or digest',
    untagged: 'Base image "{{image}}" has no tag, so it means "latest"; pin a version or digest',
  },
  check({ project, report }) {
    for (const d of project.dockerfiles) {
      for (const stage of d.stages) {
        if (stage.fromStage || !stage.imageResolved || stage.imageResolved.toLowerCase() === 'scratch') continue;
        // An unresolved ARG (`FROM $BASE`, `FROM ${REGISTRY}/node`) is decided at build time; say nothing.
        if (stage.imageResolved.includes('$') || stage.imageResolved === '' || hasUnsetArg(stage.image, d.globalArgs)) continue;
        const ref = parseImageRef(stage.imageResolved);
        if (ref.digest) continue;
        const range = stage.fromInstruction.argsRange;
        if (ref.tag === 'latest') report({ file: d.path, range, messageId: 'latest', data: { image: stage.imageResolved } });
        else if (ref.tag === undefined) report({ file: d.path, range, messageId: 'untagged', data: { image: stage.imageResolved } });
      }
    }
  },
});
