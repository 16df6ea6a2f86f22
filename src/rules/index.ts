import type { AnyRule } from './rule.js';
import { rules as codebase } from './codebase/index.js';
import { rules as dependencies } from './dependencies/index.js';
import { rules as config } from './config/index.js';
import { rules as backingServices } from './backing-services/index.js';
import { rules as buildReleaseRun } from './build-release-run/index.js';
import { rules as processes } from './processes/index.js';
import { rules as portBinding } from './port-binding/index.js';
import { rules as concurrency } from './concurrency/index.js';
import { rules as disposability } from './disposability/index.js';
import { rules as devProdParity } from './dev-prod-parity/index.js';
import { rules as logs } from './logs/index.js';
import { rules as adminProcesses } from './admin-processes/index.js';
import { rules as swarm } from './swarm/index.js';

/** The whole catalogue, in factor order. Each family registers its rules in its own index.ts. */
export const allRules: readonly AnyRule[] = [
  ...codebase,
  ...dependencies,
  ...config,
  ...backingServices,
  ...buildReleaseRun,
  ...processes,
  ...portBinding,
  ...concurrency,
  ...disposability,
  ...devProdParity,
  ...logs,
  ...adminProcesses,
  ...swarm,
];
