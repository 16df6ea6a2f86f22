import type { AnyRule } from '../rule.js';
import listenLocalhostInCode from './listen-localhost-in-code.js';
import listenPortInCode from './listen-port-in-code.js';
import publishedPortNotExposed from './published-port-not-exposed.js';
import webServerNoPort from './web-server-no-port.js';
import needsExternalWebServer from './needs-external-web-server.js';
import boundToLocalhost from './bound-to-localhost.js';

/** Rules of the port-binding family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [publishedPortNotExposed, webServerNoPort, needsExternalWebServer, boundToLocalhost, listenPortInCode, listenLocalhostInCode];
