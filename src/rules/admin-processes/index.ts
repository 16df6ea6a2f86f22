import type { AnyRule } from '../rule.js';
import migrationInCode from './migration-in-code.js';
import migrationInStartCommand from './migration-in-start-command.js';
import adminScriptNotInImage from './admin-script-not-in-image.js';
import oneOffAsService from './one-off-as-service.js';

/** Rules of the admin-processes family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [migrationInStartCommand, adminScriptNotInImage, oneOffAsService, migrationInCode];
