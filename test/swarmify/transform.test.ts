import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeDocuments, render, swarmify } from '../../src/swarmify/transform.js';
import { renderSwarmifyDoc } from '../../src/swarmify/docs.js';
import { ROOT, runCli } from '../support/cli.js';

const options = { imagePrefix: 'ghcr.io/acme', tag: '1.2.3', project: 'shop', defaults: false };

function run(...texts: string[]) {
  const { doc, expanded, errors } = mergeDocuments(texts.map((text, i) => ({ name: `f${i}.yml`, text })));
  const result = swarmify(doc, options);
  return { ...result, text: render(result.doc), expanded, errors };
}

describe('swarmify', () => {
  it('build without image gets an image and the build/push commands; restart, resources, depends_on, ports, booleans and ignored keys become Swarm forms', () => {
    const r = run(
      'services:\n  # the web app\n  web:\n    build:\n      context: ./web\n      dockerfile: Dockerfile.prod\n    container_name: web\n    restart: unless-stopped\n    mem_limit: 512m\n    cpus: 0.5\n    depends_on:\n      db:\n        condition: service_healthy\n    ports:\n      - "127.0.0.1:8080:80"\n    environment:\n      DEBUG: false\n    profiles: [web]\n  db:\n    image: postgres:16.4\n    restart: on-failure:3\n    expose: ["5432"]\nnetworks:\n  default:\n    driver: bridge\n',
    );
    expect(r.text).toBe(
      'version: "3.8"\nservices:\n  # the web app\n  web:\n    depends_on:\n      - db\n    ports:\n      - 8080:80\n    environment:\n      DEBUG: "false"\n    image: ghcr.io/acme/shop-web:1.2.3\n    deploy:\n      restart_policy:\n        condition: any\n      resources:\n        limits:\n          memory: 512M\n          cpus: "0.5"\n  db:\n    image: postgres:16.4\n    deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 3\nnetworks:\n  default:\n    driver: overlay\n',
    );
    expect(r.buildCommands).toEqual(['docker build -t ghcr.io/acme/shop-web:1.2.3 -f ./web/Dockerfile.prod ./web', 'docker push ghcr.io/acme/shop-web:1.2.3']);
    expect(r.changes.map((c) => `${c.service ?? ''}:${c.key}:${c.action}`)).toEqual([
      ':version:added',
      'web:image:added',
      'web:build:removed',
      'web:restart:rewritten',
      'web:mem_limit:rewritten',
      'web:cpus:rewritten',
      'web:depends_on:rewritten',
      'web:ports:rewritten',
      'web:environment.DEBUG:rewritten',
      'web:container_name:removed',
      'web:profiles:removed',
      'db:restart:rewritten',
      'db:expose:removed',
      ':networks.default.driver:rewritten',
    ]);
    expect(r.blockers).toEqual([]);
  });

  it('merges override files as docker compose -f does, and expands anchors', () => {
    const r = run('x-base: &base\n  image: acme/api:1.0\nservices:\n  api:\n    <<: *base\n    ports: ["8000:8000"]\n', 'services:\n  api:\n    ports: ["9000:9000"]\n    environment:\n      LOG_LEVEL: debug\n');
    expect(r.expanded).toBe(true);
    // The overlay's items keep their own quoting.
    expect(r.text).toContain('  api:\n    image: acme/api:1.0\n    ports:\n      - 8000:8000\n      - "9000:9000"\n    environment:\n      LOG_LEVEL: debug\n');
  });

  it('lists what it cannot transform and what only the user can decide', () => {
    const r = run('services:\n  a:\n    image: acme/a:1\n    volumes_from: [b]\n    volumes:\n      - ./data:/data\n  b:\n    image: redis\nsecrets:\n  token:\n    environment: API_TOKEN\n');
    expect(r.blockers).toEqual(['service "a" uses volumes_from: To share a volume between services, define it using the top-level `volumes` option and reference it from each service that shares it using the service-level `volumes` option.']);
    expect(r.decisions.join('\n')).toMatch(/service "a" bind-mounts \.\/data: that path must exist on every node/);
    expect(r.decisions.join('\n')).toMatch(/redis is not pinned/);
    expect(r.decisions.join('\n')).toContain(`create the secret "token" before deploying: printf '%s' "$API_TOKEN" | docker secret create token -`);
    expect(r.text).toContain('secrets:\n  token:\n    external: true\n');
  });

  it('deploy defaults where absent', () => {
    const { doc } = mergeDocuments([{ name: 'a', text: 'version: "3.9"\nservices:\n  web:\n    image: acme/web:1\n    healthcheck:\n      test: ["CMD", "true"]\n' }]);
    const text = render(swarmify(doc, { ...options, defaults: true }).doc);
    expect(text).toBe('version: "3.9"\nservices:\n  web:\n    image: acme/web:1\n    healthcheck:\n      test: [ "CMD", "true" ]\n    deploy:\n      replicas: 1\n      update_config:\n        parallelism: 1\n        order: start-first\n        failure_action: rollback\n      rollback_config:\n        parallelism: 1\n        order: stop-first\n      restart_policy:\n        condition: on-failure\n        delay: 5s\n        max_attempts: 3\n        window: 120s\n');
  });
});

describe('swarmify: extends and literal secrets', () => {
  it('extends of this file or another is merged in, as docker compose does', () => {
    const { doc } = mergeDocuments([{ name: 'a', text: 'services:\n  base:\n    image: acme/app:1\n    environment:\n      A: "1"\n    ports: ["80:80"]\n  web:\n    extends: base\n    environment:\n      B: "2"\n  worker:\n    extends:\n      file: common.yml\n      service: job\n    command: work\n' }]);
    const r = swarmify(doc, { ...options, readFile: (p) => (p === 'common.yml' ? 'services:\n  job:\n    image: acme/job:2\n    command: idle\n' : undefined) });
    const text = render(r.doc);
    expect(text).toContain('  web:\n    image: acme/app:1\n    environment:\n      A: "1"\n      B: "2"\n    ports:\n      - 80:80\n');
    expect(text).toContain('  worker:\n    image: acme/job:2\n    command: work\n');
    expect(r.blockers).toEqual([]);
    expect(r.changes.filter((c) => c.key === 'extends').map((c) => c.service)).toEqual(['web', 'worker']);
  });

  it('an extended service that cannot be read is a blocker', () => {
    const { doc } = mergeDocuments([{ name: 'a', text: 'services:\n  web:\n    extends:\n      file: ../outside.yml\n      service: x\n' }]);
    expect(swarmify(doc, options).blockers).toContain('service "web" uses extends of ../outside.yml, and the extended service could not be read');
  });

  it('a literal password of an image that reads _FILE moves to a file-based secret; the value never reaches the changes', () => {
    const { doc } = mergeDocuments([{ name: 'a', text: 'services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: Zq8v2LmX9pRt\n  api:\n    image: acme/api:1\n    environment:\n      API_TOKEN: k-8f3a9c2e1d7b4\n' }]);
    const r = swarmify(doc, options);
    const text = render(r.doc);
    expect(text).toContain('  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_postgres_password\n    secrets:\n      - db_postgres_password\n');
    expect(text).toContain('secrets:\n  db_postgres_password:\n    file: ./secrets/db_postgres_password.txt\n');
    expect(r.secretFiles).toEqual([{ path: './secrets/db_postgres_password.txt', value: 'Zq8v2LmX9pRt' }]);
    expect(JSON.stringify([r.changes, r.decisions])).not.toMatch(/Zq8v2LmX9pRt|k-8f3a9c2e1d7b4/);
    expect(r.decisions.join('\n')).toMatch(/service "api" sets API_TOKEN to a literal secret/);
  });
});

describe('swarmify: the healthcheck reminder', () => {
  it('not for a service whose Dockerfile declares a HEALTHCHECK; yes for one without', () => {
    const { doc } = mergeDocuments([{ name: 'a', text: 'services:\n  api:\n    build: ./api\n  web:\n    build:\n      context: ./web\n      dockerfile: Dockerfile.prod\n' }]);
    const files: Record<string, string> = { 'api/Dockerfile': 'FROM node:22\nHEALTHCHECK CMD curl -f http://localhost:3000/ || exit 1\n', 'web/Dockerfile.prod': 'FROM nginx:1.27\nHEALTHCHECK NONE\n' };
    const r = swarmify(doc, { ...options, defaults: true, readFile: (p) => files[p] });
    expect(r.decisions.filter((d) => d.includes('no healthcheck'))).toEqual([expect.stringContaining('service "web": no healthcheck here')]);
  });
});

describe('twelvelint swarmify (CLI)', () => {
  it('writes the stack file, reports on stderr, names deploy inputs that .env sets; exit 0', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'swarmify-cli-'));
    writeFileSync(path.join(dir, 'compose.yml'), 'services:\n  web:\n    build: .\n    environment:\n      SECRET_KEY: ${SECRET_KEY}\n      PORT: ${PORT:-8000}\n');
    writeFileSync(path.join(dir, '.env'), 'SECRET_KEY=dev-only\n');
    const { code, stderr: report } = await runCli(['swarmify', 'compose.yml', '-o', 'docker-stack.yml', '--tag', 'abc1234', '--image-prefix', 'ghcr.io/acme'], dir);
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, 'docker-stack.yml'), 'utf8')).toContain(`image: ghcr.io/acme/${path.basename(dir).toLowerCase()}-web:abc1234`);
    expect(report).toContain('Set these in the shell that runs docker stack deploy (it reads no .env file): SECRET_KEY');
    expect(report).toContain('set -a; . ./.env; set +a');
    expect(report).not.toContain('dev-only');
  });

  it('an unreadable file is a usage error (exit 2)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'swarmify-cli-'));
    expect((await runCli(['swarmify', 'missing.yml'], dir)).code).toBe(2);
  });

  it('docs/swarmify.md is generated from the coverage table (run `npm run docs`)', () => {
    expect(readFileSync(path.join(ROOT, 'docs/swarmify.md'), 'utf8')).toBe(renderSwarmifyDoc());
  });
});
