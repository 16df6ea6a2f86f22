import { describe, expect, it } from 'vitest';
import { discoverMemory } from '../../src/project/discover.js';
import { loadProject } from '../../src/project/load.js';
import { memoryReader } from '../../src/project/reader.js';
import { isNotShippedPath, pathPurpose } from '../../src/project/facts/deploy.js';
import type { Project } from '../../src/project/model.js';

type Files = Record<string, string>;

async function load(files: Files, stackFiles?: string[]): Promise<Project> {
  const { project } = await loadProject(discoverMemory(files), {
    needs: new Set(['dockerfile', 'compose', 'manifest', 'script', 'env']),
    deployEnv: new Map(),
    reader: memoryReader(files),
    ...(stackFiles ? { stackFiles } : {}),
  });
  return project;
}

/** Each compose file's role and flags, by path: `docker-stack.yml: stack deployed`. */
async function composeStatuses(files: Files, stackFiles?: string[]): Promise<Record<string, string>> {
  const project = await load(files, stackFiles);
  return Object.fromEntries(
    project.composeFiles.map((f) => {
      const s = project.facts.composeStatus(f);
      return [f.path, [s.role, s.deployed ? 'deployed' : '', s.speaksForProject ? 'speaks' : ''].filter(Boolean).join(' ')];
    }),
  );
}

const build = 'services:\n  web:\n    build: .\n';
const dockerfile = 'FROM node:20\nCMD ["node", "server.js"]\n';

describe('pathPurpose', () => {
  it.each([
    ['docker-compose.yml', undefined],
    ['compose.override.yaml', undefined],
    ['docker-compose.dev.yml', 'development'],
    ['.devcontainer/docker-compose.yml', 'development'],
    ['docker-compose-test.yml', 'test'],
    ['tests/e2e/docker/docker-compose.yml', 'test'],
    ['cypress/docker-compose.yml', 'test'],
    ['examples/basic/docker-compose.yml', 'example'],
    ['old-stack-proxy.yml', 'unused'],
    ['docker-stack.yml', 'production'],
    ['docker-compose.prod.yml', 'production'],
    ['deploy/compose.yml', 'production'],
    ['podman-compose.yml', undefined],
    ['docker-compose.devops.yml', undefined],
    ['Dockerfile.dev', 'development'],
    ['Dockerfile-tilt', 'development'],
    ['docker-compose.gitpod.yaml', 'development'],
    ['dockers/examples/docker-swarm/docker-compose.app.yml', 'production'],
    ['examples/compose/production/compose.yml', 'example'],
    ['docker-compose-examples/grist-local-testing/docker-compose.yml', 'test'],
    ['deploy/latest/docker-compose.yml', 'production'],
    ['Dockerfile.coverage', 'test'],
    ['examples/standalone/docker-compose.yaml', 'example'],
    ['contrib/docker-compose/docker-compose.yml', 'example'],
    ['.worktree-container/docker-compose.yml', 'development'],
    ['.docker/docker-compose.yml', undefined],
  ])('%s → %s', (path, purpose) => {
    expect(pathPurpose(path)).toBe(purpose);
  });
});

describe('isNotShippedPath', () => {
  it.each([
    ['src/app.test.ts', true],
    ['src/components/Button.stories.tsx', true],
    ['app/test_views.py', true],
    ['pkg/server_test.go', true],
    ['src/local/strategy.js', false],
    ['src/contest.ts', false],
    ['web/src/ApiKeyList.clienttest.tsx', true],
    ['backend/internal/service/e2etest_service.go', true],
    ['app/fixtures_loader.py', true],
    ['.agents/skills/scripts/validate.py', true],
    ['public/.well-known/handler.js', false],
    ['.pnp.cjs', true],
    ['development/nautobot_config.py', true],
    ['packages/web/.eslintrc.js', true],
    ['src/.hidden-but-app.py', false],
  ])('%s → %s', (path, expected) => {
    expect(isNotShippedPath(path)).toBe(expected);
  });
});

describe('composeStatuses', () => {
  it.each<[string, Files, Record<string, string>]>([
    ['a stack file beats the root compose file', { 'docker-compose.yml': build, 'docker-stack.yml': 'services:\n  web:\n    image: example/web:1.0\n', Dockerfile: dockerfile }, { 'docker-compose.yml': 'main', 'docker-stack.yml': 'stack deployed speaks' }],
    ['a production-named file beats the main one', { 'docker-compose.yml': build, 'docker-compose.prod.yml': build, Dockerfile: dockerfile }, { 'docker-compose.yml': 'main', 'docker-compose.prod.yml': 'production deployed speaks' }],
    ['a compose file in a deploy folder beats the root one', { 'docker-compose.yml': build, 'deploy/compose.yml': 'services:\n  web:\n    image: example/web:1.0\n', Dockerfile: dockerfile }, { 'deploy/compose.yml': 'production deployed speaks', 'docker-compose.yml': 'main' }],
    ['a file with a "sut" service is a docker image test (zipkin build-bin)', { 'docker-compose.yml': build, 'build-bin/docker-compose-zipkin.yml': 'services:\n  zipkin:\n    image: openzipkin/zipkin:test\n  sut:\n    image: appropriate/curl\n', Dockerfile: dockerfile }, { 'docker-compose.yml': 'main deployed speaks', 'build-bin/docker-compose-zipkin.yml': 'test' }],
    ['services that run the app in its test environment: a test file (postal docker-compose.yml, RAILS_ENVIRONMENT: test)', { 'docker-compose.yml': 'services:\n  postal:\n    image: ${POSTAL_IMAGE}\n    environment:\n      RAILS_ENVIRONMENT: test\n  mariadb:\n    image: mariadb\n', Dockerfile: dockerfile }, { 'docker-compose.yml': 'test speaks' }],
    ['a Playwright service drives the others: a test harness (dozzle docker-compose.yml)', { 'docker-compose.yml': 'services:\n  dozzle:\n    build: .\n  playwright:\n    image: mcr.microsoft.com/playwright:v1.62.1-jammy\n    command: npx --yes playwright test\n', Dockerfile: dockerfile }, { 'docker-compose.yml': 'test speaks' }],
    ['NODE_ENV=production keeps it the main file', { 'docker-compose.yml': 'services:\n  web:\n    build: .\n    environment:\n      - NODE_ENV=production\n', Dockerfile: dockerfile }, { 'docker-compose.yml': 'main deployed speaks' }],
    ['the root main file beats a deeper one', { 'docker-compose.yml': build, 'api/docker-compose.yml': build, 'api/Dockerfile': dockerfile, Dockerfile: dockerfile }, { 'api/docker-compose.yml': 'main', 'docker-compose.yml': 'main deployed speaks' }],
    ['an override file is merged on a developer machine', { 'compose.yaml': build, 'compose.override.yaml': 'services:\n  web:\n    command: npm run dev\n', Dockerfile: dockerfile }, { 'compose.override.yaml': 'override', 'compose.yaml': 'main deployed speaks' }],
    ['only development and test files: the best speaks, none is deployed', { 'docker-compose.dev.yml': build, 'docker-compose.test.yml': build, Dockerfile: dockerfile }, { 'docker-compose.dev.yml': 'development speaks', 'docker-compose.test.yml': 'test' }],
    ['a file written for podman-compose', { 'podman-compose.yml': build, Dockerfile: dockerfile }, { 'podman-compose.yml': 'other-tool speaks' }],
  ])('%s', async (_name, files, expected) => {
    expect(await composeStatuses(files)).toEqual(expected);
  });

  it.each<[string, Files, string]>([
    ['with the project’s own Dockerfile, it is dev infrastructure', { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n', Dockerfile: dockerfile }, 'dev-infrastructure speaks'],
    ['without a Dockerfile, it is what the project deploys', { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n' }, 'main deployed speaks'],
    ['the project image is built only by a devcontainer compose file: still dev infrastructure', { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "5432:5432"\n  pgadmin:\n    image: dpage/pgadmin4\n', '.devcontainer/docker-compose.yml': 'services:\n  app:\n    build:\n      context: ..\n      dockerfile: Dockerfile\n', Dockerfile: dockerfile }, 'dev-infrastructure speaks'],
    ['the project image is built by another main compose file: it is not', { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n', 'app/docker-compose.yml': 'services:\n  app:\n    build:\n      context: ..\n      dockerfile: Dockerfile\n', Dockerfile: dockerfile }, 'main deployed speaks'],
    ['bound to 127.0.0.1, it is dev infrastructure even without a Dockerfile', { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n' }, 'dev-infrastructure speaks'],
  ])('a compose file of only third-party backing services: %s', async (_name, files, expected) => {
    expect((await composeStatuses(files))['docker-compose.yml']).toBe(expected);
  });

  it('--stack names the deployed file over a stack file', async () => {
    const files = { 'docker-compose.yml': build, 'docker-stack.yml': 'services:\n  web:\n    image: example/web:1.0\n', 'ops/swarm.yml': 'services:\n  web:\n    image: example/web:2.0\n', Dockerfile: dockerfile };
    expect(await composeStatuses(files, ['ops/swarm.yml'])).toEqual({ 'docker-compose.yml': 'main', 'docker-stack.yml': 'stack', 'ops/swarm.yml': 'chosen deployed speaks' });
    const project = await load(files, ['ops/swarm.yml']);
    expect(project.facts.composeStatus(project.composeFiles.find((f) => f.path === 'docker-stack.yml')!).reason).toBe('ops/swarm.yml is what the project deploys');
  });
});

describe('dockerfileStatuses', () => {
  /** Each Dockerfile's release flag and released stages, by path. */
  async function statuses(files: Files): Promise<Record<string, { release: boolean; stages: number[] }>> {
    const project = await load(files);
    return Object.fromEntries(
      project.dockerfiles.map((d) => {
        const s = project.facts.dockerfileStatus(d);
        return [d.path, { release: s.release, stages: [...s.releaseStages].sort((a, b) => a - b) }];
      }),
    );
  }

  it.each<[string, Files, Record<string, { release: boolean; stages: number[] }>]>([
    ['Dockerfile.dev is not a release', { Dockerfile: dockerfile, 'Dockerfile.dev': 'FROM node:20\nCMD ["npm", "run", "dev"]\n' }, { Dockerfile: { release: true, stages: [0] }, 'Dockerfile.dev': { release: false, stages: [] } }],
    ['a plain Dockerfile beside Dockerfile.prod is not a release', { Dockerfile: dockerfile, 'Dockerfile.prod': dockerfile }, { Dockerfile: { release: false, stages: [] }, 'Dockerfile.prod': { release: true, stages: [0] } }],
    [
      'release stages: the final stage and what it copies from, not dev or test stages',
      { Dockerfile: 'FROM node:20 AS deps\nRUN npm ci\nFROM deps AS dev\nCMD ["npm", "run", "dev"]\nFROM node:20 AS build\nCOPY --from=deps /app/node_modules ./node_modules\nRUN npm run build\nFROM build AS test\nRUN npm test\nFROM node:20-slim AS release\nCOPY --from=build /app/dist /app\nCMD ["node", "/app/server.js"]\n' },
      { Dockerfile: { release: true, stages: [0, 2, 4] } },
    ],
    [
      'built by compose only for a dev target',
      { 'docker-compose.yml': 'services:\n  web:\n    build:\n      context: .\n      target: dev\n', Dockerfile: 'FROM node:20 AS dev\nCMD ["npm", "run", "dev"]\nFROM node:20 AS prod\nCMD ["node", "server.js"]\n' },
      { Dockerfile: { release: false, stages: [] } },
    ],
    [
      'built by a deployed service for its prod target',
      { 'docker-compose.yml': 'services:\n  web:\n    build:\n      context: .\n      target: prod\n', Dockerfile: 'FROM node:20 AS dev\nCMD ["npm", "run", "dev"]\nFROM node:20 AS prod\nCMD ["node", "server.js"]\nFROM prod AS test\nRUN npm test\n' },
      { Dockerfile: { release: true, stages: [1] } },
    ],
    [
      'a byte-for-byte copy of the Dockerfile is reported once, on the shallower one',
      { Dockerfile: dockerfile, 'docker/Dockerfile': dockerfile, 'api/Dockerfile': 'FROM node:22\nCMD ["node", "api.js"]\n' },
      { Dockerfile: { release: true, stages: [0] }, 'docker/Dockerfile': { release: false, stages: [] }, 'api/Dockerfile': { release: true, stages: [0] } },
    ],
    [
      'built only by a live-code compose file, with a release Dockerfile above: development',
      {
        Dockerfile: dockerfile,
        'docker-compose.yml': 'services:\n  app:\n    build:\n      context: .\n      dockerfile: ./data/infra/php.Dockerfile\n    volumes:\n      - ./:/app\n',
        'data/infra/php.Dockerfile': 'FROM php:8.3\nWORKDIR /app\nCMD ["php", "-S", "0.0.0.0:8080"]\n',
      },
      { Dockerfile: { release: true, stages: [0] }, 'data/infra/php.Dockerfile': { release: false, stages: [] } },
    ],
    [
      'built only by a compose file the docs call development (openstreetmap doc/DOCKER.md), and nothing builds or pushes an image: development',
      { 'doc/DOCKER.md': '# Using Docker and Docker Compose for Development and Testing\n```\ndocker compose up -d\n```\n', 'docker-compose.yml': 'services:\n  web:\n    build: .\n', Dockerfile: dockerfile },
      { Dockerfile: { release: false, stages: [] } },
    ],
    [
      'the same, with a CI step that pushes an image: the release',
      { 'doc/DOCKER.md': '# Using Docker and Docker Compose for Development and Testing\n```\ndocker compose up -d\n```\n', 'docker-compose.yml': 'services:\n  web:\n    build: .\n', Dockerfile: dockerfile, '.github/workflows/release.yml': 'jobs:\n  push:\n    steps:\n      - uses: docker/build-push-action@v6\n' },
      { Dockerfile: { release: true, stages: [0] } },
    ],
    [
      'built only by a development compose file, with no other Dockerfile: still the release',
      { 'docker-compose.dev.yml': 'services:\n  app:\n    build: .\n', Dockerfile: dockerfile },
      { Dockerfile: { release: true, stages: [0] } },
    ],
  ])('%s', async (_name, files, expected) => {
    expect(await statuses(files)).toEqual(expected);
  });
});

describe('devRegions', () => {
  it('a compose file that is not deployed is development as a whole', async () => {
    const project = await load({ 'docker-compose.yml': build, 'docker-stack.yml': 'services:\n  web:\n    image: example/web:1.0\n', Dockerfile: dockerfile });
    expect(project.facts.inDevRegion('docker-compose.yml', 3)?.reason).toBe('docker-stack.yml is what the project deploys');
    expect(project.facts.inDevRegion('docker-stack.yml', 3)).toBeUndefined();
  });

  it('the dev and test stages of a released Dockerfile, by line', async () => {
    const project = await load({ Dockerfile: 'FROM node:20 AS deps\nRUN npm ci\nFROM deps AS dev\nCMD ["npm", "run", "dev"]\nFROM deps AS test\nRUN npm test\nFROM node:20-slim\nCOPY --from=deps /app /app\nCMD ["node", "/app/server.js"]\n' });
    expect(project.facts.devRegions().get('Dockerfile')?.map((r) => [r.startLine, r.endLine])).toEqual([
      [3, 4],
      [5, 6],
    ]);
    expect(project.facts.inDevRegion('Dockerfile', 2)).toBeUndefined();
    expect(project.facts.inDevRegion('Dockerfile', 9)).toBeUndefined();
  });

  it('a deployed file: a service building a dev target and an opt-in profile service', async () => {
    const project = await load({
      'docker-compose.yml': 'services:\n  web:\n    build:\n      context: .\n      target: prod\n  watcher:\n    build:\n      context: .\n      target: dev\n  seed:\n    build: .\n    profiles: [tools]\n',
      Dockerfile: 'FROM node:20 AS dev\nCMD ["npm", "run", "dev"]\nFROM node:20 AS prod\nCMD ["node", "server.js"]\n',
    });
    expect(project.facts.devRegions().get('docker-compose.yml')).toEqual([
      { startLine: 6, endLine: 9, reason: 'service "watcher" builds the dev stage' },
      { startLine: 10, endLine: 12, reason: 'service "seed" is an opt-in profile service' },
    ]);
  });

  it('env files for tests and examples', async () => {
    const project = await load({ '.env': 'A=1\n', '.env.test': 'A=1\n', '.env.example': 'A=\n', 'tests/fixtures/app.env': 'A=1\n' });
    expect([...project.facts.devRegions().keys()].sort()).toEqual(['.env.example', '.env.test', 'tests/fixtures/app.env']);
  });
});

describe('compose variants', () => {
  it('a file whose services all extend the main file is a variant of it, not deployed', async () => {
    const statuses = await composeStatuses({
      'docker/docker-compose.yml': 'services:\n  app:\n    image: acme/app:1.2\n  db:\n    image: postgres:16\n',
      'docker/docker-compose.build.yml': 'services:\n  app:\n    build: ../\n    image: acme/app:local\n    extends:\n      file: docker-compose.yml\n      service: app\n  db:\n    extends:\n      file: docker-compose.yml\n      service: db\n',
      Dockerfile: 'FROM node:22\n',
    });
    expect(statuses).toEqual({ 'docker/docker-compose.yml': 'main deployed speaks', 'docker/docker-compose.build.yml': 'override' });
  });

  it('a service that extends a file the project does not hold leaves the file as it is', async () => {
    const statuses = await composeStatuses({ 'compose.yaml': 'services:\n  app:\n    extends:\n      file: ../common.yml\n      service: app\n' });
    expect(statuses).toEqual({ 'compose.yaml': 'main deployed speaks' });
  });
});

describe('what a deploy file says about itself', () => {
  it('its leading comments: development only', async () => {
    const statuses = await composeStatuses({
      'docker-compose.yaml': '# Docker compose for development purposes only.\n# Edit it to fit your current development needs.\nservices:\n  app:\n    build: .\n',
      Dockerfile: 'FROM golang:1.22\n',
    });
    expect(statuses).toEqual({ 'docker-compose.yaml': 'development speaks' });
  });

  it('its leading comments: intended for development purpose (JHipster src/main/docker)', async () => {
    const statuses = await composeStatuses({
      'src/main/docker/sonar.yml': "# This configuration is intended for development purpose, it's **your** responsibility to harden it for production\nservices:\n  sonar:\n    image: sonarqube:10.6.0-community\n",
      Dockerfile: 'FROM eclipse-temurin:21-jre\n',
    });
    expect(statuses).toEqual({ 'src/main/docker/sonar.yml': 'development speaks' });
  });

  it('its leading comments: not to be used for deployments, internal testing (hoppscotch)', async () => {
    const statuses = await composeStatuses({
      'docker-compose.deploy.yml': '# THIS IS NOT TO BE USED FOR PERSONAL DEPLOYMENTS!\n# Internal Docker Compose Image used for internal testing deployments\n\nservices:\n  app:\n    build: .\n',
      'docker-compose.yml': 'services:\n  app:\n    build: .\n    image: acme/app:1.2\n',
      Dockerfile: 'FROM node:22\n',
    });
    expect(statuses).toEqual({ 'docker-compose.deploy.yml': 'development', 'docker-compose.yml': 'main deployed speaks' });
  });

  it('a README paragraph that names it: not intended for production', async () => {
    const files = {
      'docker-compose.yml': 'services:\n  app:\n    build: .\n',
      Dockerfile: 'FROM python:3.12\n',
      'readme.md': '# Demo\n\n**Important:** This `docker-compose.yml` is configured for local testing only, and is _not_ intended for production use.\n',
    };
    expect(await composeStatuses(files)).toEqual({ 'docker-compose.yml': 'development speaks' });
    const project = await load(files);
    expect(project.facts.composeStatus(project.composeFiles[0]).reason).toBe('for development: readme.md says it is "for local testing only"');
  });

  it('a Dockerfile whose comments say it is for development is not a release', async () => {
    const project = await load({
      'Dockerfile.compose': '# This Dockerfile is intended for Development purposes only to use\n# with the provided docker-compose.yaml file.\nFROM golang:1.22\nENTRYPOINT ["go", "run", "main.go"]\n',
      Dockerfile: 'FROM golang:1.22\nCOPY . .\nRUN go build -o /app\nCMD ["/app"]\n',
    });
    const status = (path: string) => project.facts.dockerfileStatus(project.dockerfiles.find((d) => d.path === path)!);
    expect(status('Dockerfile.compose').release).toBe(false);
    expect(status('Dockerfile').release).toBe(true);
  });

  it('words about production that do not say "not for production" change nothing', async () => {
    const statuses = await composeStatuses({
      'docker-compose.yml': '# Production-ready compose file; for production use, set the secrets below.\nservices:\n  app:\n    image: acme/app:1.2\n',
      'README.md': 'Use `docker-compose.yml` in production. For development, use `docker-compose.dev.yml` only on your machine.\n',
    });
    expect(statuses).toEqual({ 'docker-compose.yml': 'main deployed speaks' });
  });

  it('a README paragraph about another file leaves this one alone', async () => {
    const statuses = await composeStatuses({
      'docker-compose.yml': 'services:\n  app:\n    image: acme/app:1.2\n',
      'extra/docker-compose.yml': 'services:\n  app:\n    build: ..\n',
      'README.md': 'The `extra/docker-compose.yml` file is for development only.\n',
    });
    expect(statuses['docker-compose.yml']).toBe('main deployed speaks');
    expect(statuses['extra/docker-compose.yml']).toMatch(/^development/);
  });
});

describe('what a README says, sentence by sentence', () => {
  it('a claim about the compose tool beside a sentence naming the stack file leaves the stack file deployed', async () => {
    const statuses = await composeStatuses({
      'docker-compose.yml': 'services:\n  node:\n    build: .\n',
      'docker-stack.yml': 'services:\n  node:\n    image: acme/node:1.2\n',
      Dockerfile: 'FROM node:22\n',
      'README.md':
        '- You use `docker-compose` for local development only (docker-compose was never intended to be\na production deployment tool anyway).\n- The `docker-compose.yml` is not meant for `docker stack deploy` in Docker Swarm,\nit\'s meant for happy local development. Use `docker-stack.yml` for Swarm.\n',
    });
    expect(statuses['docker-stack.yml']).toBe('stack deployed speaks');
  });
});

describe('a folder that says it holds examples', () => {
  it('compose files beside a README titled as examples are examples; the root README title does not count', async () => {
    const statuses = await composeStatuses({
      'contrib/docker-compose/README.md': 'Docker-Compose Examples\n=======================\n\nHere are few Docker Compose examples:\n',
      'contrib/docker-compose/basic.yml': 'services:\n  app:\n    image: acme/app:latest\n',
      'docker-stack.yml': 'services:\n  vote:\n    image: acme/vote:1.2\n',
      'README.md': '# Example Voting App\n\nA sample app with examples of everything.\n',
    });
    expect(statuses).toEqual({ 'contrib/docker-compose/basic.yml': 'example', 'docker-stack.yml': 'stack deployed speaks' });
  });
});

describe('named variants beside the main compose file', () => {
  it('an overlay whose services get their image from a file beside it (kratos quickstart-postgres.yml); a quickstart is an example', async () => {
    const statuses = await composeStatuses({
      'quickstart.yml': 'services:\n  kratos:\n    image: oryd/kratos:v1.3.0\n',
      'docker-compose.yml': 'services:\n  kratos:\n    image: oryd/kratos:v1.3.0\n',
      'docker-compose.postgres.yml': 'services:\n  kratos:\n    environment:\n      - DSN=postgres://kratos:secret@postgresd:5432/kratos\n  postgresd:\n    image: postgres:16.3\n',
    });
    expect(statuses).toEqual({ 'quickstart.yml': 'example', 'docker-compose.postgres.yml': 'override', 'docker-compose.yml': 'main deployed speaks' });
  });

  it('a Dockerfile only services of a deprecated or dev profile build is not a release (hoppscotch packages/*/Dockerfile)', async () => {
    const project = await load({
      'docker-compose.yml': "services:\n  aio:\n    profiles: ['default']\n    build:\n      dockerfile: prod.Dockerfile\n    image: acme/aio:1.2\n  old-backend:\n    profiles: ['deprecated']\n    build:\n      context: ./packages/backend\n    image: acme/backend:1.2\n",
      'prod.Dockerfile': 'FROM node:22\nCMD ["node", "aio.js"]\n',
      'packages/backend/Dockerfile': 'FROM node:22\nRUN npm i -g pnpm\nCMD ["pnpm", "start"]\n',
    });
    const status = (path: string) => project.facts.dockerfileStatus(project.dockerfiles.find((d) => d.path === path)!);
    expect(status('prod.Dockerfile').release).toBe(true);
    expect(status('packages/backend/Dockerfile').release).toBe(false);
  });

  it('a live-code setup: every service it builds has its source mounted over it; a production-named one stays deployed', async () => {
    const files = { 'app/server.js': 'x\n', 'app/package.json': '{}\n', 'app/Dockerfile': 'FROM node:22\n' };
    expect(await composeStatuses({ ...files, 'compose.yaml': 'services:\n  app:\n    build: ./app\n    volumes:\n      - ./app:/srv/app\n' })).toEqual({ 'compose.yaml': 'development speaks' });
    expect(await composeStatuses({ ...files, 'compose.prod.yaml': 'services:\n  app:\n    build: ./app\n    volumes:\n      - ./app:/srv/app\n' })).toEqual({ 'compose.prod.yaml': 'production deployed speaks' });
  });

  it('a development environment a package ships (Laravel Sail: build ./vendor/laravel/sail/runtimes/8.4)', async () => {
    const statuses = await composeStatuses({
      'docker-compose.yml': "services:\n  laravel.test:\n    build:\n      context: './vendor/laravel/sail/runtimes/8.4'\n    image: 'sail-8.4/app'\n    volumes:\n      - '.:/var/www/html'\n",
      'scripts/docker/Dockerfile': 'FROM php:8.4-apache\n',
    });
    expect(statuses).toEqual({ 'docker-compose.yml': 'development speaks' });
  });

  it('a compose file named for building, in a deploy folder, is not deployed (plane deployments/cli/community/build.yml)', async () => {
    const statuses = await composeStatuses({
      'deployments/community/docker-compose.yml': 'services:\n  web:\n    image: makeplane/plane-frontend:v1.2.3\n',
      'deployments/community/build.yml': 'services:\n  web:\n    build:\n      context: ../..\n      dockerfile: web/Dockerfile\n',
      'web/Dockerfile': 'FROM node:22\n',
    });
    expect(statuses).toEqual({ 'deployments/community/docker-compose.yml': 'production deployed speaks', 'deployments/community/build.yml': 'override' });
  });

  it('docker-compose.build.yml beside docker-compose.yml is a variant; the plain name is the main file', async () => {
    const statuses = await composeStatuses({
      'docker/docker-compose.yml': 'services:\n  web:\n    image: ghcr.io/acme/web:release\n',
      'docker/docker-compose.build.yml': 'services:\n  web:\n    build:\n      context: ..\n      dockerfile: docker/Dockerfile\n',
      'docker/Dockerfile': 'FROM node:22\n',
    });
    expect(statuses).toEqual({ 'docker/docker-compose.yml': 'main deployed speaks', 'docker/docker-compose.build.yml': 'override' });
  });

  it('two named files with no plain one beside them both stay main', async () => {
    const statuses = await composeStatuses({ 'a/compose.web.yml': 'services:\n  web:\n    image: a:1\n', 'a/compose.worker.yml': 'services:\n  worker:\n    image: a:1\n' });
    expect(Object.values(statuses)).toEqual(['main deployed speaks', 'main deployed speaks']);
  });
});

describe('paths', () => {
  it('a compose build context with a trailing slash is the same folder (`build: ../` from docker/ is the root)', async () => {
    const project = await load({ 'docker/compose.yml': 'services:\n  app:\n    build: ../\n    image: a:1\n', Dockerfile: 'FROM node:22\n' });
    expect(project.composeFiles[0].services[0].buildContext).toBe('.');
    expect(project.dockerfiles[0].usedBy).toHaveLength(1);
  });
});

describe('install files in the docs', () => {
  it.each([
    ['docs/install/docker/plain/docker-compose.yml', 'production'],
    ['docs/content/files/setup-docker/docker-compose.yml', 'production'],
    ['docs/examples/docker-compose.yml', 'example'],
    ['docs/docker-compose.yml', 'example'],
    ['docs/install/dev/docker-compose.yml', 'development'],
  ])('%s → %s', (path, expected) => {
    expect(pathPurpose(path)).toBe(expected);
  });
});

describe('declared in comments, more wordings', () => {
  it('"This configuration file is for the **development** setup."', async () => {
    const statuses = await composeStatuses({
      'compose.yaml': '# This configuration file is for the **development** setup.\n# For a production example please refer to getredash/setup repository on GitHub.\nservices:\n  server:\n    build: .\n',
      Dockerfile: 'FROM python:3.12\n',
    });
    expect(statuses).toEqual({ 'compose.yaml': 'development speaks' });
  });
});
