import fc from 'fast-check';

/**
 * Generators of hostile-but-plausible project files. Each mixes lines a real file would have
 * with the shapes that broke parsers before: prototype-named keys, anchors and aliases (chains
 * and bombs), tags, duplicate keys, tabs, CRLF, BOMs, invalid UTF-8, deep nesting, huge
 * scalars, truncation.
 */

export const PROTO_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'propertyIsEnumerable', 'toLocaleString'];

const word = fc.oneof(
  fc.constantFrom(...PROTO_NAMES),
  fc.constantFrom('web', 'db', 'app', 'worker', 'redis', 'api', 'x', 'PORT', 'DATABASE_URL', 'SECRET_KEY', 'NODE_ENV', 'HOME', '1', '-', '$', ''),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,12}$/),
);

const scalar = fc.oneof(
  word,
  fc.constantFrom('${VAR}', '${VAR:-x}', '${VAR:?need it}', '$$HOME', '${', '${A:-${B}}', 'postgres://u:p@localhost/db', 'redis://:pw@redis:6379', '8080:80', '127.0.0.1:80:80', '/data', './data:/data', 'node:latest', 'nginx', 'true', 'no', '~', '0x1F', '1e3', '.inf', '!!binary aGk=', '-1'),
  fc.string({ maxLength: 20 }),
  fc.integer().map(String),
);

/** Lines of compose YAML at random indentation, with anchors, aliases, tags and merge keys. */
export const composeSoup = fc
  .array(
    fc.tuple(
      fc.nat(8),
      fc.oneof(
        fc.constantFrom(
          'services:', 'version: "3.8"', 'version: 2', 'networks:', 'volumes:', 'secrets:', 'configs:', 'x-common: &common', '<<: *common', '<<: [*a, *b]',
          'web:', 'image: node:20', 'build: .', 'build:', 'context: ..', 'dockerfile: Dockerfile', 'command: npm start', 'command: ["node", "server.js"]', 'entrypoint: /entry.sh',
          'environment:', '- PORT=3000', '- DATABASE_URL=postgres://app:secret@localhost/db', 'PORT: 3000', 'env_file: .env', 'env_file: [.env, missing.env]',
          'ports:', '- "3000:3000"', '- target: 80', 'published: 8080', 'mode: host', 'volumes:', '- ./data:/data', '- data:/data', 'deploy:', 'replicas: 3', 'mode: global',
          'restart: always', 'container_name: web', 'depends_on: [db]', 'depends_on:', 'condition: service_healthy', 'healthcheck:', 'test: ["CMD", "curl", "-f", "http://localhost"]',
          'stop_grace_period: 1m', 'stop_grace_period: forever', 'external: true', 'driver: overlay', 'file: ./secret.txt', 'labels:', 'extends:', 'service: web',
          'a: &a [1, 2, 3]', 'b: &b [*a, *a, *a]', 'c: [*b, *b, *b, *b]', 'ref: *undefined', 'tagged: !!str 1', 'custom: !custom {a: 1}', 'set: !!set {a, b}', '? complex key', ': value',
          '---', '...', '%YAML 1.2', '- - - -', '{a: [b, {c: d}]}', '"unterminated', "'single", '|', '>-', '  folded', '#twelvelint-disable-next-line', '# twelvelint-disable-file',
        ),
        fc.tuple(word, scalar).map(([k, v]) => `${k}: ${v}`),
        word.map((k) => `${k}:`),
        scalar.map((v) => `- ${v}`),
        fc.constantFrom(...PROTO_NAMES).map((k) => `${k}: {a: 1}`),
      ),
    ),
    { maxLength: 40 },
  )
  .map((lines) => lines.map(([indent, text]) => `${' '.repeat(indent)}${text}`).join('\n'));

/** A well-formed compose document (so rules run deep), with prototype-named keys at any level. */
const composeValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(word, tie('v'), { maxKeys: 4 }),
  ),
})).v;

const serviceKey = fc.constantFrom('image', 'build', 'command', 'entrypoint', 'environment', 'env_file', 'ports', 'volumes', 'deploy', 'networks', 'secrets', 'configs', 'healthcheck', 'restart', 'container_name', 'depends_on', 'labels', 'stop_grace_period', 'user', 'working_dir', 'extends', 'logging', 'init', 'network_mode', 'privileged', 'cap_add', 'devices', 'ulimits', 'sysctls', ...PROTO_NAMES);

export const composeObject = fc.record({
  services: fc.dictionary(word, fc.dictionary(serviceKey, composeValue, { maxKeys: 8 }), { maxKeys: 4 }),
  extra: fc.dictionary(fc.constantFrom('networks', 'volumes', 'secrets', 'configs', 'version', 'name', 'x-common', ...PROTO_NAMES), composeValue, { maxKeys: 3 }),
});

export const dockerfileSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '# syntax=docker/dockerfile:1', '# escape=`', '# check=skip=all', 'FROM node:20 AS build', 'FROM node:latest', 'FROM scratch', 'FROM $BASE', 'FROM build AS final', 'ARG BASE=node:20', 'ARG TOKEN',
        'ENV NODE_ENV=production PORT=3000', 'ENV SECRET_KEY=hunter2hunter2hunter2', 'WORKDIR /app', 'COPY package*.json ./', 'COPY --from=build /app /app', 'COPY --chown=node:node . .', 'ADD https://example.com/x.tgz /x',
        'RUN npm ci', 'RUN npm install && npm run build', 'RUN apt-get update && \\', '    apt-get install -y curl', 'RUN <<EOF', 'echo hi', 'EOF', 'RUN <<-EOT bash', '\tset -e', 'EOT', 'RUN --mount=type=secret,id=npm npm ci',
        'USER node', 'USER root', 'EXPOSE 3000', 'EXPOSE $PORT/tcp', 'VOLUME /data', 'VOLUME ["/data", "/logs"]', 'HEALTHCHECK CMD curl -f http://localhost/ || exit 1', 'HEALTHCHECK NONE', 'STOPSIGNAL SIGTERM',
        'CMD npm start', 'CMD ["node", "server.js"]', 'CMD ["sh", "-c", "exec node server.js"]', 'ENTRYPOINT ["/entrypoint.sh"]', 'ENTRYPOINT exec gosu app tini -- node app.js', 'ONBUILD RUN make', 'SHELL ["/bin/bash", "-c"]',
        'LABEL a=b', 'MAINTAINER x', 'CMD ["unterminated', 'RUN \\', '\\', 'FROM', 'COPY', 'ENV', 'ARG', 'RUN ${', 'CMD [', 'ENTRYPOINT []',
      ),
      fc.tuple(fc.constantFrom('RUN', 'CMD', 'ENV', 'ARG', 'COPY', 'FROM', 'EXPOSE', 'ENTRYPOINT', 'LABEL', 'USER', 'WORKDIR', 'VOLUME', 'HEALTHCHECK', 'run', 'from'), scalar).map(([i, v]) => `${i} ${v}`),
      fc.tuple(fc.constantFrom('COPY', 'ADD', 'RUN', 'FROM'), fc.constantFrom('--from', '--chown', '--mount', '--platform', '--link', '--chmod', '--network', '--security', '--', '--__proto__', '--constructor', '--toString'), scalar).map(([i, f, v]) => `${i} ${f}=${v} . .`),
    ),
    { maxLength: 30 },
  )
  .map((lines) => lines.join('\n'));

export const envSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom('PORT=3000', 'DATABASE_URL=postgres://user:pass@localhost:5432/db', 'export SECRET=abc', '# comment', 'KEY="multi\nline"', "KEY='x", 'EMPTY=', '=novalue', 'NO_EQUALS', 'A=${B}', 'A=$B', '__proto__=1', 'constructor=2', 'toString=3'),
      fc.tuple(word, scalar).map(([k, v]) => `${k}=${v}`),
    ),
    { maxLength: 20 },
  )
  .map((lines) => lines.join('\n'));

export const packageJson = fc.oneof(
  fc
    .record({
      name: fc.oneof(fc.string({ maxLength: 10 }), fc.constant('app')),
      scripts: fc.dictionary(fc.oneof(fc.constantFrom('start', 'build', 'dev', 'migrate', 'postinstall', ...PROTO_NAMES), word), fc.oneof(scalar, fc.constantFrom('node server.js', 'nodemon index.js', 'npm run build && node dist/main.js', 'NODE_ENV=production node app.js --password=hunter2', 'prisma migrate deploy && node app.js')), { maxKeys: 5 }),
      dependencies: fc.dictionary(fc.oneof(word, fc.constantFrom('express', 'pg', 'redis', 'multer', 'node-cron', 'winston', 'sqlite3', ...PROTO_NAMES)), fc.oneof(scalar, fc.integer(), fc.constant(null)), { maxKeys: 5 }),
      main: fc.oneof(fc.constant('index.js'), scalar),
      engines: fc.oneof(fc.constant({ node: '>=20' }), composeValue),
    })
    .map((o) => JSON.stringify(o)),
  fc.constantFrom('{', '[]', 'null', '"x"', '{"scripts": 1}', '{"scripts": {"start": 5}}', '{"dependencies": []}', '{"__proto__": {"scripts": {"start": "node x"}}}', '{"twelvelint": {"rules": 1}}'),
);

export const pyproject = fc.constantFrom(
  '[project]\nname = "x"\ndependencies = ["django>=4", "gunicorn"]\n',
  '[project]\ndependencies = [1, true, {a = 1}]\n',
  '[tool.poetry.dependencies]\npython = "^3.11"\n__proto__ = "1"\n',
  '[project\nbroken',
  'dependencies = "not a list"\n',
);

export const sourceSoup = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "const express = require('express');", 'const app = express();', "app.listen(process.env.PORT || 3000, '127.0.0.1');", 'app.listen(3000);', "const db = new Pool({ connectionString: 'postgres://u:p@localhost/db' });",
        "process.on('SIGTERM', () => server.close());", "fs.writeFileSync('./uploads/x', data);", "console.log('x');", "const logger = winston.createLogger({ transports: [new winston.transports.File({ filename: 'app.log' })] });",
        "cron.schedule('* * * * *', job);", 'const sessions = {};', "const secret = 'sk_live_abcdefghijklmnopqrstuvwx';", 'if (process.env.NODE_ENV === "development") {', '}', 'function f() {', 'export default app;', "import x from './x';",
        'const { PORT = 3000, __proto__, constructor } = process.env;', 'process.env["toString"]', 'process.env.__proto__', 'const o = { __proto__: null, toString: 1 };', 'class A { constructor() {} }', '/* unterminated', '`${', 'x = /re', '<div>', '@flow',
      ),
      fc.string({ maxLength: 30 }),
    ),
    { maxLength: 25 },
  )
  .map((lines) => lines.join('\n'));

export const scriptSoup = fc
  .array(
    fc.constantFrom('#!/bin/sh', 'set -e', 'if [ "$1" = "web" ]; then', 'fi', 'case "$1" in', 'web) exec node server.js ;;', 'esac', 'exec "$@"', 'exec gosu node "$@"', 'npm run migrate', 'node server.js &', 'wait', 'sh -c "exec node x"', 'cat <<EOF > /app/config', 'EOF', 'shift', 'set -- node "$@"', '${1#-}', '"unterminated', "'", '$(', '`', '\\'),
    { maxLength: 15 },
  )
  .map((lines) => lines.join('\n'));

/** Turns a text into the shapes readers meet: BOM, CRLF, tabs, truncation, invalid UTF-8, a huge scalar. */
export function mangle(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(text, fc.constantFrom('none', 'bom', 'crlf', 'tabs', 'truncate', 'bytes', 'huge', 'nul', 'deep'), fc.nat()).map(([t, how, n]) => {
    switch (how) {
      case 'bom':
        return `\uFEFF${t}`;
      case 'crlf':
        return t.replace(/\n/g, '\r\n');
      case 'tabs':
        return t.replace(/ {2}/g, '\t');
      case 'truncate':
        return t.slice(0, t.length ? n % t.length : 0);
      case 'bytes':
        return Buffer.concat([Buffer.from(t.slice(0, n % (t.length + 1))), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from(t.slice(n % (t.length + 1)))]).toString('utf8');
      case 'huge':
        return `${t}\n${'k'.repeat(1000)}: ${'v'.repeat(200_000)}\n`;
      case 'nul':
        return `${t}\u0000`;
      case 'deep':
        return `${t}\nz: ${'['.repeat(300 + (n % 3000))}\n`;
      default:
        return t;
    }
  });
}

/** Compose files that pass the schema, so the rules behind it run on odd but valid values. */
const image = fc.constantFrom('node:20', 'node:latest', 'nginx', 'postgres:16', 'redis:7-alpine', 'ghcr.io/acme/app:${TAG:-latest}', 'app', 'registry:5000/x@sha256:' + 'a'.repeat(64), '${IMAGE}', 'UPPER:case');
const service = fc.record(
  {
    image,
    build: fc.oneof(fc.constantFrom('.', './api', '../x', 'https://github.com/a/b.git'), fc.record({ context: fc.constantFrom('.', 'api'), dockerfile: fc.constantFrom('Dockerfile', 'api/Dockerfile', 'missing') })),
    command: fc.oneof(fc.constantFrom('npm start', 'node server.js', 'sh -c "npm run migrate && node x"', 'gunicorn -b 127.0.0.1:8000 app:app', 'celery -A app worker'), fc.array(fc.constantFrom('node', 'x.js', '--port', '${PORT}', '$$HOME'), { maxLength: 4 })),
    entrypoint: fc.constantFrom('/docker-entrypoint.sh', './docker-entrypoint.sh', 'tini --'),
    environment: fc.oneof(fc.dictionary(fc.constantFrom('PORT', 'DATABASE_URL', 'SECRET_KEY', 'NODE_ENV', 'REDIS_URL', 'toString', '__proto__'), fc.oneof(fc.constantFrom('3000', 'postgres://app:pw@db/app', 'redis://localhost', '${SECRET:?set it}', 'development', ''), fc.constant(null)), { maxKeys: 4 }), fc.array(fc.constantFrom('PORT=3000', 'DEBUG=1', 'TOKEN', 'A=${B:-c}'), { maxLength: 3 })),
    env_file: fc.oneof(fc.constantFrom('.env', '.env.example', 'missing.env'), fc.array(fc.constantFrom('.env', 'x.env'), { maxLength: 2 })),
    ports: fc.array(fc.oneof(fc.constantFrom('3000:3000', '80', '127.0.0.1:5432:5432', '8000-8010:8000-8010', '${PORT}:3000'), fc.record({ target: fc.constantFrom(80, 3000), published: fc.constantFrom(8080, '8081'), mode: fc.constantFrom('host', 'ingress') })), { maxLength: 3 }),
    volumes: fc.array(fc.constantFrom('./data:/data', 'data:/var/lib/postgresql/data', '/var/run/docker.sock:/var/run/docker.sock', 'uploads:/app/uploads:ro', '${PWD}/x:/x', 'logs:/app/logs'), { maxLength: 3 }),
    deploy: fc.record({ replicas: fc.constantFrom(1, 3, 0), mode: fc.constantFrom('replicated', 'global'), resources: fc.constant({ limits: { cpus: '0.5', memory: '512M' } }), restart_policy: fc.constant({ condition: 'on-failure' }), update_config: fc.constant({ order: 'start-first' }) }, { requiredKeys: [] }),
    depends_on: fc.array(fc.constantFrom('db', 'redis', 'missing'), { maxLength: 2 }),
    container_name: fc.constantFrom('web', 'db'),
    restart: fc.constantFrom('always', 'unless-stopped', 'no'),
    healthcheck: fc.constant({ test: ['CMD', 'curl', '-f', 'http://localhost:3000/health'], interval: '10s' }),
    stop_grace_period: fc.constantFrom('10s', '1m30s', '2h'),
    networks: fc.array(fc.constantFrom('front', 'back', 'missing'), { maxLength: 2 }),
    secrets: fc.array(fc.constantFrom('db_password', 'missing'), { maxLength: 2 }),
    labels: fc.dictionary(fc.constantFrom('traefik.enable', 'a', 'constructor'), fc.constantFrom('true', 'x'), { maxKeys: 2 }),
    network_mode: fc.constantFrom('host', 'bridge'),
    init: fc.boolean(),
    user: fc.constantFrom('node', 'root', '1000:1000'),
  },
  { requiredKeys: [] },
);
export const validCompose = fc
  .record({
    services: fc.dictionary(fc.constantFrom('web', 'api', 'db', 'redis', 'worker', 'migrate', 'toString', 'constructor'), service, { minKeys: 1, maxKeys: 4 }),
    networks: fc.constant({ front: { driver: 'overlay' }, back: null }),
    volumes: fc.constant({ data: null, uploads: { driver: 'local' }, logs: null }),
    secrets: fc.constant({ db_password: { file: './secrets/db.txt' } }),
    version: fc.constantFrom('3.8', '3', '2.4', undefined),
  }, { requiredKeys: ['services'] })
  .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
