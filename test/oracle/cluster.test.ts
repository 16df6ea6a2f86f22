import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** `twelvelint cluster` against the real swarm .ci/run starts (one manager, this machine). */
const BIN = path.resolve(import.meta.dirname, '../../bin/twelvelint.js');
const live = spawnSync('docker', ['node', 'ls'], { stdio: 'ignore', timeout: 20000 }).status === 0;

describe.skipIf(!live)('twelvelint cluster on a real swarm', () => {
  it('reads the swarm: one manager is no fault tolerance (a warning, exit 0); JSON carries no join token', () => {
    const r = spawnSync(process.execPath, [BIN, 'cluster', '-f', 'json'], { encoding: 'utf8', timeout: 60000 });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { findings: { id: string; severity: string }[] };
    expect(out.findings).toContainEqual(expect.objectContaining({ id: 'cluster/manager-count', severity: 'warning' }));
    expect(r.stdout).not.toMatch(/SWMTKN-/);
    const strict = spawnSync(process.execPath, [BIN, 'cluster', '--fail-on', 'warning'], { encoding: 'utf8', timeout: 60000 });
    expect(strict.status).toBe(1);
    const gh = spawnSync(process.execPath, [BIN, 'cluster', '-f', 'github'], { encoding: 'utf8', timeout: 60000 });
    expect(gh.stdout).toMatch(/^::warning title=cluster\/manager-count::managers: one manager/m);
  });

  it('an engine that cannot be reached is exit 2 with a message, no stack trace', () => {
    const r = spawnSync(process.execPath, [BIN, 'cluster'], { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: 'tcp://127.0.0.1:1' }, timeout: 60000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^twelvelint cluster: cannot reach the Docker engine at tcp:\/\/127\.0\.0\.1:1/);
  });
});
