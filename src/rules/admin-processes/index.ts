import type { AnyRule } from '../rule.js';
import migrationInStartCommand from './migration-in-start-command.js';

/** Rules of the admin-processes family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [migrationInStartCommand];
