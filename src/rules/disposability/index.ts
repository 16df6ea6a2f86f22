import type { AnyRule } from '../rule.js';
import healthcheckCannotFail from './healthcheck-cannot-fail.js';
import exitWithoutCloseInCode from './exit-without-close-in-code.js';
import noSigtermHandlerInCode from './no-sigterm-handler-in-code.js';
import shellFormCommand from './shell-form-command.js';
import packageManagerAsPid1 from './package-manager-as-pid1.js';
import noInit from './no-init.js';
import noHealthcheck from './no-healthcheck.js';
import longStopGracePeriod from './long-stop-grace-period.js';
import stopSignalKill from './stop-signal-kill.js';

/** Rules of the disposability family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [shellFormCommand, packageManagerAsPid1, noInit, noHealthcheck, healthcheckCannotFail, longStopGracePeriod, stopSignalKill, noSigtermHandlerInCode, exitWithoutCloseInCode];
