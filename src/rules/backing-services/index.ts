import type { AnyRule } from '../rule.js';
import localhostUrl from './localhost-url.js';

/** Rules of the backing-services family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [localhostUrl];
