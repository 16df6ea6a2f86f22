import type { AnyRule } from '../rule.js';
import nodeEnvBranchInCode from './node-env-branch-in-code.js';
import unsetEnvInCode from './unset-env-in-code.js';
import hardcodedSecretInCode from './hardcoded-secret-in-code.js';
import secretInDockerfile from './secret-in-dockerfile.js';
import secretInCompose from './secret-in-compose.js';
import committedEnvFile from './committed-env-file.js';
import environmentConfigInImage from './environment-config-in-image.js';
import debugOnByDefault from './debug-on-by-default.js';

/** Rules of the config family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [secretInDockerfile, secretInCompose, committedEnvFile, environmentConfigInImage, hardcodedSecretInCode, unsetEnvInCode, debugOnByDefault, nodeEnvBranchInCode];
