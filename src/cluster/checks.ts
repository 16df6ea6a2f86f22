/**
 * `twelvelint cluster` checks: what the Engine API says about the Swarm the project deploys to, judged
 * as pure functions of its answers (/info, /swarm, /nodes, /networks) so each check is tested on data.
 */
import { X509Certificate } from 'node:crypto';

export interface EngineInfo {
  ServerVersion?: string;
  Swarm?: { LocalNodeState?: string; ControlAvailable?: boolean; NodeID?: string; Nodes?: number; Managers?: number; Error?: string };
}

export interface SwarmInspect {
  Spec?: { EncryptionConfig?: { AutoLockManagers?: boolean }; CAConfig?: { NodeCertExpiry?: number } };
  TLSInfo?: { TrustRoot?: string };
  RootRotationInProgress?: boolean;
}

export interface NodeInspect {
  ID: string;
  Spec?: { Role?: string; Availability?: string; Labels?: Record<string, string> };
  Description?: { Hostname?: string; Platform?: { Architecture?: string; OS?: string }; Engine?: { EngineVersion?: string } };
  Status?: { State?: string; Addr?: string; Message?: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string; Addr?: string };
}

export interface NetworkInspect {
  Name: string;
  Driver?: string;
  Scope?: string;
  Ingress?: boolean;
  Options?: Record<string, string>;
}

export interface ClusterState {
  info: EngineInfo;
  swarm?: SwarmInspect;
  nodes?: NodeInspect[];
  networks?: NetworkInspect[];
  /** Placement constraints of the stack the project deploys (`node.labels.zone==east`), to check some node carries them. */
  constraints?: { service: string; constraint: string }[];
  now?: Date;
}

export type CheckSeverity = 'error' | 'warning' | 'info';

export interface ClusterFinding {
  id: string;
  severity: CheckSeverity;
  message: string;
  /** The node, network or setting the finding is about. */
  subject: string;
}

const DAY = 24 * 3600 * 1000;

function duration(ms: number): string {
  const days = Math.round(ms / DAY);
  return days >= 2 ? `${days} days` : `${Math.round(ms / 3600_000)} hours`;
}

const nodeName = (n: NodeInspect) => n.Description?.Hostname ?? n.ID.slice(0, 12);

/** Every check, in the order they are reported: the node's state first (nothing else can be read without it). */
export function checkCluster(state: ClusterState): ClusterFinding[] {
  const out: ClusterFinding[] = [];
  const add = (id: string, severity: CheckSeverity, subject: string, message: string) => out.push({ id, severity, subject, message });
  const now = state.now ?? new Date();
  const local = state.info.Swarm?.LocalNodeState ?? 'inactive';

  if (local !== 'active') {
    const why: Record<string, string> = {
      inactive: 'swarm mode is not active on this engine: docker stack deploy needs a swarm (docker swarm init, or join one)',
      pending: 'this node is still joining the swarm (pending): wait, or check that it reaches a manager on port 2377',
      error: `this node's swarm state is "error"${state.info.Swarm?.Error ? ` (${state.info.Swarm.Error})` : ''}: it takes no part in the swarm until that is fixed`,
      locked: 'the swarm is locked (autolock): run docker swarm unlock with the unlock key before anything else',
    };
    add('cluster/node-state', 'error', 'this node', why[local] ?? `this node's swarm state is "${local}"`);
    return out;
  }
  if (!state.info.Swarm?.ControlAvailable) {
    add('cluster/not-a-manager', 'warning', 'this node', 'this node is a worker: stacks are deployed and the swarm is inspected from a manager (point DOCKER_HOST at one); only what a worker sees was checked');
  }

  const nodes = state.nodes ?? [];
  const managers = nodes.filter((n) => n.Spec?.Role === 'manager');
  if (managers.length > 0 || state.info.Swarm?.Managers) {
    const n = managers.length || state.info.Swarm?.Managers || 0;
    const tolerance = Math.floor((n - 1) / 2);
    const unreachable = managers.filter((m) => m.ManagerStatus && m.ManagerStatus.Reachability !== 'reachable');
    const left = tolerance - unreachable.length;
    if (n === 1) add('cluster/manager-count', 'warning', 'managers', 'one manager: no fault tolerance; if it is lost, the swarm cannot be managed (no deploys, no rescheduling decisions) until it is restored from backup; run 3 managers');
    else if (n % 2 === 0) add('cluster/manager-count', 'warning', 'managers', `${n} managers: an even number tolerates no more failures than ${n - 1} (${tolerance}) and splits evenly in a network partition; run ${n - 1} or ${n + 1}`);
    else if (n > 7) add('cluster/manager-count', 'warning', 'managers', `${n} managers: Raft consensus slows down with more than 7; Docker recommends at most 7`);
    else add('cluster/manager-count', 'info', 'managers', `${n} managers: the swarm tolerates the loss of ${tolerance}`);
    for (const m of unreachable) add('cluster/manager-unreachable', 'error', nodeName(m), `manager ${nodeName(m)} is ${m.ManagerStatus?.Reachability ?? 'not reachable'}: ${left >= 0 ? `${left} more manager failure${left === 1 ? '' : 's'} can be tolerated before the swarm loses quorum` : 'the swarm has lost quorum: no manager can make changes'}`);
    if (n > 1) {
      const working = managers.filter((m) => m.Spec?.Availability === 'active');
      if (working.length > 0) add('cluster/manager-runs-workloads', 'info', working.map(nodeName).join(', '), `manager${working.length === 1 ? '' : 's'} ${working.map(nodeName).join(', ')} also run${working.length === 1 ? 's' : ''} service tasks: a busy task can starve Raft of CPU and memory; on larger swarms drain managers (docker node update --availability drain)`);
    }
  }

  for (const node of nodes) {
    if (node.Status?.State && node.Status.State !== 'ready') add('cluster/node-down', 'error', nodeName(node), `node ${nodeName(node)} is ${node.Status.State}${node.Status.Message ? ` (${node.Status.Message})` : ''}: its tasks are rescheduled elsewhere, and services constrained to it do not run`);
    const availability = node.Spec?.Availability;
    if (availability === 'drain' || availability === 'pause') add('cluster/node-unavailable', node.Spec?.Role === 'manager' ? 'info' : 'warning', nodeName(node), `node ${nodeName(node)} is ${availability === 'drain' ? 'drained: it runs no service tasks' : 'paused: it takes no new tasks'}`);
  }
  const versions = new Map<string, string[]>();
  for (const node of nodes) {
    const v = node.Description?.Engine?.EngineVersion;
    if (v) versions.set(v, [...(versions.get(v) ?? []), nodeName(node)]);
  }
  if (versions.size > 1) add('cluster/engine-version-skew', 'warning', 'nodes', `engine versions differ across nodes (${[...versions].map(([v, ns]) => `${v}: ${ns.join(', ')}`).join('; ')}): run the same Docker Engine version everywhere, upgrading managers first`);
  const platforms = new Map<string, string[]>();
  for (const node of nodes) {
    const p = node.Description?.Platform;
    if (p?.OS) platforms.set(`${p.OS}/${p.Architecture ?? '?'}`, [...(platforms.get(`${p.OS}/${p.Architecture ?? '?'}`) ?? []), nodeName(node)]);
  }
  if (platforms.size > 1) add('cluster/platform-mix', 'info', 'nodes', `nodes run different platforms (${[...platforms].map(([p, ns]) => `${p}: ${ns.join(', ')}`).join('; ')}): every image a service runs must be built for each, or the service constrained (node.platform.arch)`);

  for (const c of state.constraints ?? []) {
    const m = /^\s*node\.labels\.([\w.-]+)\s*(==|!=)\s*(\S+)\s*$/.exec(c.constraint);
    if (!m) continue;
    const [, label, op, value] = m;
    const matches = nodes.filter((n) => (op === '==' ? n.Spec?.Labels?.[label] === value : n.Spec?.Labels?.[label] !== value));
    if (nodes.length > 0 && matches.length === 0) add('cluster/constraint-unsatisfiable', 'error', c.service, `service "${c.service}" is constrained to ${c.constraint.trim()}, and no node carries that label: its tasks stay pending; docker node update --label-add ${label}=${value} <node>`);
  }

  const swarm = state.swarm;
  if (swarm) {
    if (!swarm.Spec?.EncryptionConfig?.AutoLockManagers) add('cluster/autolock-off', 'info', 'swarm', 'autolock is off: a manager\'s disk holds the keys that decrypt the Raft log (secrets included); docker swarm update --autolock=true keeps them encrypted at rest (then every restarted manager needs docker swarm unlock)');
    const root = swarm.TLSInfo?.TrustRoot;
    if (root) {
      try {
        const cert = new X509Certificate(root);
        const left = new Date(cert.validTo).getTime() - now.getTime();
        if (left <= 0) add('cluster/root-ca-expired', 'error', 'swarm', `the swarm's root CA expired on ${new Date(cert.validTo).toISOString().slice(0, 10)}: nodes cannot renew certificates; docker swarm ca --rotate`);
        else if (left < 90 * DAY) add('cluster/root-ca-expiring', 'warning', 'swarm', `the swarm's root CA expires in ${duration(left)} (${new Date(cert.validTo).toISOString().slice(0, 10)}): rotate it now (docker swarm ca --rotate)`);
      } catch {
        add('cluster/root-ca-unreadable', 'warning', 'swarm', 'the swarm\'s root CA certificate could not be read');
      }
    }
    const expiry = swarm.Spec?.CAConfig?.NodeCertExpiry;
    if (typeof expiry === 'number' && expiry > 0) {
      const ms = expiry / 1e6;
      add('cluster/node-cert-expiry', ms < 7 * DAY ? 'warning' : 'info', 'swarm', `node certificates last ${duration(ms)} and renew while a node is on: a node left off longer than that cannot rejoin and must be removed and joined again`);
    }
    if (swarm.RootRotationInProgress) add('cluster/root-rotation', 'warning', 'swarm', 'a root CA rotation is in progress: nodes that are down do not get the new certificates; bring them up or remove them so it can finish');
  }

  for (const net of state.networks ?? []) {
    if (net.Driver !== 'overlay' || net.Ingress || net.Scope !== 'swarm') continue;
    if (net.Options?.encrypted === undefined) add('cluster/overlay-not-encrypted', 'info', net.Name, `overlay network "${net.Name}" is not encrypted: traffic between nodes on it crosses the network in clear text (create it with --opt encrypted, or set driver_opts: {encrypted: ""} in the stack, if nodes talk across an untrusted network)`);
  }
  return out;
}
