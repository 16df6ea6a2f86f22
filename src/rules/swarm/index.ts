import type { AnyRule } from '../rule.js';
import buildWithoutImage from './build-without-image.js';

/** Rules of the swarm family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [buildWithoutImage];
