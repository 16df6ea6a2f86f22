import type { AnyRule } from '../rule.js';
import secretInDockerfile from './secret-in-dockerfile.js';

/** Rules of the config family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [secretInDockerfile];
