import { describe, expect, it } from 'vitest';
import { loadDockerfile } from '../../src/project/load-dockerfile.js';
import { copyFact, imageFacts, releaseStage, runCommands, sourceOfImagePath, stageChain } from '../../src/project/facts/image.js';
import type { Dockerfile } from '../../src/project/model.js';

function dockerfile(text: string, path = 'Dockerfile'): Dockerfile {
  return loadDockerfile({ path, absPath: `/memory/${path}`, kind: 'dockerfile', size: text.length, text, lines: text.split('\n') });
}

/** The stage picked: its name, else its index. */
const stageId = (d: Dockerfile, target?: string) => {
  const s = releaseStage(d, target);
  return s && (s.name ?? s.index);
};

/** The words of every command of every RUN, in order. */
const runWords = (d: Dockerfile) => d.instructions.filter((i) => i.keyword === 'RUN').map((i) => runCommands(d, i).map((c) => c.words));

describe('releaseStage', () => {
  const pipeline = dockerfile('FROM node:20 AS build\nRUN npm ci\nFROM build AS test\nRUN npm test\nFROM node:20-slim AS release\nCOPY --from=build /app /app\nFROM release AS upload-artifact\nRUN echo upload\n');

  it.each([
    ['no target: a last stage named upload-artifact gives way to release', undefined, 'release'],
    ['a target by name, any case', 'BUILD', 'build'],
    ['a target by index', '0', 'build'],
    ['an unknown target', 'nope', undefined],
  ])('%s', (_name, target, expected) => {
    expect(stageId(pipeline, target)).toBe(expected);
  });

  it.each([
    ['a single unnamed stage', 'FROM alpine\n', 0],
    ['a ci stage: the last stage with another name', 'FROM node:20 AS app\nFROM app AS ci\n', 'app'],
    ['a pr-* stage', 'FROM node:20 AS app\nFROM node:20 AS pr-check\n', 'app'],
    ['a nightly stage: the stage named production', 'FROM node:20 AS base\nFROM base AS production\nFROM production AS nightly-build\n', 'production'],
    ['only a test stage: it is the image', 'FROM node:20 AS test\n', 'test'],
  ])('%s', (_name, text, expected) => {
    expect(stageId(dockerfile(text))).toBe(expected);
  });

  it('stageChain follows FROM <stage> back to the external image', () => {
    expect(stageChain(pipeline, releaseStage(pipeline, 'upload-artifact')).map((s) => s.name)).toEqual(['release', 'upload-artifact']);
    const d = dockerfile('ARG NODE=20\nFROM node:${NODE}-alpine AS base\nFROM base AS app\nFROM app\n');
    const image = imageFacts(d);
    expect(image.chain.map((s) => s.name)).toEqual(['base', 'app', undefined]);
    expect(image.base?.image).toBe('node:20-alpine');
  });
});

describe('imageFacts', () => {
  it('built: the chain and the stages it copies from, transitively, by name or index', () => {
    const d = dockerfile('FROM node:20 AS deps\nRUN npm ci\nFROM node:20 AS build\nCOPY --from=deps /n /n\nFROM node:20 AS test\nRUN npm test\nFROM node:20 AS assets\nFROM nginx:1.27\nCOPY --from=build /dist /usr/share/nginx/html\nCOPY --from=3 /assets /assets\n');
    expect([...imageFacts(d).built].sort((a, b) => a - b)).toEqual([0, 1, 3, 4]);
    expect([...imageFacts(d, 'test').built]).toEqual([2]);
  });

  it('env: ARG defaults substituted, a later ENV wins, the legacy `ENV NAME value` form', () => {
    const d = dockerfile('ARG VERSION=1.2\nFROM python:3.12\nARG VERSION\nARG PORT=8000\nENV PORT=$PORT APP_VERSION=${VERSION}\nENV A=first\nENV A=second B=${A}-x\nENV GREETING hello world\n');
    expect(Object.fromEntries(imageFacts(d).env)).toEqual({ PORT: '8000', APP_VERSION: '1.2', A: 'second', B: 'second-x', GREETING: 'hello world' });
  });

  it('env: a global ARG not re-declared in the stage is not in scope (its value is what the base image sets, unknown here)', () => {
    const d = dockerfile('ARG VERSION=1.2\nFROM python:3.12\nENV APP_VERSION=v${VERSION}\n');
    expect(imageFacts(d).env.get('APP_VERSION')).toBeUndefined();
    const redeclared = dockerfile('ARG VERSION=1.2\nFROM python:3.12\nARG VERSION\nENV APP_VERSION=v${VERSION}\n');
    expect(imageFacts(redeclared).env.get('APP_VERSION')).toBe('v1.2');
  });

  it('env: a value that depends on what the audit cannot see is undefined (a base image variable, a build arg)', () => {
    const env = imageFacts(dockerfile('FROM python:3.12\nARG RELEASE\nENV PATH="/app/.venv/bin:$PATH" RELEASE_ID=$RELEASE\n')).env;
    expect([...env.keys()]).toEqual(['PATH', 'RELEASE_ID']);
    expect(env.get('PATH')).toBeUndefined();
    expect(env.get('RELEASE_ID')).toBeUndefined();
  });

  it.each([
    ['absolute then relative', 'FROM alpine\nWORKDIR /srv\nWORKDIR app\n', '/srv/app'],
    ['from a global ARG re-declared in the stage', 'ARG DIR=/opt/app\nFROM alpine\nARG DIR\nWORKDIR $DIR\n', '/opt/app'],
    ['relative after a trailing slash', 'FROM alpine\nWORKDIR /srv/\nWORKDIR app\n', '/srv/app'],
  ])('workdir: %s', (_name, text, expected) => {
    expect(imageFacts(dockerfile(text)).workdir).toBe(expected);
  });

  it('exposed: ports, protocols, ranges and ARGs; words that are not ports are skipped', () => {
    const d = dockerfile('FROM alpine\nARG PORT=8000\nEXPOSE 8000 9000/udp 7000-7002/tcp ${PORT}\nEXPOSE bogus\n');
    expect(imageFacts(d).exposed).toEqual([8000, 9000, 7000, 7001, 7002]);
  });

  it.each([
    ['ENTRYPOINT resets a CMD inherited from the parent stage', 'FROM python:3.12 AS base\nCMD ["python", "app.py"]\nFROM base\nENTRYPOINT ["/entry.sh"]\n', undefined],
    ['ENTRYPOINT after a CMD of the same stage keeps it', 'FROM python:3.12\nCMD ["python", "app.py"]\nENTRYPOINT ["/entry.sh"]\n', '["python", "app.py"]'],
    ['a CMD of the child stage under an inherited ENTRYPOINT', 'FROM python:3.12 AS base\nENTRYPOINT ["/entry.sh"]\nFROM base\nCMD ["serve"]\n', '["serve"]'],
  ])('%s', (_name, text, cmd) => {
    const image = imageFacts(dockerfile(text));
    expect(image.entrypoint?.exec).toEqual(['/entry.sh']);
    expect(image.cmd?.args).toBe(cmd);
  });

  it('healthcheck, SHELL, USER and STOPSIGNAL of the chain, the child winning', () => {
    const d = dockerfile('FROM alpine AS base\nHEALTHCHECK CMD wget -q localhost\nFROM base\nHEALTHCHECK NONE\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nUSER app\nSTOPSIGNAL SIGQUIT\nCMD nginx\n');
    const image = imageFacts(d);
    expect(image.healthcheck?.args).toBe('NONE');
    expect(image.shell).toEqual(['/bin/bash', '-o', 'pipefail', '-c']);
    expect(image.user).toBe('app');
    expect(image.stopSignal?.args).toBe('SIGQUIT');
    expect(imageFacts(dockerfile('FROM alpine\nCMD nginx\n')).shell).toEqual(['/bin/sh', '-c']);
  });
});

describe('runCommands', () => {
  it.each([
    ['--mount flags are dropped and an ARG with a quoted default is expanded', 'FROM python:3.12\nARG UV_OPTIONS="--frozen --no-dev"\nRUN --mount=type=cache,target=/root/.cache uv sync $UV_OPTIONS\n', [[['uv', 'sync', '--frozen', '--no-dev']]]],
    ['--network and --mount before a list', 'FROM node:20\nRUN --network=none --mount=type=secret,id=npmrc npm ci && npm run build\n', [[['npm', 'ci'], ['npm', 'run', 'build']]]],
    ['`RUN <<EOF` runs the heredoc as a script', 'FROM debian\nRUN <<EOF\nset -e\napt-get update\npip install -r requirements.txt\nEOF\n', [[['set', '-e'], ['apt-get', 'update'], ['pip', 'install', '-r', 'requirements.txt']]]],
    ['a heredoc written to a file is data', 'FROM debian\nRUN cat <<EOF > /etc/app.conf\nrm -rf /\nEOF\n', [[['cat']]]],
    ['a global ARG only once re-declared in the stage', 'ARG PY=3.12\nFROM python:${PY}\nRUN echo $PY\nARG PY\nRUN echo $PY\n', [[['echo', '$PY']], [['echo', '3.12']]]],
    ['ENV of the parent stage is seen, its ARG is not', 'FROM alpine AS base\nARG X=1\nENV Y=2\nFROM base\nRUN echo $X $Y\n', [[['echo', '$X', '2']]]],
  ])('%s', (_name, text, expected) => {
    expect(runWords(dockerfile(text))).toEqual(expected);
  });
});

describe('copyFact and sourceOfImagePath', () => {
  it.each([
    ['COPY docker-entrypoint.sh /usr/local/bin/', { sources: ['docker-entrypoint.sh'], dest: '/usr/local/bin/' }],
    ['COPY ./start.sh /start', { sources: ['start.sh'], dest: '/start' }],
    ['COPY --from=build /out /srv', { from: 'build', sources: ['/out'], dest: '/srv' }],
    ['COPY --chown=app:app ["a b.txt", "c.txt", "/data/"]', { sources: ['a b.txt', 'c.txt'], dest: '/data/' }],
    ['COPY <<EOF /etc/motd\nhello\nEOF', undefined],
  ])('copyFact: %s', (line, expected) => {
    const d = dockerfile(`FROM alpine\n${line}\n`);
    const fact = copyFact(d.instructions[1]);
    if (expected === undefined) expect(fact).toBeUndefined();
    else expect({ ...fact, inst: undefined }).toEqual({ ...expected, inst: undefined });
  });

  const image = imageFacts(
    dockerfile(
      'FROM node:20\nWORKDIR /app\nCOPY docker-entrypoint.sh /usr/local/bin/\nCOPY ./start.sh /start\nCOPY . .\nCOPY --from=node:20 /usr/local/lib /srv\nCOPY ["a b.txt", "c.txt", "/data/"]\nCOPY scripts/*.sh /scripts/\nADD conf/ /etc/conf\n',
    ),
  );

  it.each([
    ['a file copied into a directory', '/usr/local/bin/docker-entrypoint.sh', 'docker-entrypoint.sh'],
    ['a file copied to a new name', '/start', 'start.sh'],
    ['a path relative to WORKDIR under `COPY . .`', 'server.js', 'server.js'],
    ['a nested path under `COPY . .`', '/app/src/index.js', 'src/index.js'],
    ['a directory source', '/etc/conf/app.ini', 'conf/app.ini'],
    ['a glob', '/scripts/run.sh', 'scripts/run.sh'],
    ['a file the glob does not match', '/scripts/run.py', undefined],
    ['a file from another image', '/srv/node_modules', undefined],
  ])('sourceOfImagePath: %s', (_name, path, expected) => {
    expect(sourceOfImagePath(image, path)).toBe(expected);
  });
});
