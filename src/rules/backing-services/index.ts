import type { AnyRule } from '../rule.js';
import hardcodedUrlInCode from './hardcoded-url-in-code.js';
import localhostInCode from './localhost-in-code.js';
import localhostUrl from './localhost-url.js';
import composeLinks from './compose-links.js';
import containerNameReference from './container-name-reference.js';
import publishedBackingPort from './published-backing-port.js';

/** Rules of the backing-services family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [localhostUrl, composeLinks, containerNameReference, publishedBackingPort, localhostInCode, hardcodedUrlInCode];
