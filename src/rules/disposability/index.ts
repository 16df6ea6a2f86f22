import type { AnyRule } from '../rule.js';
import shellFormCommand from './shell-form-command.js';

/** Rules of the disposability family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [shellFormCommand];
