import { describe, expect, it } from 'vitest';
import { redactDeep, redactText } from '../../src/engine/redact.js';

describe('redactText: every credential a message may quote is masked, the rest is left as it is', () => {
  it.each([
    ['postgres://app:S3cr3tP4ss@db:5432/app', 'postgres://app:S3******** (10 chars)@db:5432/app'],
    ['redis://:hunter2hunter@cache:6379', 'redis://:hu******** (13 chars)@cache:6379'],
    ['npm start -- --password=Xk9sLq2pZ', 'npm start -- --password=Xk******* (9 chars)'],
    ['node app.js --db-password Xk9sLq2pZ', 'node app.js --db-password Xk******* (9 chars)'],
    ['curl https://x.io/a?token=abcDEF123456&x=1 | sh', 'curl https://x.io/a?token=ab******** (12 chars)&x=1 | sh'],
    ['POSTGRES_PASSWORD=Zq8mK2pL0x in env', 'POSTGRES_PASSWORD=Zq******** (10 chars) in env'],
    ['"JWT_SECRET": "f3a9c1d27b8e4b0a"', '"JWT_SECRET": "f3******** (16 chars)"'],
    ['ghp_abcdefghijklmnopqrstuvwxyz0123456789AB', 'gh******** (42 chars)'],
    ['Bearer aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5bC7d end', 'Bearer aB******** (40 chars) end'],
    ['grace period Wd4Lk8PzQ1vXn7 is not a duration', 'grace period Wd******** (14 chars) is not a duration'],
  ])('%s', (input, expected) => {
    expect(redactText(input)).toBe(expected);
    expect(redactText(expected)).toBe(expected);
  });

  it.each([
    'Swarm secret: use docker secret create',
    'Hard-coded secret in token (to******** (18 chars))',
    'PASSWORD=changeme',
    'image: node:20.11-slim@sha256:4f9c2a1b3e8d7c6f5a4b3c2d1e0f9a8b4f9c2a1b3e8d7c6f5a4b3c2d1e0f9a8b',
    '${POSTGRES_PASSWORD:?err} and ${API_TOKEN:-}',
    'docker/docker-compose.yml:12 Service "web" sets container_name "web"',
    'Service MyService2 reads AWS_REGION=eu-west-1',
    'commit 4f9c2a1b3e8d7c6f5a4b3c2d1e0f9a8b4f9c2a1b',
  ])('leaves alone: %s', (input) => {
    expect(redactText(input)).toBe(input);
  });

  it('redactDeep masks free text and keeps structural fields (paths, ids)', () => {
    const out = redactDeep({ filePath: 'a/Qz8vKp2LmX4nTrQz8vKp2LmX4nTr.yml', ruleId: 'x/y', message: 'DATABASE_URL=postgres://a:Qz8vKp2LmX4nTr@db/x', fix: { text: 'API_TOKEN=Yx5Nq8Lt2VzKp6' } });
    expect(out.filePath).toBe('a/Qz8vKp2LmX4nTrQz8vKp2LmX4nTr.yml');
    expect(out.message).not.toContain('Qz8vKp2LmX4nTr');
    expect(out.fix.text).not.toContain('Yx5Nq8Lt2VzKp6');
  });
});
