import type { AnyRule } from '../rule.js';
import publishedPortNotExposed from './published-port-not-exposed.js';

/** Rules of the port-binding family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [publishedPortNotExposed];
