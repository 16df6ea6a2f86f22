import type { AnyRule } from './rule.js';
import notAGitRepository from './codebase/not-a-git-repository.js';
import unpinnedBaseImage from './dependencies/unpinned-base-image.js';
import secretInDockerfile from './config/secret-in-dockerfile.js';
import localhostUrl from './backing-services/localhost-url.js';
import buildAtStart from './build-release-run/build-at-start.js';
import hostBindMount from './processes/host-bind-mount.js';
import publishedPortNotExposed from './port-binding/published-port-not-exposed.js';
import containerName from './concurrency/container-name.js';
import shellFormCommand from './disposability/shell-form-command.js';
import backingServiceDrift from './dev-prod-parity/backing-service-drift.js';
import logFileInImage from './logs/log-file-in-image.js';
import migrationInStartCommand from './admin-processes/migration-in-start-command.js';
import buildWithoutImage from './swarm/build-without-image.js';

/** The whole catalogue, in factor order. */
export const allRules: readonly AnyRule[] = [
  notAGitRepository,
  unpinnedBaseImage,
  secretInDockerfile,
  localhostUrl,
  buildAtStart,
  hostBindMount,
  publishedPortNotExposed,
  containerName,
  shellFormCommand,
  backingServiceDrift,
  logFileInImage,
  migrationInStartCommand,
  buildWithoutImage,
];
