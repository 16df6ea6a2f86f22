/**
 * A read-only Docker Engine API client: GET and JSON only, over the socket or TCP (+TLS) that DOCKER_HOST,
 * DOCKER_TLS_VERIFY and DOCKER_CERT_PATH name, as the docker CLI reads them. Hand-written on purpose:
 * dockerode brings 56 packages (19 MB, and a native build through ssh2's cpu-features) for the five GETs
 * `twelvelint cluster` makes.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';

export interface EngineTarget {
  /** `unix:///var/run/docker.sock`, `tcp://host:2376`. */
  host: string;
  socketPath?: string;
  hostname?: string;
  port?: number;
  tls?: { ca?: Buffer; cert?: Buffer; key?: Buffer; verify: boolean };
}

export class EngineError extends Error {}

/** Where the engine is, from the environment the docker CLI reads. */
export function engineTarget(env: NodeJS.ProcessEnv = process.env): EngineTarget {
  const host = env.DOCKER_HOST || 'unix:///var/run/docker.sock';
  if (host.startsWith('unix://')) return { host, socketPath: host.slice('unix://'.length) };
  const m = /^(?:tcp|https?):\/\/\[?([^\]/]+?)\]?(?::(\d+))?\/?$/.exec(host);
  if (!m) throw new EngineError(`DOCKER_HOST=${host} is not a unix:// or tcp:// address this client reads`);
  const verify = env.DOCKER_TLS_VERIFY !== undefined && env.DOCKER_TLS_VERIFY !== '' && env.DOCKER_TLS_VERIFY !== '0';
  const certPath = env.DOCKER_CERT_PATH || path.join(os.homedir(), '.docker');
  const read = (f: string) => {
    try {
      return readFileSync(path.join(certPath, f));
    } catch {
      return undefined;
    }
  };
  const tls = verify || env.DOCKER_CERT_PATH ? { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem'), verify } : undefined;
  return { host, hostname: m[1], port: Number(m[2] ?? (tls ? 2376 : 2375)), ...(tls ? { tls } : {}) };
}

/** GET a path of the Engine API and parse its JSON. */
export function getJson<T>(target: EngineTarget, apiPath: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const options: https.RequestOptions = {
      method: 'GET',
      path: apiPath,
      headers: { Host: 'docker', Accept: 'application/json' },
      timeout: timeoutMs,
      ...(target.socketPath ? { socketPath: target.socketPath } : { hostname: target.hostname, port: target.port }),
      ...(target.tls ? { ca: target.tls.ca, cert: target.tls.cert, key: target.tls.key, rejectUnauthorized: target.tls.verify } : {}),
    };
    const req = (target.tls ? https : http).request(options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 32 * 1024 * 1024) req.destroy(new EngineError(`${apiPath}: the answer is over 32 MB`));
        else chunks.push(c);
      });
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 500) >= 400) {
          let message = body;
          try {
            message = (JSON.parse(body) as { message?: string }).message ?? body;
          } catch {
            // not JSON
          }
          reject(new EngineError(`${apiPath}: ${res.statusCode} ${message.trim()}`));
          return;
        }
        try {
          resolve(JSON.parse(body) as T);
        } catch {
          reject(new EngineError(`${apiPath}: the engine's answer is not JSON`));
        }
      });
    });
    req.on('timeout', () => req.destroy(new EngineError(`${apiPath}: no answer within ${timeoutMs / 1000} s`)));
    req.on('error', (e: NodeJS.ErrnoException) => reject(e instanceof EngineError ? e : new EngineError(`cannot reach the Docker engine at ${target.host}: ${e.code ?? e.message}`)));
    req.end();
  });
}
