import { describe, expect, it } from 'vitest';
import { discoverMemory } from '../../src/project/discover.js';
import { loadProject } from '../../src/project/load.js';
import { memoryReader } from '../../src/project/reader.js';
import { hasInit, pid1, type ContainerProcess } from '../../src/project/facts/process.js';
import type { Project } from '../../src/project/model.js';

type Files = Record<string, string>;

async function load(files: Files): Promise<Project> {
  const { project } = await loadProject(discoverMemory(files), {
    needs: new Set(['dockerfile', 'compose', 'manifest', 'script', 'env']),
    deployEnv: new Map(),
    reader: memoryReader(files),
  });
  return project;
}

/** The process the image built from `path` starts on its own. */
async function imageProcess(files: Files, path = 'Dockerfile'): Promise<ContainerProcess | undefined> {
  const project = await load(files);
  const d = project.dockerfiles.find((x) => x.path === path);
  if (!d) throw new Error(`no Dockerfile ${path}`);
  return project.facts.imageProcess(d);
}

/** The process of service `name` in compose file `file`. */
async function serviceProcess(files: Files, name: string, file = 'docker-compose.yml'): Promise<ContainerProcess | undefined> {
  const project = await load(files);
  const service = project.composeFiles.find((f) => f.path === file)?.services.find((s) => s.name === name);
  if (!service) throw new Error(`no service ${name} in ${file}`);
  return project.facts.serviceProcess(service);
}

/** Every step, with how it was reached: `docker-entrypoint.sh → node server.js`. */
const flow = (p: ContainerProcess | undefined) => p?.steps.map((s) => [...s.via, s.command.words.join(' ')].join(' → '));
const words = (step: { command: { words: string[] } } | undefined) => step?.command.words.join(' ');

const pkg = (scripts: Record<string, string>) => JSON.stringify({ name: 'app', scripts });

describe('ENTRYPOINT and CMD put together as docker does', () => {
  it.each([
    ['exec-form CMD', 'CMD ["node", "server.js"]', ['node', 'server.js'], ['dockerfile-cmd'], 'dockerfile-cmd'],
    ['shell-form CMD runs under /bin/sh -c', 'CMD node server.js', ['/bin/sh', '-c', 'node server.js'], ['dockerfile-cmd'], 'dockerfile-cmd'],
    ['shell-form CMD under a SHELL instruction', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD node server.js', ['/bin/bash', '-o', 'pipefail', '-c', 'node server.js'], ['dockerfile-cmd'], 'dockerfile-cmd'],
    ['shell-form ENTRYPOINT ignores CMD', 'ENTRYPOINT node server.js\nCMD ["--port", "3000"]', ['/bin/sh', '-c', 'node server.js'], ['dockerfile-entrypoint'], 'dockerfile-entrypoint'],
    ['exec-form ENTRYPOINT followed by CMD', 'ENTRYPOINT ["node"]\nCMD ["server.js"]', ['node', 'server.js'], ['dockerfile-entrypoint', 'dockerfile-cmd'], 'dockerfile-entrypoint'],
    ['an init ENTRYPOINT: the CMD names the program', 'ENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "server.js"]', ['/sbin/tini', '--', 'node', 'server.js'], ['dockerfile-entrypoint', 'dockerfile-cmd'], 'dockerfile-cmd'],
  ])('%s', async (_name, lines, argv, parts, at) => {
    const p = await imageProcess({ Dockerfile: `FROM node:20\n${lines}\n` });
    expect(p?.argv).toEqual(argv);
    expect(p?.parts.map((x) => x.source)).toEqual(parts);
    expect(p?.at.source).toBe(at);
  });

  it('an ENTRYPOINT in the final stage resets the CMD of the stage it is built FROM', async () => {
    const p = await imageProcess({ Dockerfile: 'FROM python:3.12 AS base\nCMD ["python", "app.py"]\nFROM base\nENTRYPOINT ["gunicorn", "app:app"]\n' });
    expect(p?.argv).toEqual(['gunicorn', 'app:app']);
  });

  it('an image with neither CMD nor ENTRYPOINT has no known process', async () => {
    expect(await imageProcess({ Dockerfile: 'FROM node:20\nRUN npm ci\n' })).toBeUndefined();
  });
});

describe('PID 1: pid1, hasInit, entrypointKnown', () => {
  it.each([
    ['exec form on an official image', 'FROM node:20\nCMD ["node", "server.js"]', 'node', false, true],
    ['shell form: the shell is PID 1', 'FROM node:20\nCMD node server.js', undefined, false, true],
    ['`sh -c "exec …"` hands PID 1 over', 'FROM node:20\nCMD ["sh", "-c", "exec node server.js"]', 'node', false, true],
    ['an image we cannot see may add its own ENTRYPOINT', 'FROM mycorp/base:1\nCMD ["node", "server.js"]', undefined, false, false],
    ['tini', 'FROM node:20\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "server.js"]', undefined, true, true],
    ['s6-overlay /init', 'FROM alpine:3.20\nENTRYPOINT ["/init"]\nCMD ["nginx"]', undefined, true, true],
  ])('%s', async (_name, text, program, init, known) => {
    const p = (await imageProcess({ Dockerfile: `${text}\n` }))!;
    expect(pid1(p)?.name).toBe(program);
    expect(hasInit(p)).toBe(init);
    expect(p.entrypointKnown).toBe(known);
  });

  it('compose `init: true` is an init', async () => {
    const p = (await serviceProcess({ 'docker-compose.yml': 'services:\n  web:\n    image: node:20\n    init: true\n    command: node server.js\n' }, 'web'))!;
    expect(p.composeInit).toBe(true);
    expect(hasInit(p)).toBe(true);
    expect(pid1(p)).toBeUndefined();
  });
});

describe('compose command and entrypoint', () => {
  const dockerfile = 'FROM node:20\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "server.js"]\n';

  it('a `command:` string is split the way docker does: it stops at `&&`', async () => {
    const p = await serviceProcess({ 'docker-compose.yml': 'services:\n  web:\n    image: node:20\n    command: npm run migrate && npm start\n' }, 'web');
    expect(p?.argv).toEqual(['npm', 'run', 'migrate']);
    expect(p?.at.split?.dropped).toEqual({ operator: '&', rest: '&& npm start' });
    expect(flow(p)).toEqual(['npm run migrate']);
  });

  it('a `command:` string docker refuses is marked as such', async () => {
    const p = await serviceProcess({ 'docker-compose.yml': 'services:\n  web:\n    image: node:20\n    command: echo "oops\n' }, 'web');
    expect(p?.at.split?.error).toBe('invalid command line string');
  });

  it('a `command:` list with `sh -c` runs after the image ENTRYPOINT', async () => {
    const p = (await serviceProcess({ 'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: ["sh", "-c", "npm run migrate && npm start"]\n', Dockerfile: dockerfile }, 'web'))!;
    expect(p.argv).toEqual(['/sbin/tini', '--', 'sh', '-c', 'npm run migrate && npm start']);
    expect(p.parts.map((x) => x.source)).toEqual(['dockerfile-entrypoint', 'compose-command']);
    expect(flow(p)).toEqual(['npm run migrate', 'npm start']);
    expect(hasInit(p)).toBe(true);
  });

  it('a compose `entrypoint:` resets the image CMD (and replaces its ENTRYPOINT)', async () => {
    const p = await serviceProcess({ 'docker-compose.yml': 'services:\n  web:\n    build: .\n    entrypoint: ["node"]\n', Dockerfile: dockerfile }, 'web');
    expect(p?.argv).toEqual(['node']);
    expect(p?.parts.map((x) => x.source)).toEqual(['compose-entrypoint']);
  });

  it('a compose `entrypoint:` string and a `command:` list', async () => {
    const p = await serviceProcess({ 'docker-compose.yml': 'services:\n  web:\n    build: .\n    entrypoint: /bin/sh -c\n    command: ["exec node server.js"]\n', Dockerfile: dockerfile }, 'web');
    expect(p?.argv).toEqual(['/bin/sh', '-c', 'exec node server.js']);
    expect(words(p?.main)).toBe('node server.js');
  });

  it('`bash -lc` in a `command:` string is one word for docker and a shell body for us', async () => {
    const p = await serviceProcess({ 'docker-compose.yml': `services:\n  web:\n    image: python:3.12\n    command: bash -lc "python manage.py migrate && exec gunicorn app:app"\n` }, 'web');
    expect(p?.argv).toEqual(['bash', '-lc', 'python manage.py migrate && exec gunicorn app:app']);
    expect(flow(p)).toEqual(['python manage.py migrate', 'gunicorn app:app']);
  });

  it('a service that only names an image has no known process', async () => {
    expect(await serviceProcess({ 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n' }, 'db')).toBeUndefined();
  });

  it('an overlay file that only sets `command:` keeps the image of the base file', async () => {
    const files = { 'docker-compose.yml': 'services:\n  web:\n    build: .\n', 'docker-compose.prod.yml': 'services:\n  web:\n    command: node dist/server.js\n', Dockerfile: dockerfile };
    const p = await serviceProcess(files, 'web', 'docker-compose.prod.yml');
    expect(p?.argv).toEqual(['/sbin/tini', '--', 'node', 'dist/server.js']);
  });

  it('`build.target` picks the CMD of that stage', async () => {
    const files = { 'docker-compose.yml': 'services:\n  web:\n    build:\n      context: .\n      target: dev\n', Dockerfile: 'FROM node:20 AS dev\nCMD ["npm", "run", "dev"]\nFROM node:20\nCMD ["node", "server.js"]\n' };
    expect((await serviceProcess(files, 'web'))?.argv).toEqual(['npm', 'run', 'dev']);
  });
});

describe('entrypoint scripts', () => {
  it('a script COPYed into /usr/local/bin/ is read, and its `exec "$@"` runs the CMD', async () => {
    const p = await imageProcess({
      Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY docker-entrypoint.sh /usr/local/bin/\nCOPY . .\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n',
      'docker-entrypoint.sh': '#!/bin/sh\nset -e\nnpx prisma migrate deploy\nexec "$@"\n',
    });
    expect(flow(p)).toEqual(['docker-entrypoint.sh → set -e', 'docker-entrypoint.sh → npx prisma migrate deploy', 'docker-entrypoint.sh → node server.js']);
    expect(words(p?.main)).toBe('node server.js');
    expect(p?.main?.file).toBe('docker-entrypoint.sh');
  });

  it.each([
    ['a script copied under a new name', 'COPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh', 'docker/entrypoint.sh'],
    ['scripts copied by a glob', 'COPY docker/*.sh /usr/local/bin/', 'docker/entrypoint.sh'],
  ])('%s', async (_name, copy, source) => {
    const p = await imageProcess({
      Dockerfile: `FROM python:3.12\n${copy}\nENTRYPOINT ["/usr/local/bin/entrypoint.sh"]\nCMD ["gunicorn", "app:app"]\n`,
      [source]: '#!/bin/sh\npython manage.py migrate\nexec "$@"\n',
    });
    expect(flow(p)).toEqual(['entrypoint.sh → python manage.py migrate', 'entrypoint.sh → gunicorn app:app']);
  });

  it('`exec gosu user "$@"` runs the CMD as another user', async () => {
    const p = await imageProcess({
      Dockerfile: 'FROM python:3.12\nCOPY docker-entrypoint.sh /\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["gunicorn", "app:app"]\n',
      'docker-entrypoint.sh': '#!/bin/bash\nset -e\nif [ "$1" = "gunicorn" ]; then\n  python manage.py migrate\nfi\nexec gosu app "$@"\n',
    });
    expect(flow(p)).toContain('docker-entrypoint.sh → python manage.py migrate');
    expect(words(p?.main)).toBe('gunicorn app:app');
  });

  it('a `case "$1"` runs the branch the command picks; its patterns are not commands', async () => {
    const files = {
      Dockerfile: 'FROM python:3.12\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["web"]\n',
      'entrypoint.sh': '#!/bin/sh\ncase "$1" in\n  web|server) exec gunicorn app:app ;;\n  worker) exec celery -A app worker ;;\n  *) exec "$@" ;;\nesac\n',
    };
    expect(flow(await imageProcess(files))).toEqual(['entrypoint.sh → gunicorn app:app']);
    const worker = await serviceProcess({ ...files, 'docker-compose.yml': 'services:\n  worker:\n    build: .\n    command: worker\n' }, 'worker');
    expect(flow(worker)).toEqual(['entrypoint.sh → celery -A app worker']);
    const other = await serviceProcess({ ...files, 'docker-compose.yml': 'services:\n  cron:\n    build: .\n    command: ["python", "cron.py"]\n' }, 'cron');
    expect(flow(other)).toEqual(['entrypoint.sh → python cron.py']);
  });

  it('a step under `if [ "$1" = … ]` runs only when the command says so', async () => {
    const files = {
      Dockerfile: 'FROM python:3.12\nCOPY docker-entrypoint.sh /\nENTRYPOINT ["/docker-entrypoint.sh"]\nCMD ["uwsgi", "/code/etc/uwsgi.ini"]\n',
      'docker-entrypoint.sh': '#!/bin/sh\nset -e\nif [ "$1" = \'/venv/bin/uwsgi\' ]; then\n    /venv/bin/python manage.py migrate --noinput\nfi\nexec "$@"\n',
    };
    expect(flow(await imageProcess(files))).toEqual(['docker-entrypoint.sh → set -e', 'docker-entrypoint.sh → [ $1 = /venv/bin/uwsgi ]', 'docker-entrypoint.sh → uwsgi /code/etc/uwsgi.ini']);
    const full = { ...files, Dockerfile: files.Dockerfile.replace('"uwsgi"', '"/venv/bin/uwsgi"') };
    expect(flow(await imageProcess(full))).toContain('docker-entrypoint.sh → /venv/bin/python manage.py migrate --noinput');
  });

  it('the node image pattern: `${1#-}` and `set -- node "$@"`; unknown conditions keep their steps', async () => {
    const p = await imageProcess({
      Dockerfile: 'FROM node:22\nCOPY entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\nCMD ["node", "server.js"]\n',
      'entrypoint.sh': '#!/bin/sh\nif [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ]; then\n  set -- node "$@"\nfi\nif [ "$RUN_MIGRATIONS" = "true" ]; then npx prisma migrate deploy; fi\nexec "$@"\n',
    });
    // `A || B` as a condition is not decided: its body is kept, as is a test of an unknown variable.
    expect(flow(p)).toEqual([
      'entrypoint.sh → [ ${1#-} != ${1} ]',
      'entrypoint.sh → [ -z $(command -v ${1}) ]',
      'entrypoint.sh → set -- node $@',
      'entrypoint.sh → [ $RUN_MIGRATIONS = true ]',
      'entrypoint.sh → npx prisma migrate deploy',
      'entrypoint.sh → node server.js',
    ]);
    const simple = await imageProcess({
      Dockerfile: 'FROM node:22\nCOPY entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\nCMD ["node", "server.js"]\n',
      'entrypoint.sh': '#!/bin/sh\nif [ "${1#-}" != "$1" ]; then\n  set -- node "$@"\nfi\nexec "$@"\n',
    });
    expect(flow(simple)).toEqual(['entrypoint.sh → [ ${1#-} != $1 ]', 'entrypoint.sh → node server.js']);
  });

  it('`sh start.sh` reads the script', async () => {
    const p = await imageProcess({ Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["sh", "start.sh"]\n', 'start.sh': 'python manage.py migrate\nexec gunicorn app:app\n' });
    expect(flow(p)).toEqual(['start.sh → python manage.py migrate', 'start.sh → gunicorn app:app']);
  });

  it('a compose `command:` runs through the image ENTRYPOINT script', async () => {
    const p = await serviceProcess(
      {
        'docker-compose.yml': 'services:\n  worker:\n    build: .\n    command: ["celery", "-A", "app", "worker"]\n',
        Dockerfile: 'FROM python:3.12\nCOPY entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\nCMD ["gunicorn", "app:app"]\n',
        'entrypoint.sh': '#!/bin/sh\nexec "$@"\n',
      },
      'worker',
    );
    expect(flow(p)).toEqual(['entrypoint.sh → celery -A app worker']);
  });
});

describe('package.json scripts', () => {
  const image = 'FROM node:20\nWORKDIR /app\nCOPY . .\n';

  it('`npm start` runs `prestart` then `start`; main is the server, launcher is npm', async () => {
    const p = await imageProcess({ Dockerfile: `${image}CMD ["npm", "start"]\n`, 'package.json': pkg({ prestart: 'node migrate.js', start: 'node dist/server.js' }) });
    expect(flow(p)).toEqual(['npm start', 'npm script "prestart" → node migrate.js', 'npm script "start" → node dist/server.js']);
    expect(words(p?.main)).toBe('node dist/server.js');
    expect(p?.main?.file).toBe('package.json');
    expect(words(p?.launcher)).toBe('npm start');
  });

  it('a script that runs another script', async () => {
    const p = await imageProcess({ Dockerfile: `${image}CMD ["npm", "start"]\n`, 'package.json': pkg({ start: 'npm run build && node dist/index.js', build: 'tsc' }) });
    expect(flow(p)).toEqual(['npm start', 'npm script "start" → npm run build', 'npm script "start" → npm script "build" → tsc', 'npm script "start" → node dist/index.js']);
  });

  it('`yarn start` from a compose command, package.json in the build context', async () => {
    const files = { 'docker-compose.yml': 'services:\n  api:\n    build: ./api\n    command: yarn start\n', 'api/Dockerfile': image, 'api/package.json': pkg({ start: 'node server.js' }) };
    const p = await serviceProcess(files, 'api');
    expect(flow(p)).toEqual(['yarn start', 'yarn script "start" → node server.js']);
    expect(p?.main?.file).toBe('api/package.json');
  });

  it('a Dockerfile in a sub-folder built from the project root finds the root package.json', async () => {
    const p = await imageProcess(
      { 'docker/Dockerfile': 'FROM node:20\nWORKDIR /app\nCOPY package.json .\nCOPY src ./src\nCMD ["npm", "start"]\n', 'package.json': pkg({ start: 'node src/index.js' }), 'src/index.js': '' },
      'docker/Dockerfile',
    );
    expect(p?.context).toBe('.');
    expect(flow(p)).toEqual(['npm start', 'npm script "start" → node src/index.js']);
  });

  it.each([
    ['concurrently', 'concurrently "npm:web" "node worker.js"', ['npm run all', 'npm script "all" → concurrently npm:web node worker.js', 'npm script "all" → concurrently → npm run web', 'npm script "all" → concurrently → npm script "web" → node web.js', 'npm script "all" → concurrently → node worker.js']],
    ['npm-run-all -p', 'npm-run-all -p web worker', ['npm run all', 'npm script "all" → npm-run-all -p web worker', 'npm script "all" → npm-run-all → npm run web', 'npm script "all" → npm-run-all → npm script "web" → node web.js', 'npm script "all" → npm-run-all → npm run worker', 'npm script "all" → npm-run-all → npm script "worker" → node worker.js']],
  ])('%s starts every command it is given', async (_name, all, expected) => {
    const p = await imageProcess({ Dockerfile: `${image}CMD ["npm", "run", "all"]\n`, 'package.json': pkg({ all, web: 'node web.js', worker: 'node worker.js' }) });
    expect(flow(p)).toEqual(expected);
    expect(words(p?.launcher)).toBe('npm run all');
  });
});

describe('main: the long-running step', () => {
  it('a command sent to the background is not main', async () => {
    const p = await imageProcess({ Dockerfile: 'FROM python:3.12\nCMD celery -A app worker & gunicorn app:app\n' });
    expect(p?.steps.map((s) => s.command.background)).toEqual([true, false]);
    expect(words(p?.main)).toBe('gunicorn app:app');
  });

  it('uWSGI flags: a hook runs before the app, an attached daemon beside it', async () => {
    const p = await imageProcess({ Dockerfile: 'FROM python:3.12\nCMD ["uwsgi", "--http", ":8000", "--hook-pre-app", "exec:python manage.py migrate", "--attach-daemon", "celery -A app worker"]\n' });
    expect(p?.steps.map((s) => [s.via.join(' → '), words(s), s.command.background])).toEqual([
      ['uwsgi hook-pre-app', 'python manage.py migrate', false],
      ['', p?.argv.join(' '), false],
      ['uwsgi attach-daemon', 'celery -A app worker', true],
    ]);
    expect(p?.main?.command.program).toBe('uwsgi');
  });

  it('uWSGI `--ini`: hooks and daemons from the .ini file', async () => {
    const p = await imageProcess({
      Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nCMD ["uwsgi", "--ini", "uwsgi.ini"]\n',
      'uwsgi.ini': '[uwsgi]\nhttp = :8000\nmodule = app.wsgi\nhook-pre-app = exec:python manage.py migrate\nattach-daemon = celery -A app worker\n',
    });
    expect(flow(p)).toEqual(['uwsgi hook-pre-app → python manage.py migrate', 'uwsgi --ini uwsgi.ini', 'uwsgi attach-daemon → celery -A app worker']);
    expect(p?.steps.map((s) => s.file)).toEqual(['uwsgi.ini', 'Dockerfile', 'uwsgi.ini']);
    expect(words(p?.main)).toBe('uwsgi --ini uwsgi.ini');
  });
});
