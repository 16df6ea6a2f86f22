import type { AnyRule } from '../rule.js';
import logFileInCode from './log-file-in-code.js';
import logFileInImage from './log-file-in-image.js';
import loggingDriverNone from './logging-driver-none.js';
import logVolume from './log-volume.js';

/** Rules of the logs family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [logFileInImage, loggingDriverNone, logVolume, logFileInCode];
