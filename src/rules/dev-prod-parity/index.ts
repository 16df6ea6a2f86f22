import type { AnyRule } from '../rule.js';
import backingServiceDrift from './backing-service-drift.js';

/** Rules of the dev-prod-parity family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [backingServiceDrift];
