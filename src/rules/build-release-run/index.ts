import type { AnyRule } from '../rule.js';
import buildAtStart from './build-at-start.js';
import mutableImageTag from './mutable-image-tag.js';
import sourceBindMount from './source-bind-mount.js';
import devServerCommand from './dev-server-command.js';

/** Rules of the build-release-run family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [buildAtStart, mutableImageTag, sourceBindMount, devServerCommand];
