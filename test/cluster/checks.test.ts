import { describe, expect, it } from 'vitest';
import { checkCluster, type ClusterState, type NetworkInspect, type NodeInspect } from '../../src/cluster/checks.js';
import { engineTarget } from '../../src/cluster/engine-api.js';

/** A swarm root CA (public certificate, valid until 2046-11-27), as /swarm's TLSInfo.TrustRoot gives it. */
const ROOT_CA = '-----BEGIN CERTIFICATE-----\nMIIBajCCARCgAwIBAgIUZM5d+1eJAO82G7J7enjRw49MDhEwCgYIKoZIzj0EAwIw\nEzERMA8GA1UEAxMIc3dhcm0tY2EwHhcNMjYxMjAyMTMxMDAwWhcNNDYxMTI3MTMx\nMDAwWjATMREwDwYDVQQDEwhzd2FybS1jYTBZMBMGByqGSM49AgEGCCqGSM49AwEH\nA0IABDAq50B3L7RHHl5D8xVDVqZ7qusTsset3uzHN9SCSWckCubNn0tZWZE/aOij\nsGv/XX4rjEgX1Fpy+1977lNDSiujQjBAMA4GA1UdDwEB/wQEAwIBBjAPBgNVHRMB\nAf8EBTADAQH/MB0GA1UdDgQWBBQ5KDfiT1hhBuLCxsXVzQW4gnXeDzAKBggqhkjO\nPQQDAgNIADBFAiBqvEO6RivDu3lA5dF12h8pQ2ALsVA+bZzvVMz5hxrDgwIhAO/U\nbng9woUgjQ6BC1fPTprQCUjvxW3AABcSZfAR7Ncr\n-----END CERTIFICATE-----';

const node = (id: string, role: string, extra: Partial<NodeInspect> = {}): NodeInspect => ({
  ID: id,
  Spec: { Role: role, Availability: 'active', Labels: {} },
  Description: { Hostname: id, Platform: { OS: 'linux', Architecture: 'x86_64' }, Engine: { EngineVersion: '28.2.2' } },
  Status: { State: 'ready' },
  ...(role === 'manager' ? { ManagerStatus: { Reachability: 'reachable' } } : {}),
  ...extra,
});

const active = { Swarm: { LocalNodeState: 'active', ControlAvailable: true } };
const ids = (state: ClusterState) => checkCluster(state).map((f) => `${f.severity} ${f.id} ${f.subject}`);

describe('cluster checks', () => {
  it('swarm mode off, or locked, is the one finding', () => {
    expect(ids({ info: { Swarm: { LocalNodeState: 'inactive' } } })).toEqual(['error cluster/node-state this node']);
    expect(checkCluster({ info: { Swarm: { LocalNodeState: 'locked' } } })[0].message).toMatch(/docker swarm unlock/);
  });

  it('one manager: no fault tolerance; a worker sees only itself', () => {
    expect(ids({ info: active, nodes: [node('m1', 'manager')] })).toEqual(['warning cluster/manager-count managers']);
    expect(ids({ info: { Swarm: { LocalNodeState: 'active', ControlAvailable: false, Managers: 3 } } })).toEqual(['warning cluster/not-a-manager this node', 'info cluster/manager-count managers']);
  });

  it('three managers with one unreachable: how many more can fail; an even count; managers running tasks', () => {
    const nodes = [node('m1', 'manager'), node('m2', 'manager', { ManagerStatus: { Reachability: 'unreachable' } }), node('m3', 'manager', { Spec: { Role: 'manager', Availability: 'drain' } })];
    const findings = checkCluster({ info: active, nodes });
    expect(findings.map((f) => `${f.severity} ${f.id} ${f.subject}`)).toEqual([
      'info cluster/manager-count managers',
      'error cluster/manager-unreachable m2',
      'info cluster/manager-runs-workloads m1, m2',
      'info cluster/node-unavailable m3',
    ]);
    expect(findings[1].message).toContain('0 more manager failures can be tolerated before the swarm loses quorum');
    expect(ids({ info: active, nodes: [node('m1', 'manager'), node('m2', 'manager')] })[0]).toBe('warning cluster/manager-count managers');
  });

  it('nodes down or drained, engine version skew, platform mix, a constraint no node satisfies', () => {
    const nodes = [
      node('m1', 'manager'),
      node('w1', 'worker', { Status: { State: 'down', Message: 'heartbeat failure' } }),
      node('w2', 'worker', { Spec: { Role: 'worker', Availability: 'drain', Labels: { zone: 'east' } }, Description: { Hostname: 'w2', Platform: { OS: 'linux', Architecture: 'aarch64' }, Engine: { EngineVersion: '27.5.1' } } }),
    ];
    expect(ids({ info: active, nodes, constraints: [{ service: 'db', constraint: 'node.labels.zone == west' }, { service: 'web', constraint: 'node.labels.zone==east' }, { service: 'x', constraint: 'node.role==manager' }] })).toEqual([
      'warning cluster/manager-count managers',
      'error cluster/node-down w1',
      'warning cluster/node-unavailable w2',
      'warning cluster/engine-version-skew nodes',
      'info cluster/platform-mix nodes',
      'error cluster/constraint-unsatisfiable db',
    ]);
  });

  it('certificates and encryption: root CA expiry, node certificate lifetime, rotation, autolock, plain overlay networks', () => {
    const swarm = { Spec: { EncryptionConfig: { AutoLockManagers: false }, CAConfig: { NodeCertExpiry: 3 * 24 * 3600 * 1e9 } }, TLSInfo: { TrustRoot: ROOT_CA }, RootRotationInProgress: true };
    const networks: NetworkInspect[] = [{ Name: 'ingress', Driver: 'overlay', Scope: 'swarm', Ingress: true }, { Name: 'app', Driver: 'overlay', Scope: 'swarm', Options: {} }, { Name: 'secure', Driver: 'overlay', Scope: 'swarm', Options: { encrypted: '' } }, { Name: 'bridge', Driver: 'bridge', Scope: 'local' }];
    const soon = checkCluster({ info: active, nodes: [node('m1', 'manager'), node('m2', 'manager'), node('m3', 'manager')], swarm, networks, now: new Date('2046-11-01T00:00:00Z') });
    expect(soon.map((f) => `${f.severity} ${f.id} ${f.subject}`).slice(2)).toEqual(['info cluster/autolock-off swarm', 'warning cluster/root-ca-expiring swarm', 'warning cluster/node-cert-expiry swarm', 'warning cluster/root-rotation swarm', 'info cluster/overlay-not-encrypted app']);
    expect(soon.find((f) => f.id === 'cluster/root-ca-expiring')?.message).toContain('expires in 27 days (2046-11-27)');
    const late = checkCluster({ info: active, swarm, now: new Date('2047-01-01T00:00:00Z') });
    expect(late.map((f) => f.id)).toContain('cluster/root-ca-expired');
  });
});

describe('engineTarget', () => {
  it('reads DOCKER_HOST as the docker CLI does', () => {
    expect(engineTarget({})).toEqual({ host: 'unix:///var/run/docker.sock', socketPath: '/var/run/docker.sock' });
    expect(engineTarget({ DOCKER_HOST: 'tcp://10.0.0.5:2375' })).toEqual({ host: 'tcp://10.0.0.5:2375', hostname: '10.0.0.5', port: 2375 });
    expect(engineTarget({ DOCKER_HOST: 'tcp://swarm.example:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent' })).toMatchObject({ hostname: 'swarm.example', port: 2376, tls: { verify: true } });
    expect(() => engineTarget({ DOCKER_HOST: 'ssh://user@host' })).toThrow(/not a unix:\/\/ or tcp:\/\/ address/);
  });
});
