import type { AnyRule } from '../rule.js';
import databaseByEnvInCode from './database-by-env-in-code.js';
import backingServiceDrift from './backing-service-drift.js';
import baseImageDrift from './base-image-drift.js';
import devSettingsInProduction from './dev-settings-in-production.js';
import databaseDrift from './database-drift.js';

/** Rules of the dev-prod-parity family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [backingServiceDrift, baseImageDrift, devSettingsInProduction, databaseDrift, databaseByEnvInCode];
