/**
 * What is deployed: which compose file `docker stack deploy` is given (the stack
 * file, else a production-looking compose file, else the rest), which Dockerfiles
 * and stages build a release, and which files exist only for development, tests,
 * CI or examples. One vocabulary of environment words, used everywhere.
 */
import type { ComposeFile, ComposeService, Dockerfile, DockerStage, Project } from '../model.js';
import { basename, dirname, joinPath } from '../paths.js';
import { getValue, lastLine } from '../yaml-tree.js';
import { resolvedString } from '../load-compose.js';
import { buildTarget, backingFamily, isSourceMount, serviceEnvironment, serviceImage, serviceVolumes } from './service.js';
import { imageFacts, releaseStage } from './image.js';
import { declaredPurpose } from './declared-purpose.js';
import { deployReferences, type DeployReference } from './deploy-instructions.js';

/** Words that name an environment or purpose in a file or folder name. */
const WORDS = {
  // tilt, skaffold, devspace, garden: tools for inner-loop development on a cluster.
  dev: 'dev|devel|develop|development|local|debug|watch|hotreload|live-?reload|tilt|skaffold|devspace|devcontainer|gitpod|codespaces?',
  // regtest: a regression-test network or environment (Bitcoin's regtest chain and its Lightning nodes).
  test: 'test|tests|testing|regtest|coverage|e2e|integration|cypress|playwright|spec|specs|ci|qa-local|fixture|fixtures|mock|mocks|bench|benchmark|perf|load-?test',
  example: 'example|examples|sample|samples|demo|demos|template|templates|tutorial|playground|sandbox|quickstart|quick-start|getting-started|try',
  unused: 'old|deprecated|legacy|backup|bak|orig|archive|archived|unused',
  production: 'prod|production|prd|live|release|stack|swarm|deploy|deployment|staging|stage|preprod|cluster',
} as const;

const word = (alternatives: string) => new RegExp(`(^|[.\\-_])(${alternatives})([.\\-_]|$)`, 'i');
const DEV_WORD = word(WORDS.dev);
const TEST_WORD = word(WORDS.test);
const EXAMPLE_WORD = word(WORDS.example);
const UNUSED_WORD = word(WORDS.unused);
const PROD_WORD = word(WORDS.production);

/** Folders whose content is for tests, development tooling, docs or examples: nothing in them is deployed. */
const NOT_DEPLOYED_DIR =
  /(^|\/)(test|tests|regtest|__tests__|spec|specs|e2e|cypress|playwright|integration-tests?|fixtures?|__fixtures__|testdata|test-data|__mocks__|__stubs__|mocks?|\.devcontainer|\.github|\.gitlab|\.circleci|docs?|examples?|samples?|demos?|tutorials?|playground|sandbox|contrib|benchmarks?|bench|dev|development|local)\//i;

/** The name of a path without its YAML/Dockerfile decoration: `docker-compose.prod.yml` → `prod`. */
function nameWords(path: string): string {
  return basename(path)
    .replace(/\.ya?ml$/i, '')
    .replace(/^(docker-)?compose[.\-_]?/i, '')
    .replace(/^docker-stack[.\-_]?|^stack[.\-_]?/i, (m) => (m.toLowerCase().includes('stack') ? 'stack.' : ''));
}

export type PathPurpose = 'development' | 'test' | 'example' | 'unused' | 'production' | undefined;

/** What a file's name and folders say it is for. */
export function pathPurpose(path: string): PathPurpose {
  const name = nameWords(path);
  if (TEST_WORD.test(name)) return 'test';
  if (DEV_WORD.test(name) || /(^|\/)\.devcontainer\//.test(path)) return 'development';
  if (EXAMPLE_WORD.test(name)) return 'example';
  if (UNUSED_WORD.test(name)) return 'unused';
  // A folder below `docs/` says more than `docs/` itself (`docs/install/dev/`).
  const dir = NOT_DEPLOYED_DIR.exec(path.replace(/(^|\/)docs?\//i, '$1')) ?? NOT_DEPLOYED_DIR.exec(path);
  // `docs/install/docker/plain/docker-compose.yml`: what the install guide has users download and run.
  if (dir && /^docs?$/i.test(dir[2]) && INSTALL_DOCS_DIR.test(path)) return 'production';
  // `dockers/examples/docker-swarm/docker-compose.app.yml`: an example of the deploy itself, what users take to Swarm.
  if (dir && /^(examples?|samples?)$/i.test(dir[2]) && DEPLOY_EXAMPLE_DIR.test(path.slice(dir.index + dir[0].length))) return 'production';
  if (dir) {
    const d = dir[2].toLowerCase();
    // contrib/: community-contributed setups beside the project's own.
    if (/^(docs?|examples?|samples?|demos?|tutorials?|playground|sandbox|contrib)$/.test(d)) return 'example';
    if (/^(dev|development|local|\.devcontainer)$/.test(d)) return 'development';
    return 'test';
  }
  // `docker-compose-examples/grist-local-testing/`: a folder named with an example or test word among others.
  const folders = path.split('/').slice(0, -1);
  if (folders.some((f) => TEST_WORD.test(f))) return 'test';
  if (folders.some((f) => EXAMPLE_WORD.test(f))) return 'example';
  // `.worktree-container/docker-compose.yml`, `.vscode/…`: a hidden folder holds a tool's setup (`.docker/` is often the deploy's).
  if (/(^|\/)\.(?!docker\/|deploy)[\w-]+\//.test(path)) return 'development';
  if (PROD_WORD.test(name) || DEPLOY_DIR.test(path)) return 'production';
  return undefined;
}

/** A folder of the docs that holds install files: `docs/install/…`, `docs/content/files/setup-docker/…`. */
const INSTALL_DOCS_DIR = /(^|\/)docs?\/(?:[^/]+\/)*[^/]*(install|installation|setup|deploy|deployment|self-?host(?:ing|ed)?|production)[^/]*\//i;

/**
 * Below an examples folder, a folder named for Swarm: `docker-swarm/`, `swarm-stack/`. (`examples/compose/production/`
 * shows a production setup among other examples; it is still an example.)
 */
const DEPLOY_EXAMPLE_DIR = /^(?:[^/]+\/)*(?:[\w]+[-_])?(swarm|stacks?)(?:[-_][\w-]+)?\//i;

/** Folders that hold what is deployed: `deploy/compose.yml`, `stacks/app.yml`. */
const DEPLOY_DIR = /(^|\/)(deploy|deployments?|prod|production|stacks?|swarm)\//i;

/** Source folders that are never part of a running app (a `local/` or `dev/` folder may be: passport-local, say; `development/` holds a developer setup). */
const NOT_SHIPPED_SOURCE_DIR =
  /(^|\/)(development|test|tests|__tests__|unittests?|(?:unit|integration|functional|acceptance)[-_]tests?|spec|specs|e2e|cypress|playwright|integration|seeds?|fixtures?|__fixtures__|testdata|test-data|__mocks__|__stubs__|mocks?|stubs|\.devcontainer|\.github|\.gitlab|\.circleci|docs?|examples?|samples?|demos?|benchmarks?|bench|stories|storybook|\.storybook)\//i;

/** Settings modules for development and tests (`settings/dev.py`, `local_settings.py`): production never imports them. */
const DEV_SETTINGS_MODULE = /(^|\/)(settings|config)\/(dev|development|local|test|tests|testing|unittests?|ci)\.py$|(^|\/)(dev|development|local|test|testing)_settings\.py$|(^|\/)settings_(dev|development|local|test|testing)\.py$/;

/**
 * Hidden folders hold tools' files (`.agents/skills`, `.husky`, `.vscode`), not the app; `.well-known` is served.
 * Hidden JS files are tools' too: configuration (`.eslintrc.js`) or generated loaders (Yarn's `.pnp.cjs`).
 * Vendored code (`vendor/`, `third_party/`) is others' code.
 */
const TOOL_DIR = /(^|\/)\.(?!well-known\/)[\w-]+\/|(^|\/)\.[\w.-]+\.[cm]?[jt]sx?$|(^|\/)(vendor|third_party)\//;

/** Test code (`x.test.ts`, `x.clienttest.tsx`), fixtures, mocks, stubs, e2e harnesses, stories, docs, examples and tool folders: never shipped. */
export function isNotShippedPath(path: string): boolean {
  return NOT_SHIPPED_SOURCE_DIR.test(path) || TOOL_DIR.test(path) || DEV_SETTINGS_MODULE.test(path) || /\.([\w-]*test|spec|e2e|stories|story|bench)\.[cm]?[jt]sx?$|(^|\/)(test_[\w-]+|[\w-]+_test|[\w-]*(e2e|fixtures?|mocks?)[\w-]*)\.(py|go)$/i.test(path);
}

/** Fixtures and example folders hold files that are not deploy units. */
export function isFixturePath(path: string): boolean {
  return /(^|\/)(test|tests|__tests__|spec|fixtures?|__fixtures__|testdata|test-data|__mocks__|__stubs__)\//i.test(path);
}

// ---- compose files ------------------------------------------------------------

export type ComposeRole =
  /** Named on the command line or in config (`--stack`). */
  | 'chosen'
  /** Named like a stack file: `docker-stack.yml`, `stack-web.yml`. */
  | 'stack'
  /** Named for production or deployment, or in a deploy folder. */
  | 'production'
  /** The project's main compose file (root `docker-compose.yml`), or one nothing marks as development. */
  | 'main'
  | 'override'
  | 'development'
  | 'test'
  | 'example'
  | 'unused'
  /** Written for another tool (`podman-compose.yml`). */
  | 'other-tool'
  /** Runs only third-party backing services for an app started on the host. */
  | 'dev-infrastructure';

export interface ComposeStatus {
  file: ComposeFile;
  role: ComposeRole;
  /** The file is what the project deploys: `--stack`, else its stack, production or main compose files. */
  deployed: boolean;
  /** The project's Swarm verdict comes from it: the deployed files, or when there are none, the best of the rest. */
  speaksForProject: boolean;
  /** Why, for messages: `named for development`, `docker-stack.yml is the stack file`. */
  reason: string;
}

/** Images that are infrastructure (databases, caches, mail catchers, proxies…), not an app of this project. */
const INFRA_IMAGE =
  /^(mailhog\/mailhog|mailpit|axllent\/mailpit|maildev\/maildev|schickling\/mailcatcher|minio\/minio|localstack\/localstack|adminer|dpage\/pgadmin4|phpmyadmin(\/phpmyadmin)?|rediscommander\/redis-commander|nginx|traefik|caddy|haproxy|httpd|jaegertracing\/[\w-]+|prom\/[\w-]+|grafana\/[\w-]+|selenium\/[\w-]+|zookeeper|confluentinc\/[\w-]+|bitnami\/[\w-]+|wurstmeister\/[\w-]+|mockserver\/mockserver|wiremock\/wiremock|stripe\/stripe-cli|azurite|mcr\.microsoft\.com\/azure-storage\/azurite|memcached|elasticmq|softwaremill\/elasticmq[\w-]*|nats|kafka|apache\/kafka|clickhouse\/clickhouse-server|yandex\/clickhouse-server|influxdb|mongo-express|quay\.io\/keycloak\/keycloak|keycloak\/keycloak|otel\/[\w-]+)$/;

function imageRepo(image: string): string {
  return image.toLowerCase().replace(/[:@].*$/, '').replace(/^(docker\.io\/|index\.docker\.io\/)/, '').replace(/^library\//, '');
}

function runsOnlyInfrastructure(file: ComposeFile): boolean {
  if (file.services.length === 0) return false;
  return file.services.every((s) => {
    if (getValue(s.node, 'build')) return false;
    const image = serviceImage(s)?.value;
    return image !== undefined && (backingFamily(image) !== undefined || INFRA_IMAGE.test(imageRepo(image)));
  });
}

/** Every published port bound to the loopback interface: infrastructure for an app run on the host. */
function onlyLoopbackPorts(file: ComposeFile): boolean {
  let ports = 0;
  for (const service of file.services) {
    if (getValue(service.node, 'build')) return false;
    const list = getValue(service.node, 'ports');
    if (list?.kind !== 'seq') continue;
    for (const item of list.items) {
      const spec = item.kind === 'scalar' ? resolvedString(file, item) : undefined;
      if (!spec || !/^(127\.\d+\.\d+\.\d+|localhost|\[::1\]):/.test(spec)) return false;
      ports++;
    }
  }
  return ports > 0;
}

/** Variables that name the framework's environment: `RAILS_ENVIRONMENT: test`, `NODE_ENV=development`, `APP_ENV: testing`. */
const ENV_SWITCH = /^(RAILS_ENV(IRONMENT)?|RACK_ENV|NODE_ENV|APP_ENV|APP_ENVIRONMENT|FLASK_ENV|DJANGO_ENV|ENVIRONMENT|SPRING_PROFILES_ACTIVE|ASPNETCORE_ENVIRONMENT|DOTNET_ENVIRONMENT|GO_ENV|MIX_ENV)$/;

/** Every service that names its environment names test (or development): the file runs the app for that (postal's CI compose file). */
function frameworkEnvironment(file: ComposeFile): { role: ComposeRole; reason: string } | undefined {
  const values = file.services.flatMap((service) =>
    serviceEnvironment(service)
      .filter((v) => ENV_SWITCH.test(v.key) && v.value)
      .map((v) => ({ service: service.name, key: v.key, value: v.value!.trim().toLowerCase() })),
  );
  if (values.length === 0) return undefined;
  const test = values.every((v) => /^(test|testing|ci|e2e)$/.test(v.value));
  const dev = values.every((v) => /^(dev|development|local)$/.test(v.value));
  if (!test && !dev) return undefined;
  const v = values[0];
  return { role: test ? 'test' : 'development', reason: `service "${v.service}" runs with ${v.key}=${v.value}` };
}

/** Test runners a compose file starts beside the app. */
const TEST_RUNNER = /^(playwright|cypress|e2e|e2e-tests?|integration-tests?|test-runner|tests?)$/i;
const TEST_RUNNER_IMAGE = /(^|\/)(playwright|cypress\/(included|base|browsers)|selenium\/(standalone|hub|node)[\w-]*)(:|$)|mcr\.microsoft\.com\/playwright/i;

/** The names docker compose looks for by default. */
const PLAIN_COMPOSE_NAME = /^(docker-)?compose\.ya?ml$/i;

const STACK_NAME = /^(docker-stack([.\-_][\w.-]*)?|[\w.-]*stack[\w.-]*)\.ya?ml$/i;

/**
 * Every service the file builds bind-mounts its source over the container, writable: the developer edits it on the
 * host (CTFd's `.:/opt/CTFd:ro` is a checkout deployed as it is, not a live-code setup).
 */
function mountsItsSource(project: Project, file: ComposeFile): boolean {
  const built = file.services.filter((s) => getValue(s.node, 'build'));
  return built.length > 0 && built.every((s) => serviceVolumes(s).some((v) => !v.readOnly && isSourceMount(project, s, v)));
}

/**
 * `quickstart-postgres.yml` whose services have no image or build, each named in `quickstart.yml` beside it with
 * one: an overlay merged with `-f`, not a file deployed on its own.
 */
function overlayBase(project: Project, file: ComposeFile): ComposeFile | undefined {
  const partial = file.services.filter((s) => !getValue(s.node, 'image') && !getValue(s.node, 'build'));
  if (partial.length === 0) return undefined;
  const siblings = project.composeFiles.filter((f) => f !== file && dirname(f.path) === dirname(file.path));
  return siblings.find((f) => partial.every((p) => f.services.some((s) => s.name === p.name && (getValue(s.node, 'image') || getValue(s.node, 'build')))));
}

/** The other compose file of the project every service of this one `extends` (`extends: {file: docker-compose.yml}`). */
function extendedFile(project: Project, file: ComposeFile): ComposeFile | undefined {
  let base: ComposeFile | undefined;
  for (const service of file.services) {
    const ext = getValue(service.node, 'extends');
    const target = ext?.kind === 'map' ? resolvedString(file, getValue(ext, 'file')) : undefined;
    const other = target ? project.composeFiles.find((f) => f !== file && f.path === joinPath(dirname(file.path), target)) : undefined;
    if (!other || (base && other !== base)) return undefined;
    base = other;
  }
  return base;
}

const at = (r: DeployReference) => `${r.from}:${r.line}`;

/**
 * What the project's own commands say of a file nothing else marks: `docker stack deploy -c` in the install
 * docs, a script or a CI deploy job makes it the stack; run only under a "Development" heading, by a `dev` or
 * `test` target or script, or by CI, it is not what users deploy.
 */
function instructedRole(file: ComposeFile, refs: DeployReference[]): { role: ComposeRole; reason: string } | undefined {
  const mine = refs.filter((r) => r.file === file.path);
  if (mine.length === 0) return undefined;
  const deploy = mine.find((r) => r.command === 'stack-deploy' && r.purpose !== 'development' && (r.purpose === 'deploy' || r.source === 'ci'));
  if (deploy) return { role: 'stack', reason: `${at(deploy)} deploys it with docker stack deploy` };
  if (mine.some((r) => r.purpose === 'deploy')) return undefined;
  // CI alone running the plain root file is a smoke test of what users run, not a sign it is a test file.
  if (mine.every((r) => r.source === 'ci') && PLAIN_COMPOSE_NAME.test(basename(file.path)) && !file.path.includes('/')) return undefined;
  const first = mine.find((r) => r.source !== 'ci') ?? mine[0];
  const test = mine.every((r) => r.purpose === 'test');
  return {
    role: test ? 'test' : 'development',
    reason: first.source === 'ci' ? `only CI runs it (${at(first)})` : `${at(first)} runs it for ${test ? 'tests' : 'development'} (under "${first.context}")`,
  };
}

function baseRole(project: Project, file: ComposeFile, refs: DeployReference[]): { role: ComposeRole; reason: string } {
  const name = basename(file.path);
  if (file.overrides) return { role: 'override', reason: `an override file merged into ${basename(file.overrides.path)} by docker compose on a developer machine` };
  const base = extendedFile(project, file);
  if (base) return { role: 'override', reason: `a variant of ${basename(base.path)}: every service extends that file's (docker stack deploy refuses extends)` };
  if (/^podman[-_]compose/i.test(name) || /(^|\/)podman\//i.test(file.path)) return { role: 'other-tool', reason: 'written for podman-compose, not docker stack deploy' };
  const purpose = pathPurpose(file.path);
  if (purpose === 'test') return { role: 'test', reason: 'named or placed for tests, CI or e2e runs' };
  if (purpose === 'development') return { role: 'development', reason: 'named or placed for development' };
  if (purpose === 'example') return { role: 'example', reason: 'an example or documentation file' };
  if (purpose === 'unused') return { role: 'unused', reason: 'named as an old or unused file' };
  // The project's own commands: the install guide's `docker stack deploy -c`, or only development and CI runs.
  const instructed = purpose === undefined || purpose === 'production' ? instructedRole(file, refs) : undefined;
  if (instructed && (instructed.role === 'stack' || purpose === undefined)) return instructed;
  const declared = declaredPurpose(project, file);
  if (declared?.purpose === 'example') return { role: 'example', reason: `an example: ${declared.reason}` };
  if (declared) return { role: 'development', reason: `for development: ${declared.reason}` };
  // Every service it builds also has that source bind-mounted over the container: code runs from the host, a live-code setup.
  if (purpose !== 'production' && !STACK_NAME.test(name) && mountsItsSource(project, file)) return { role: 'development', reason: 'every service it builds runs the source mounted from the host over its image (a live-code setup)' };
  // Laravel Sail: `build: ./vendor/laravel/sail/runtimes/8.4`, a development environment a package ships.
  const packaged = file.services.find((s) => s.buildContext !== undefined && /(^|\/)(vendor|node_modules)\//.test(`${s.buildContext}/`));
  if (packaged) return { role: 'development', reason: `service "${packaged.name}" is built from a package's development runtime (${packaged.buildContext})` };
  // An overlay named for production (`docker-compose.prod.yml` with `-f docker-compose.yml`) is the deploy; any other is a variant.
  const overlaid = purpose !== 'production' && !STACK_NAME.test(name) ? overlayBase(project, file) : undefined;
  if (overlaid) return { role: 'override', reason: `adds to ${basename(overlaid.path)}, whose services say what they run (docker compose -f ${basename(overlaid.path)} -f ${name})` };
  // `deployments/cli/community/build.yml` used as `docker compose -f build.yml build`: it builds images, it is not deployed.
  if (/(^|[.\-_])build([.\-_]|$)/i.test(nameWords(file.path)) && file.services.length > 0 && file.services.every((s) => getValue(s.node, 'build'))) {
    const plain = project.composeFiles.find((f) => f !== file && dirname(f.path) === dirname(file.path) && PLAIN_COMPOSE_NAME.test(basename(f.path)));
    if (plain) return { role: 'override', reason: `a variant of ${basename(plain.path)} beside it, for building its images` };
    return { role: 'other-tool', reason: 'named for building images (docker compose build), not for deploying them' };
  }
  // Docker Hub's automated tests run a `sut` (system under test) service; a Playwright, Cypress or Selenium service drives
  // the app from a browser: the file is a test harness.
  if (file.services.some((s) => s.name === 'sut')) return { role: 'test', reason: 'it runs a "sut" service, the system-under-test convention of docker image tests' };
  const runner = file.services.find((s) => TEST_RUNNER.test(s.name) || TEST_RUNNER_IMAGE.test(serviceImage(s)?.value ?? ''));
  if (runner) return { role: 'test', reason: `service "${runner.name}" runs browser or end-to-end tests against the others` };
  if (STACK_NAME.test(name)) return { role: 'stack', reason: 'named like a stack file' };
  const envRole = purpose === undefined ? frameworkEnvironment(file) : undefined;
  if (envRole) return envRole;
  if (purpose === 'production') return { role: 'production', reason: 'named for production or deployment' };
  if (onlyLoopbackPorts(file) && runsOnlyInfrastructure(file)) return { role: 'dev-infrastructure', reason: 'it only runs backing services bound to 127.0.0.1, for an app run on the host' };
  // The project's image is built elsewhere, or only by a development file (`.devcontainer/docker-compose.yml`): this one serves the developer's app.
  const buildsProjectImage = (f: ComposeFile) => f !== file && f.services.some((s) => s.dockerfile) && !['development', 'test', 'example', 'unused'].includes(pathPurpose(f.path) ?? '');
  if (project.dockerfiles.length > 0 && runsOnlyInfrastructure(file) && !project.composeFiles.some(buildsProjectImage)) {
    return { role: 'dev-infrastructure', reason: "it only runs third-party backing services; the project's own image is not in it" };
  }
  return { role: 'main', reason: 'the main compose file' };
}

const RANK: Record<ComposeRole, number> = {
  chosen: 0,
  stack: 1,
  production: 2,
  main: 3,
  'dev-infrastructure': 4,
  development: 5,
  override: 5,
  test: 6,
  example: 7,
  unused: 8,
  'other-tool': 9,
};

/**
 * Deploy status of every compose file. The files of the best rank speak for the project:
 * `--stack` files, else stack files, else production-named files, else the main ones,
 * else (when nothing else exists) development and test files.
 */
export function composeStatuses(project: Project): Map<ComposeFile, ComposeStatus> {
  const chosen = new Set(project.stackFiles ?? []);
  const refs = project.composeFiles.length > 0 ? deployReferences(project) : [];
  const roles: { file: ComposeFile; role: ComposeRole; reason: string }[] = project.composeFiles.map((file) => ({ file, ...(chosen.has(file.path) ? { role: 'chosen' as const, reason: 'named with --stack' } : baseRole(project, file, refs)) }));
  // `docker-compose.build.yml` beside `docker-compose.yml`, neither marked otherwise: the file with the plain name is the main one.
  for (const r of roles) {
    if (r.role !== 'main' || PLAIN_COMPOSE_NAME.test(basename(r.file.path))) continue;
    const plain = roles.find((o) => o !== r && o.role === 'main' && dirname(o.file.path) === dirname(r.file.path) && PLAIN_COMPOSE_NAME.test(basename(o.file.path)));
    if (plain) Object.assign(r, { role: 'override', reason: `a variant of ${basename(plain.file.path)} beside it` });
  }
  // Main compose files at the root outrank deeper ones of the same role.
  const candidates = roles.filter((r) => RANK[r.role] <= RANK.main);
  const bestRank = Math.min(...(candidates.length ? candidates : roles).map((r) => RANK[r.role]));
  let deployed = roles.filter((r) => RANK[r.role] === bestRank);
  if (bestRank === RANK.main) {
    // The main files the install instructions run, else the shallowest.
    const documented = deployed.filter((r) => refs.some((x) => x.file === r.file.path && x.purpose === 'deploy'));
    const shallowest = Math.min(...deployed.map((r) => depth(r.file.path)));
    deployed = documented.length > 0 ? documented : deployed.filter((r) => depth(r.file.path) === shallowest);
  }
  const speaking = new Set(deployed.map((r) => r.file));
  const isDeployed = bestRank <= RANK.main;
  const best = deployed.map((r) => r.file.path);
  const out = new Map<ComposeFile, ComposeStatus>();
  for (const r of roles) {
    const speaks = speaking.has(r.file);
    const reason = speaks || RANK[r.role] > RANK.main ? r.reason : `${best.join(', ')} ${best.length > 1 ? 'are' : 'is'} what the project deploys`;
    out.set(r.file, { file: r.file, role: r.role, deployed: speaks && isDeployed, speaksForProject: speaks, reason });
  }
  return out;
}

function depth(path: string): number {
  return path.split('/').length;
}

// ---- Dockerfiles ------------------------------------------------------------

export interface DockerfileStatus {
  dockerfile: Dockerfile;
  /** Built for a release: used by a deployed service, or built on its own (by CI) and not named for development. */
  release: boolean;
  reason: string;
  /** Build targets the release is built with (undefined: the last stage). */
  targets: (string | undefined)[];
  /** Stages whose output reaches a released image. */
  releaseStages: Set<number>;
}

/** Stage names that say a stage is for development or tests (`FROM base AS dev`). */
export function isDevStageName(name: string | undefined): boolean {
  return name !== undefined && new RegExp(`^(${WORDS.dev}|${WORDS.test}|dev-envs?|devenv)$`, 'i').test(name);
}

/** A service only started with a profile named for development, tests, examples or the past (`profiles: [deprecated]`). */
function outOfUseProfile(service: ComposeService): boolean {
  const profiles = getValue(service.node, 'profiles');
  if (profiles?.kind !== 'seq' || profiles.items.length === 0) return false;
  return profiles.items.every((p) => {
    const name = p.kind === 'scalar' ? String(p.value) : '';
    return DEV_WORD.test(name) || TEST_WORD.test(name) || EXAMPLE_WORD.test(name) || UNUSED_WORD.test(name);
  });
}

export function dockerfileStatuses(project: Project, compose: Map<ComposeFile, ComposeStatus>): Map<Dockerfile, DockerfileStatus> {
  const out = new Map<Dockerfile, DockerfileStatus>();
  for (const d of project.dockerfiles) {
    const declared = pathPurpose(d.path) === undefined ? declaredPurpose(project, d) : undefined;
    const purpose = declared?.purpose ?? pathPurpose(d.path);
    const users = d.usedBy.filter((s) => compose.get(s.file)?.deployed && !isDevStageName(buildTarget(s)) && !outOfUseProfile(s));
    let targets: (string | undefined)[];
    let release: boolean;
    let reason: string;
    if (purpose === 'development' || purpose === 'test' || purpose === 'example' || purpose === 'unused') {
      release = users.length > 0;
      reason = release ? 'built by a deployed service' : declared ? `${declared.purpose === 'example' ? 'an example' : 'for development'}: ${declared.reason}` : purpose === 'example' ? 'an example' : `named or placed for ${purpose === 'unused' ? 'nothing in use' : purpose}`;
      targets = users.map((s) => buildTarget(s));
    } else if (users.length > 0) {
      release = true;
      reason = 'built by a deployed service';
      targets = users.map((s) => buildTarget(s));
    } else {
      // Built on its own (by CI, or by a compose file that is not deployed): the release is its last stage,
      // unless every compose user builds a development target, or a production Dockerfile sits beside it.
      const devTargetsOnly = d.usedBy.length > 0 && d.usedBy.every((s) => isDevStageName(buildTarget(s)) || outOfUseProfile(s));
      const prodSibling = purpose === undefined ? project.dockerfiles.find((o) => o !== d && dirname(o.path) === dirname(d.path) && pathPurpose(o.path) === 'production') : undefined;
      release = !devTargetsOnly && !prodSibling && !isDevStageName(d.stages.at(-1)?.name);
      reason = release ? 'the image built from it' : prodSibling ? `${prodSibling.path} is the production Dockerfile beside it` : 'only development targets are built from it';
      targets = [undefined];
    }
    const releaseStages = new Set<number>();
    if (release) for (const t of targets) for (const i of imageFacts(d, t).built) releaseStages.add(i);
    out.set(d, { dockerfile: d, release, reason, targets: [...new Set(targets)], releaseStages });
  }
  for (const d of project.dockerfiles) {
    const status = out.get(d)!;
    if (!status.release || status.reason === 'built by a deployed service') continue;
    const why = copyOf(project, d, out) ?? developmentOnly(project, d, compose, out);
    if (why) out.set(d, { dockerfile: d, release: false, reason: why, targets: [undefined], releaseStages: new Set() });
  }
  return out;
}

/**
 * A byte-for-byte copy of another released Dockerfile (`docker/Dockerfile` beside the `Dockerfile` CI builds):
 * one file's problems, reported once, on the one a deployed service uses, else the shallower, else the first by name.
 */
function copyOf(project: Project, d: Dockerfile, statuses: Map<Dockerfile, DockerfileStatus>): string | undefined {
  const rank = (x: Dockerfile) => [statuses.get(x)?.reason === 'built by a deployed service' ? 0 : 1, depth(x.path), x.path] as const;
  const before = (a: Dockerfile, b: Dockerfile) => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] !== rb[0] ? ra[0] < rb[0] : ra[1] !== rb[1] ? ra[1] < rb[1] : ra[2] < rb[2];
  };
  const original = project.dockerfiles.find((o) => o !== d && statuses.get(o)?.release && o.text === d.text && before(o, d));
  return original ? `the same file as ${original.path}, whose findings stand for both` : undefined;
}

/**
 * Built only by compose files for development, tests or examples (`data/infra/php.Dockerfile` of a live-code
 * `docker-compose.yml`) while a Dockerfile in the same folder or above is built on its own: that one is the release.
 */
function developmentOnly(project: Project, d: Dockerfile, compose: Map<ComposeFile, ComposeStatus>, statuses: Map<Dockerfile, DockerfileStatus>): string | undefined {
  const NOT_DEPLOYED: ComposeRole[] = ['development', 'test', 'example', 'unused', 'other-tool', 'dev-infrastructure'];
  if (d.usedBy.length === 0 || !d.usedBy.every((s) => NOT_DEPLOYED.includes(compose.get(s.file)?.role ?? 'main'))) return undefined;
  const dir = dirname(d.path);
  const release = project.dockerfiles.find((o) => {
    if (o === d || !statuses.get(o)?.release || o.usedBy.length > 0) return false;
    const od = dirname(o.path);
    return od === '.' || od === dir || dir.startsWith(`${od}/`);
  });
  const users = `built only by ${[...new Set(d.usedBy.map((s) => s.file.path))].join(', ')} (${compose.get(d.usedBy[0].file)?.role})`;
  if (release) return `${users}; ${release.path} is the image built for release`;
  // Its compose files are for development by what they or the docs say (not merely by name), and nothing builds an image to
  // publish (no docker build/push, buildx or build-push-action step, no platform that builds it): development is its only use.
  const saidDevelopment = d.usedBy.every((s) => pathPurpose(s.file.path) === undefined && ['development', 'test'].includes(compose.get(s.file)?.role ?? ''));
  return saidDevelopment && !publishesImages(project) ? `${users}, and no script, CI step or platform builds or pushes an image from it` : undefined;
}

/** A step that builds or pushes an image outside compose: `docker build`, `docker push`, buildx, docker/build-push-action, kaniko, buildah, ko, jib. */
const PUBLISH_STEP = /\bdocker\s+(?:image\s+)?(?:buildx\s+)?(?:build|push|bake)\b|\bbuildx\s+(?:build|bake)\b|build-push-action|docker\/bake-action|\bkaniko\b|\bbuildah\s+(?:bud|build|push)\b|\bko\s+(?:build|publish)\b|\bjib\b|\bpack\s+build\b|\bdepot\s+build\b/;

/** Platforms that build the Dockerfile themselves (Fly, Render, Heroku, Railway, DigitalOcean, Cloud Build, Elastic Beanstalk). */
const PLATFORM_FILE = /(^|\/)(fly\.toml|render\.ya?ml|heroku\.yml|railway\.(json|toml)|app\.json|\.do\/app\.ya?ml|cloudbuild\.ya?ml|Dockerrun\.aws\.json|koyeb\.ya?ml|zeabur\.json|captain-definition)$/;

function publishesImages(project: Project): boolean {
  return project.files.some((f) => PLATFORM_FILE.test(f.path)) || [...project.instructionFiles, ...project.scripts, ...project.readmes].some((f) => PUBLISH_STEP.test(f.text));
}

// ---- development regions ------------------------------------------------------

/**
 * Parts of the project that exist for local development or tests, not for a deploy:
 * twelve-factor rules stay quiet there, while the swarm family still says what
 * `docker stack deploy` would do with them (collapsed for files nobody deploys).
 */
export interface DevRegion {
  startLine: number;
  endLine: number;
  reason: string;
}

const WHOLE = Number.MAX_SAFE_INTEGER;

/** Stages that are for development: dev-named ones and the stages built FROM them, when no release uses them. */
function devStagesOf(d: Dockerfile, status: DockerfileStatus | undefined): DockerStage[] {
  const dev = new Set<string>();
  const out: DockerStage[] = [];
  for (const stage of d.stages) {
    const parent = stage.fromStage ? stage.imageResolved.toLowerCase() : undefined;
    if (isDevStageName(stage.name) || (parent && dev.has(parent))) {
      if (stage.name) dev.add(stage.name.toLowerCase());
      if (!status?.releaseStages.has(stage.index)) out.push(stage);
    }
  }
  return out;
}

function stageEndLine(d: Dockerfile, stage: DockerStage): number {
  const next = d.stages.find((s) => s.index === stage.index + 1);
  return next ? next.fromInstruction.range.line - 1 : WHOLE;
}


export function devRegions(project: Project, compose: Map<ComposeFile, ComposeStatus>, dockerfiles: Map<Dockerfile, DockerfileStatus>): Map<string, DevRegion[]> {
  const regions = new Map<string, DevRegion[]>();
  const add = (path: string, region: DevRegion) => regions.set(path, [...(regions.get(path) ?? []), region]);
  const whole = (path: string, reason: string) => add(path, { startLine: 1, endLine: WHOLE, reason });

  for (const status of compose.values()) if (!status.deployed) whole(status.file.path, status.reason);
  for (const status of dockerfiles.values()) if (!status.release) whole(status.dockerfile.path, status.reason);
  for (const env of project.envFiles) {
    const p = pathPurpose(env.path);
    if (p === 'test' || p === 'example' || isFixturePath(env.path)) whole(env.path, 'a file for tests or examples');
  }
  for (const file of project.composeFiles) {
    if (!compose.get(file)?.deployed) continue;
    for (const service of file.services) {
      const target = buildTarget(service);
      const profiles = getValue(service.node, 'profiles');
      const reason = isDevStageName(target) ? `service "${service.name}" builds the ${target} stage` : profiles && getValue(service.node, 'build') ? `service "${service.name}" is an opt-in profile service` : undefined;
      if (!reason) continue;
      add(file.path, { startLine: service.keyRange.line, endLine: lastLine(service.node.range), reason });
      // Keys merged in from an anchor (`<<: *assets`) sit elsewhere in the file.
      for (const entry of service.node.entries) if (entry.merged) add(file.path, { startLine: entry.keyRange.line, endLine: lastLine(entry.value.range), reason });
    }
  }
  for (const d of project.dockerfiles) {
    const status = dockerfiles.get(d);
    if (!status?.release) continue;
    const dev = new Set(devStagesOf(d, status));
    for (const stage of d.stages) {
      if (status.releaseStages.has(stage.index)) continue;
      // Stages no released image is built from or copies from: test, CI, PR and helper stages.
      const reason = dev.has(stage) ? `the ${stage.name ?? 'development'} stage is for development` : `stage ${stage.name ?? stage.index} is not part of the released image`;
      add(d.path, { startLine: stage.fromInstruction.range.line, endLine: stageEndLine(d, stage), reason });
    }
  }
  return regions;
}

export function inDevRegion(regions: ReadonlyMap<string, DevRegion[]>, path: string, line: number): DevRegion | undefined {
  return regions.get(path)?.find((r) => line >= r.startLine && line <= r.endLine);
}

/** Two files belong to the same app: same folder, or one sits in an environment folder right below the other. */
export function sameApp(a: string, b: string): boolean {
  const da = dirname(a);
  const db = dirname(b);
  if (da === db) return true;
  const ENV_DIRS = /^(\.?docker|deploy|deployment|deployments|prod|production|staging|stage|dev|development|infra|ops|compose|stacks?|swarm|environments?|envs?|config|\.devcontainer)$/i;
  const child = (parent: string, c: string) => dirname(c) === parent && ENV_DIRS.test(basename(c));
  if (child(da, db) || child(db, da)) return true;
  const ENV_NAME = /^(dev|develop|development|local|prod|production|prd|staging|stage|test|testing|ci|release|debug|live)$/i;
  return dirname(da) === dirname(db) && ENV_NAME.test(basename(da)) && ENV_NAME.test(basename(db));
}

/** A compose service's release stage: its build target or the last stage of its Dockerfile. */
export function serviceStage(service: ComposeService): DockerStage | undefined {
  return service.dockerfile ? releaseStage(service.dockerfile, buildTarget(service)) : undefined;
}
