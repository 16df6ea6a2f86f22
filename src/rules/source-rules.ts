import type { AnyRule } from './rule.js';
import listenPortInCode from './port-binding/listen-port-in-code.js';
import listenLocalhostInCode from './port-binding/listen-localhost-in-code.js';
import hardcodedSecretInCode from './config/hardcoded-secret-in-code.js';
import unsetEnvInCode from './config/unset-env-in-code.js';
import nodeEnvBranchInCode from './config/node-env-branch-in-code.js';
import localhostInCode from './backing-services/localhost-in-code.js';
import hardcodedUrlInCode from './backing-services/hardcoded-url-in-code.js';
import memorySessionInCode from './processes/memory-session-in-code.js';
import localUploadInCode from './processes/local-upload-in-code.js';
import socketWithoutAdapterInCode from './processes/socket-without-adapter-in-code.js';
import schedulerInCode from './concurrency/scheduler-in-code.js';
import clusterForkInCode from './concurrency/cluster-fork-in-code.js';
import noSigtermHandlerInCode from './disposability/no-sigterm-handler-in-code.js';
import exitWithoutCloseInCode from './disposability/exit-without-close-in-code.js';
import logFileInCode from './logs/log-file-in-code.js';
import migrationInCode from './admin-processes/migration-in-code.js';
import databaseByEnvInCode from './dev-prod-parity/database-by-env-in-code.js';

/** Rules that read JS/TS source code (they live in their factor's folder). */
export const sourceRules: readonly AnyRule[] = [
  hardcodedSecretInCode,
  unsetEnvInCode,
  nodeEnvBranchInCode,
  localhostInCode,
  hardcodedUrlInCode,
  memorySessionInCode,
  localUploadInCode,
  socketWithoutAdapterInCode,
  listenPortInCode,
  listenLocalhostInCode,
  schedulerInCode,
  clusterForkInCode,
  noSigtermHandlerInCode,
  exitWithoutCloseInCode,
  logFileInCode,
  migrationInCode,
  databaseByEnvInCode,
];
