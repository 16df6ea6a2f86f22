import type { AnyRule } from '../rule.js';
import containerName from './container-name.js';

/** Rules of the concurrency family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [containerName];
