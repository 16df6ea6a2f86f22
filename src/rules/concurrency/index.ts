import type { AnyRule } from '../rule.js';
import clusterForkInCode from './cluster-fork-in-code.js';
import schedulerInCode from './scheduler-in-code.js';
import containerName from './container-name.js';
import processManager from './process-manager.js';
import daemonizingCommand from './daemonizing-command.js';
import singleReplica from './single-replica.js';

/** Rules of the concurrency family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [containerName, processManager, daemonizingCommand, singleReplica, schedulerInCode, clusterForkInCode];
