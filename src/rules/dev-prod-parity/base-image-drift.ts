import { defineRule } from '../rule.js';
import type { Dockerfile, DockerStage } from '../../project/model.js';
import { basename } from '../../project/paths.js';
import { parseImageRef } from '../../project/load-dockerfile.js';
import { imageName } from '../../project/facts/image.js';

/** Names of environments (`Dockerfile.prod`, `Dockerfile.dev`). */
const ENV_NAME = /^(dev|develop|development|local|prod|production|prd|staging|stage|test|testing|ci|release|debug|live)$/i;

/** Images whose minor version is the language or distribution release (python 3.11 vs 3.12, golang 1.21 vs 1.22). */
const MINOR_MATTERS = /^(python|pypy|ruby|php|golang|rust|perl|elixir|erlang|alpine|dart|julia|swift|haskell|clojure|r-base|gradle|maven)$/;

/** `Dockerfile.prod` → `prod`, `dev.Dockerfile` → `dev`, `Dockerfile` → ``. */
export function dockerfileVariant(path: string): string {
  const name = basename(path);
  const m = /^(?:Dockerfile|Containerfile)(?:[.\-_](.*))?$/i.exec(name) ?? /^(.*)\.(?:Dockerfile|Containerfile)$/i.exec(name);
  return m?.[1] ?? '';
}

interface Use {
  dockerfile: Dockerfile;
  stage: DockerStage;
  name: string;
  image: string;
  major: number;
  minor?: number;
}

function version(tag: string | undefined): { major: number; minor?: number } | undefined {
  const m = tag ? /^v?(\d+)(?:\.(\d+))?/.exec(tag) : null;
  if (!m) return undefined;
  return { major: Number(m[1]), ...(m[2] !== undefined ? { minor: Number(m[2]) } : {}) };
}

function differ(a: Use, b: Use): boolean {
  if (a.major !== b.major) return true;
  return MINOR_MATTERS.test(a.name) && a.minor !== undefined && b.minor !== undefined && a.minor !== b.minor;
}

export default defineRule({
  id: 'dev-prod-parity/base-image-drift',
  factor: 'dev-prod-parity',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  devContext: 'include',
  inputs: ['dockerfile'],
  docs: {
    summary: 'Dockerfiles of one app (Dockerfile, Dockerfile.prod, Dockerfile.dev …) build on different versions of the same base image',
    rationale:
      'Factor X: keep development, staging and production as similar as possible. When `Dockerfile` (used in development) is on `node:18` and `Dockerfile.prod` on `node:20`, the code is developed and tested on one runtime and run on another; differences in the language, its standard library or the OS packages show up only in production.',
    fix: 'Use one version in every Dockerfile of the app: share it through an `ARG NODE_VERSION=20` default, a common base stage, or a single multi-stage Dockerfile with `dev` and `prod` targets (`docker build --target prod`).',
    swarm: 'Swarm runs whatever image the stack file names; the drift is between your Dockerfiles, not in Swarm.',
    bad: '# Dockerfile\nFROM node:18-alpine\n# Dockerfile.prod\nFROM node:20-alpine',
    good: '# Dockerfile (one file, two targets)\nFROM node:20-alpine AS base\nFROM base AS dev\nFROM base AS prod',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    drift: '{{file}} builds on {{image}} but {{otherFile}} uses {{otherImage}}: the app runs on a different {{name}} version than it was developed or tested with; use one version in both',
  },
  check({ project, report }) {
    const uses: Use[] = [];
    for (const d of project.dockerfiles) {
      // Only environment variants of one app: Dockerfile.worker or Dockerfile.docs may be different programs.
      if (!ENV_NAME.test(dockerfileVariant(d.path)) && dockerfileVariant(d.path) !== '') continue;
      for (const stage of d.stages) {
        if (stage.fromStage || /\$/.test(stage.imageResolved)) continue;
        const v = version(parseImageRef(stage.imageResolved).tag);
        if (!v) continue;
        uses.push({ dockerfile: d, stage, name: imageName(stage.imageResolved), image: stage.imageResolved, ...v });
      }
    }
    const reported = new Set<string>();
    uses.forEach((use, i) => {
      const key = `${use.dockerfile.path}\u0000${use.name}`;
      if (reported.has(key)) return;
      const other = uses
        .slice(0, i)
        .find((u) => u.dockerfile !== use.dockerfile && u.name === use.name && project.facts.environmentsOfOneApp(u.dockerfile.path, use.dockerfile.path) && differ(u, use));
      // The other file must not agree with us elsewhere (a build stage on one version, the runtime on another).
      if (!other || uses.some((u) => u.dockerfile === other.dockerfile && u.name === use.name && !differ(u, use))) return;
      reported.add(key);
      report({
        file: use.dockerfile.path,
        range: use.stage.fromInstruction.range,
        messageId: 'drift',
        data: { file: use.dockerfile.path, image: use.image, otherFile: other.dockerfile.path, otherImage: other.image, name: use.name },
      });
    });
  },
});
