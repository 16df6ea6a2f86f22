import type { AnyRule } from '../rule.js';
import buildAtStart from './build-at-start.js';

/** Rules of the build-release-run family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [buildAtStart];
