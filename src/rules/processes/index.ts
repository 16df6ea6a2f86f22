import type { AnyRule } from '../rule.js';
import hostBindMount from './host-bind-mount.js';

/** Rules of the processes family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [hostBindMount];
