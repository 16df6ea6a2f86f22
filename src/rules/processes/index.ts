import type { AnyRule } from '../rule.js';
import statefulServicePlacement from './stateful-service-placement.js';
import socketWithoutAdapterInCode from './socket-without-adapter-in-code.js';
import localUploadInCode from './local-upload-in-code.js';
import memorySessionInCode from './memory-session-in-code.js';
import hostBindMount from './host-bind-mount.js';
import localStateVolume from './local-state-volume.js';
import dockerfileVolume from './dockerfile-volume.js';
import localDatabaseInCode from './local-database-in-code.js';

/** Rules of the processes family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [hostBindMount, localStateVolume, dockerfileVolume, memorySessionInCode, localDatabaseInCode, localUploadInCode, socketWithoutAdapterInCode, statefulServicePlacement];
