/**
 * What swarmify does with each compose key. The transform reads its notes from here and the docs table
 * (docs/swarmify.md) is generated from here and from docker/cli's key lists, so neither can drift.
 */
import { DEPRECATED_SERVICE_KEYS, FORBIDDEN_SERVICE_KEYS, IGNORED_SERVICE_KEYS } from '../project/compose/docker-cli.js';
import { SERVICE_KEY_SINCE } from '../project/compose/schema-data.js';

export type KeyAction = 'kept' | 'rewritten' | 'removed' | 'not transformable';

export interface KeyEntry {
  action: KeyAction;
  note: string;
}

/** Service keys of the Compose specification that the 3.x file format does not have (docker/compose-spec). */
export const COMPOSE_SPEC_ONLY_SERVICE_KEYS = [
  'annotations', 'attach', 'blkio_config', 'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_rt_period', 'cpu_rt_runtime', 'cpus', 'develop',
  'device_cgroup_rules', 'gpus', 'label_file', 'mem_reservation', 'mem_swappiness', 'models', 'oom_kill_disable', 'oom_score_adj', 'platform',
  'post_start', 'pre_stop', 'profiles', 'provider', 'pull_policy', 'runtime', 'scale', 'storage_opt', 'uts', 'use_api_socket', 'volumes_from',
] as const;

const removedSpec = (what: string): KeyEntry => ({ action: 'removed', note: `${what}; not in the Compose file format 3.x, so docker stack deploy rejects the file` });

export const KEY_ACTIONS: { service: Record<string, KeyEntry>; top: Record<string, KeyEntry> } = {
  service: {
    build: { action: 'rewritten', note: 'becomes `image: <prefix>/<project>-<service>:<tag>` when there is no image; the `docker build`/`docker push` commands are printed' },
    restart: { action: 'rewritten', note: 'becomes deploy.restart_policy (always/unless-stopped → any, on-failure[:N] → on-failure with max_attempts, no → none)' },
    mem_limit: { action: 'rewritten', note: 'becomes deploy.resources.limits.memory' },
    mem_reservation: { action: 'rewritten', note: 'becomes deploy.resources.reservations.memory' },
    cpus: { action: 'rewritten', note: 'becomes deploy.resources.limits.cpus' },
    depends_on: { action: 'rewritten', note: 'the map form (with conditions) becomes a list; Swarm orders nothing, the app must retry' },
    ports: { action: 'rewritten', note: 'a host IP (127.0.0.1:8080:80, host_ip) is removed: Swarm publishes on every node' },
    environment: { action: 'rewritten', note: 'boolean values are quoted (the 3.x format wants strings); a literal secret of an image that reads <VAR>_FILE (postgres, mysql, mariadb, mongo) moves to a file-based Swarm secret written beside the stack file; other literal secrets are listed for you to move' },
    container_name: { action: 'removed', note: `deprecated for services ("${DEPRECATED_SERVICE_KEYS.container_name}"): other services reach it by its service name` },
    expose: { action: 'removed', note: `deprecated ("${DEPRECATED_SERVICE_KEYS.expose}")` },
    memswap_limit: { action: 'removed', note: 'docker stack deploy refuses it; Swarm services have no swap limit' },
    cpu_quota: { action: 'removed', note: 'docker stack deploy refuses it; set deploy.resources.limits.cpus instead' },
    cpu_shares: { action: 'removed', note: 'docker stack deploy refuses it; set deploy.resources.limits.cpus / reservations.cpus instead' },
    cpuset: { action: 'removed', note: 'docker stack deploy refuses it; Swarm services cannot be pinned to CPUs' },
    volume_driver: { action: 'removed', note: 'docker stack deploy refuses it; set the driver on the top-level volume instead' },
    extends: { action: 'rewritten', note: 'the extended service (of this file or another under its folder) is merged in, as docker compose merges it; docker stack deploy refuses extends' },
    volumes_from: { action: 'not transformable', note: FORBIDDEN_SERVICE_KEYS.volumes_from },
    links: { action: 'removed', note: 'ignored by docker stack deploy: services on one overlay network reach each other by service name' },
    network_mode: { action: 'removed', note: 'ignored by docker stack deploy: attach the service to overlay networks instead' },
    privileged: { action: 'removed', note: 'ignored by docker stack deploy: Swarm services cannot be privileged' },
    devices: { action: 'removed', note: 'ignored by docker stack deploy: Swarm services cannot map host devices' },
    security_opt: { action: 'removed', note: 'ignored by docker stack deploy' },
    shm_size: { action: 'removed', note: 'ignored by docker stack deploy: mount a tmpfs at /dev/shm instead' },
    profiles: removedSpec('profiles select services for docker compose'),
    platform: removedSpec('platform is chosen per node by Swarm (deploy.placement.platforms)'),
    pull_policy: removedSpec('Swarm always resolves the image'),
    develop: removedSpec('docker compose watch settings'),
    runtime: removedSpec('the container runtime'),
    gpus: removedSpec('GPU requests (use deploy.resources.reservations.generic_resources on nodes that advertise them)'),
  },
  top: {
    version: { action: 'rewritten', note: 'set to 3.8 when missing, 2.x or below 3.8' },
    name: { action: 'removed', note: 'the project name is the stack name given to docker stack deploy' },
    include: { action: 'removed', note: 'docker stack deploy does not read include; pass the files with -c' },
    networks: { action: 'rewritten', note: 'a bridge/host/none driver becomes overlay' },
    secrets: { action: 'rewritten', note: 'a secret from `environment:` becomes external, with the `docker secret create` command to run' },
    configs: { action: 'rewritten', note: 'a config from `environment:` becomes external, with the `docker config create` command to run' },
    volumes: { action: 'kept', note: 'kept; a local volume is local to each node' },
    services: { action: 'kept', note: 'each service as below' },
  },
};

/** Every service key swarmify knows of, with what it does: the docs table. */
export function serviceCoverage(): { key: string; action: KeyAction; note: string }[] {
  const keys = new Set<string>([...Object.keys(SERVICE_KEY_SINCE), ...IGNORED_SERVICE_KEYS, ...Object.keys(DEPRECATED_SERVICE_KEYS), ...Object.keys(FORBIDDEN_SERVICE_KEYS), ...COMPOSE_SPEC_ONLY_SERVICE_KEYS]);
  return [...keys].sort().map((key) => {
    const known = KEY_ACTIONS.service[key];
    if (known) return { key, ...known };
    if ((IGNORED_SERVICE_KEYS as readonly string[]).includes(key)) return { key, action: 'removed' as const, note: 'ignored by docker stack deploy ("Ignoring unsupported options")' };
    if (!Object.hasOwn(SERVICE_KEY_SINCE, key)) return { key, action: 'removed' as const, note: 'not in the Compose file format 3.x, so docker stack deploy rejects the file' };
    return { key, action: 'kept' as const, note: `kept (Compose file format ${SERVICE_KEY_SINCE[key]}+)` };
  });
}
