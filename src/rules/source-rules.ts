import type { AnyRule } from './rule.js';

/** Rules that read JS/TS source code (they live in their factor's folder). */
export const sourceRules: readonly AnyRule[] = [];
