import type { AnyRule } from '../rule.js';
import unpinnedBaseImage from './unpinned-base-image.js';

/** Rules of the dependencies family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [unpinnedBaseImage];
