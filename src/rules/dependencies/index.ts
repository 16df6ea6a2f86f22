import type { AnyRule } from '../rule.js';
import unpinnedBaseImage from './unpinned-base-image.js';
import noManifest from './no-manifest.js';
import missingLockfile from './missing-lockfile.js';
import installWithoutLockfile from './install-without-lockfile.js';
import pipeToShell from './pipe-to-shell.js';

/** Rules of the dependencies family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [unpinnedBaseImage, noManifest, missingLockfile, installWithoutLockfile, pipeToShell];
