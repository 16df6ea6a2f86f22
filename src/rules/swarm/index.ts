import type { AnyRule } from '../rule.js';
import buildWithoutImage from './build-without-image.js';
import unsupportedVersion from './unsupported-version.js';
import forbiddenOption from './forbidden-option.js';
import invalidInterpolation from './invalid-interpolation.js';
import requiredVariable from './required-variable.js';
import unsetVariable from './unset-variable.js';
import schemaViolation from './schema-violation.js';
import ignoredOption from './ignored-option.js';
import deprecatedOption from './deprecated-option.js';
import hostIpPort from './host-ip-port.js';
import silentlyDroppedOption from './silently-dropped-option.js';
import invalidImageReference from './invalid-image-reference.js';
import invalidVolumeSpec from './invalid-volume-spec.js';
import undefinedReference from './undefined-reference.js';
import missingFile from './missing-file.js';
import invalidServiceConfig from './invalid-service-config.js';
import localNetworkDriver from './local-network-driver.js';
import externalResource from './external-resource.js';
import dotenvNotRead from './dotenv-not-read.js';
import noStackFile from './no-stack-file.js';
import envFileAtDeploy from './env-file-at-deploy.js';
import { hostModePort, noDeploySection, noResourceLimits, noRestartPolicy, noUpdateConfig } from './deploy-best-practice.js';

/** Rules of the swarm family, in the order docker stack deploy checks things. */
export const rules: readonly AnyRule[] = [
  unsupportedVersion,
  forbiddenOption,
  invalidInterpolation,
  requiredVariable,
  unsetVariable,
  schemaViolation,
  ignoredOption,
  deprecatedOption,
  hostIpPort,
  silentlyDroppedOption,
  buildWithoutImage,
  invalidImageReference,
  invalidVolumeSpec,
  undefinedReference,
  missingFile,
  invalidServiceConfig,
  localNetworkDriver,
  externalResource,
  dotenvNotRead,
  envFileAtDeploy,
  noStackFile,
  noDeploySection,
  noUpdateConfig,
  noResourceLimits,
  noRestartPolicy,
  hostModePort,
];
