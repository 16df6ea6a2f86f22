import { defineRule } from '../rule.js';
import { suppliedBuildArgs } from '../../project/facts/deploy-instructions.js';
import { parseImageRef } from '../../project/load-dockerfile.js';

export default defineRule({
  id: 'dependencies/unpinned-base-image',
  factor: 'dependencies',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  // Compose `build.args`, CI `build-args:` and scripts' `--build-arg` say which ARGs the builds pass.
  inputs: ['dockerfile', 'compose'],
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
    let supplied: Set<string> | undefined;
    // dockerfile-x (`# syntax = devthefuture/dockerfile-x`): `INCLUDE docker/base.dockerfile` joins files, and
    // `FROM base` in one names a stage of another.
    const includes = project.dockerfiles.some((d) => d.lines.some((l) => /^\s*INCLUDE\s+\S/i.test(l)));
    const stageNames = new Set(includes ? project.dockerfiles.flatMap((d) => d.stages.map((s) => s.name?.toLowerCase()).filter((n): n is string => n !== undefined)) : []);
    for (const d of project.dockerfiles) {
      for (const stage of d.stages) {
        if (stage.fromStage || !stage.imageResolved || stage.imageResolved.toLowerCase() === 'scratch') continue;
        // An unresolved ARG (`FROM $BASE`, `FROM ${REGISTRY}/node`) is decided at build time; say nothing.
        if (stage.imageResolved.includes('$') || stage.imageResolved === '') continue;
        if (stageNames.has(stage.imageResolved.toLowerCase())) continue;
        const ref = parseImageRef(stage.imageResolved);
        // A base chosen by a build argument (`FROM ${BASE_IMAGE}`) is pinned by whoever runs the build,
        // unless its default says `latest` outright.
        if (stage.image.includes('$') && ref.tag !== 'latest') continue;
        // `ARG TAG=latest` then `FROM app:${TAG}`, with the release build passing `--build-arg TAG=1.4.2`
        // (a CI step's `build-args:`): latest is only what an ad-hoc build gets.
        const args = [...stage.image.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
        if (args.length > 0 && args.some((a) => (supplied ??= suppliedBuildArgs(project)).has(a))) continue;
        if (ref.digest) continue;
        const range = stage.fromInstruction.argsRange;
        if (ref.tag === 'latest') report({ file: d.path, range, messageId: 'latest', data: { image: stage.imageResolved } });
        else if (ref.tag === undefined) report({ file: d.path, range, messageId: 'untagged', data: { image: stage.imageResolved } });
      }
    }
  },
});
