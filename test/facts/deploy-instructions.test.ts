import { describe, expect, it } from 'vitest';
import { discoverMemory } from '../../src/project/discover.js';
import { loadProject } from '../../src/project/load.js';
import { memoryReader } from '../../src/project/reader.js';
import { deployReferences } from '../../src/project/facts/deploy-instructions.js';
import type { Project } from '../../src/project/model.js';

type Files = Record<string, string>;

async function load(files: Files): Promise<Project> {
  const { project } = await loadProject(discoverMemory(files), { needs: new Set(['dockerfile', 'compose', 'script']), deployEnv: new Map(), reader: memoryReader(files) });
  return project;
}

const image = 'services:\n  web:\n    image: acme/web:1.0\n';
const dockerfile = 'FROM node:22\nCMD ["node", "server.js"]\n';

async function roles(files: Files): Promise<Record<string, string>> {
  const project = await load(files);
  return Object.fromEntries(project.composeFiles.map((f) => {
    const s = project.facts.composeStatus(f);
    return [f.path, `${s.role}${s.deployed ? ' deployed' : ''}`];
  }));
}

describe('deployReferences: the commands the project writes down', () => {
  it.each<[string, Files, string[]]>([
    ['a stack deploy in the README', { 'README.md': '# App\n\n## Deploy\n\n```sh\ndocker stack deploy -c deploy/app.yml app\n```\n', 'deploy/app.yml': image }, ['deploy/app.yml stack-deploy docs deploy Deploy']],
    ['compose -f files, continuation lines and the default file', { 'README.md': '## Install\n```\ndocker compose \\\n  -f compose.yml -f compose.prod.yml up -d\n```\n## Development\n```\ncd dev && docker compose up\n```\n', 'compose.yml': image, 'compose.prod.yml': image, 'dev/compose.yaml': image }, ['compose.yml compose docs deploy Install', 'compose.prod.yml compose docs deploy Install', 'dev/compose.yaml compose docs development Development']],
    ['a Makefile target and a CI workflow', { Makefile: 'test:\n\tdocker compose -f docker-compose.e2e.yml run tests\nrelease:\n\tdocker compose build\n', '.github/workflows/ci.yml': 'jobs:\n  e2e:\n    steps:\n      - run: docker-compose -f ci/compose.yml up -d\n', 'docker-compose.e2e.yml': image, 'ci/compose.yml': image, 'docker-compose.yml': image }, ['docker-compose.e2e.yml compose script test test', 'ci/compose.yml compose ci test ci.yml']],
    ['a clone folder is the root; variables and other subcommands name nothing', { 'README.md': '```\ngit clone https://example.com/app.git\ncd app\ndocker compose up -d\ndocker compose -f $FILE up\ndocker compose logs -f\n```\n', 'docker-compose.yml': image }, ['docker-compose.yml compose docs deploy README.md']],
  ])('%s', async (_name, files, expected) => {
    const refs = deployReferences(await load(files));
    expect(refs.map((r) => `${r.file} ${r.command} ${r.source} ${r.purpose} ${r.context}`).sort()).toEqual([...expected].sort());
  });
});

describe('compose roles from the instructions', () => {
  it('a file the install guide deploys with docker stack deploy is the stack, whatever its name', async () => {
    expect(await roles({ 'docs/install.md': '## Swarm\n\n    docker stack deploy --compose-file ops/app.yml app\n', 'ops/app.yml': image, 'docker-compose.yml': 'services:\n  web:\n    build: .\n', Dockerfile: dockerfile })).toEqual({ 'ops/app.yml': 'stack deployed', 'docker-compose.yml': 'main' });
  });

  it('a root file the README runs only under "Development" is for development', async () => {
    expect(await roles({ 'README.md': '# App\n## Development\n```\ndocker compose up\n```\n', 'docker-compose.yml': 'services:\n  web:\n    build: .\n', Dockerfile: dockerfile })).toEqual({ 'docker-compose.yml': 'development' });
  });

  it('run under "Installation" too, it stays the main file', async () => {
    expect(await roles({ 'README.md': '# App\n## Installation\n```\ndocker compose up -d\n```\n## Development\n```\ndocker compose up\n```\n', 'docker-compose.yml': 'services:\n  web:\n    build: .\n', Dockerfile: dockerfile })).toEqual({ 'docker-compose.yml': 'main deployed' });
  });

  it('of two main files, the one the install docs run speaks, not the shallower', async () => {
    expect(await roles({ 'README.md': '## Self-hosting\n```\ndocker compose -f docker/docker-compose.yml up -d\n```\n', 'docker-compose.yml': 'services:\n  web:\n    build: .\n', 'docker/docker-compose.yml': image, Dockerfile: dockerfile })).toEqual({ 'docker-compose.yml': 'main', 'docker/docker-compose.yml': 'main deployed' });
  });

  it('a file run only by a script that only CI runs, through another script it sources', async () => {
    const files = {
      '.github/workflows/nodes.yml': 'jobs:\n  t:\n    steps:\n      - name: Start nodes\n        run: |\n          cd docker/lightning\n          chmod +x ./start-nodes\n          ./start-nodes\n',
      'docker/lightning/start-nodes': '#!/bin/bash\nsource $(pwd)/scripts.sh\nnodes-up\n',
      'docker/lightning/scripts.sh': 'nodes-up() {\n  docker compose up -d --remove-orphans\n}\n',
      'docker/lightning/docker-compose.yml': image,
      Dockerfile: dockerfile,
    };
    expect(await roles(files)).toEqual({ 'docker/lightning/docker-compose.yml': 'test' });
    const project = await load(files);
    expect(project.facts.composeStatus(project.composeFiles[0]).reason).toBe('only CI runs it (docker/lightning/scripts.sh:2)');
  });

  it('a deploy workflow naming the files in COMPOSE_FILE outweighs a development guide, and picks the main files it names (robotoff)', async () => {
    const files = {
      '.github/workflows/container-deploy.yml': 'jobs:\n  deploy:\n    steps:\n      - run: echo "COMPOSE_FILE=docker-compose.yml;docker/ml.yml" >> $GITHUB_ENV\n      - run: docker compose up -d\n',
      'docs/how-to-guides/deployment/dev-install.md': '## Docker install\n```\ndocker compose up\n```\n',
      'docker-compose.yml': 'services:\n  api:\n    image: acme/api:1\n',
      'docker/ml.yml': 'services:\n  triton:\n    image: nvcr.io/nvidia/tritonserver:25.02-py3\n',
      'models/docker-compose.yml': 'services:\n  triton:\n    image: nvcr.io/nvidia/tritonserver:25.02-py3\n',
      Dockerfile: dockerfile,
    };
    expect(await roles(files)).toEqual({ 'docker-compose.yml': 'main deployed', 'docker/ml.yml': 'main deployed', 'models/docker-compose.yml': 'main' });
  });

  it('a doc titled for development and testing runs the root file for development (openstreetmap doc/DOCKER.md); a README title does not decide', async () => {
    const files = { 'doc/DOCKER.md': '# Using Docker and Docker Compose for Development and Testing\n\n## Installation\n\n```\ndocker compose up -d\n```\n', 'docker-compose.yml': 'services:\n  web:\n    build: .\n', Dockerfile: dockerfile };
    expect(await roles(files)).toEqual({ 'docker-compose.yml': 'development' });
    expect(await roles({ 'README.md': '# Coder: cloud development environments\n\n## Install\n```\ndocker compose up -d\n```\n', 'docker-compose.yml': image })).toEqual({ 'docker-compose.yml': 'main deployed' });
  });

  it('a run that ends with a test container\'s exit code (--exit-code-from) is a test run, even of the root file', async () => {
    expect(await roles({ Makefile: 'int:\n\tdocker compose up --build --exit-code-from checks\n', 'docker-compose.yml': 'services:\n  web:\n    build: .\n  checks:\n    image: acme/checks:1\n', Dockerfile: dockerfile })).toEqual({ 'docker-compose.yml': 'test' });
  });

  it('a file only CI runs is a test file; the plain root file CI smoke-tests is not', async () => {
    const ci = '.github/workflows/ci.yml';
    expect(await roles({ [ci]: 'jobs:\n  t:\n    steps:\n      - run: docker compose -f tests/stack.yml up -d\n      - run: docker compose up -d\n', 'tests/stack.yml': image, 'docker-compose.yml': image })).toMatchObject({ 'docker-compose.yml': 'main deployed' });
    expect(await roles({ [ci]: 'jobs:\n  t:\n    steps:\n      - run: docker compose -f browsers.yml up -d\n', 'browsers.yml': image, 'docker-compose.yml': image })).toEqual({ 'browsers.yml': 'test', 'docker-compose.yml': 'main deployed' });
  });
});
