import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reporters } from '../../src/reporters/index.js';
import { runCli } from '../support/cli.js';

/**
 * Secrets planted in every kind of input must not appear in any output. A masked value keeps
 * two characters and its length, so each canary is checked whole and by its middle.
 */
const CANARY = {
  composeUrl: 'Qz8vKp2LmX4nTr', // postgres://app:<>@localhost (compose environment)
  composeRedis: 'Hb5wYt9RqC3zVe', // redis://:<>@localhost (no user name)
  composeFlag: 'Tn6pWq1ZxR8kLs', // --password=<> in a compose command
  composeQuery: 'Fj3mNb7XcV2qLp', // ?token=<> in a healthcheck
  composeGrace: 'Wd4Lk8PzQ1vXn7', // a bad stop_grace_period echoed by the error
  requiredMsg: 'Gm2Xc9VbN5tRq8', // ${VAR:?<text>}
  envFileUrl: 'Pk7Rz2WqL9mXc4', // DB_URL in an env_file
  envFileToken: 'Yx5Nq8Lt2VzKp6', // API_TOKEN in an env_file
  dockerEnv: 'Uh3Zq7XmK1pLw9', // ENV JWT_SECRET=<>
  dockerArg: 'Rv8Kt2NqZ5xLm3', // ARG NPM_TOKEN=<>
  dockerRun: 'Lq4ZpX9mKw2RtV7nBs6YcJ1dHf8GgA3e', // a bearer token in a RUN curl header (no telling name)
  dockerRunQuery: 'Ez6Vn1QkX8pLr4', // ?token=<> piped into sh
  dockerCmd: 'Np9Qx3LkZ7vRt2', // CMD npm start -- --password=<>
  scriptToken: 'Ks2Vx8QpL5zNm1', // package.json script --token=<>
  sourceFallback: 'Bw7Lq4XzK9pRn3Tv', // process.env.JWT_SECRET || '<>'
  sourceUrl: 'Mt1Zq6XkL3vPw8', // mongodb://admin:<>@localhost
  cliEnv: 'Ox5Kq2ZvL8nXp4', // --env DEPLOY_PASSWORD=<> used in a compose URL
  cliEnvFile: 'Ic9Xv3LqZ6kNp1', // --env-file DEPLOY_TOKEN=<> used in a compose query string
};

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'twelvelint-canary-'));
  const w = (p: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  };
  w(
    'docker-stack.yml',
    `services:
  app:
    image: acme/app:1.2.3
    command: ["sh", "-c", "node server.js --password=${CANARY.composeFlag}"]
    env_file: app.env
    environment:
      DATABASE_URL: postgres://app:${CANARY.composeUrl}@localhost:5432/app
      REDIS_URL: redis://:${CANARY.composeRedis}@localhost:6379
      MAIL_URL: smtp://mailer:\${DEPLOY_PASSWORD}@localhost:25
      HOOK_URL: http://localhost:9000/hook?token=\${DEPLOY_TOKEN}
      NEEDED: \${NEEDED_VALUE:?${CANARY.requiredMsg}}
    healthcheck:
      test: ["CMD-SHELL", "curl -f http://localhost:3000/health?token=${CANARY.composeQuery}"]
    stop_grace_period: ${CANARY.composeGrace}
`,
  );
  w('app.env', `DB_URL=postgres://u:${CANARY.envFileUrl}@localhost/db\nAPI_TOKEN=${CANARY.envFileToken}\n`);
  w(
    'Dockerfile',
    `FROM node:20.11-slim
ENV JWT_SECRET=${CANARY.dockerEnv}
ARG NPM_TOKEN=${CANARY.dockerArg}
RUN curl -H "Authorization: Bearer ${CANARY.dockerRun}" https://example.com/install.sh | sh
RUN curl -fsSL "https://example.com/setup?token=${CANARY.dockerRunQuery}" | bash
COPY . .
CMD npm start -- --password=${CANARY.dockerCmd}
`,
  );
  w('package.json', JSON.stringify({ name: 'app', scripts: { start: `node server.js --token=${CANARY.scriptToken}` }, dependencies: { express: '4.19.2' } }, null, 2));
  w(
    'server.js',
    `const secret = process.env.JWT_SECRET || '${CANARY.sourceFallback}';
require('mongoose').connect('mongodb://admin:${CANARY.sourceUrl}@localhost:27017/app');
require('express')().listen(3000);
module.exports = secret;
`,
  );
  w('deploy.env', `DEPLOY_TOKEN=${CANARY.cliEnvFile}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectNoCanary(output: string, where: string) {
  for (const [name, value] of Object.entries(CANARY)) {
    expect(output.includes(value), `${name} in ${where}`).toBe(false);
    expect(output.includes(value.slice(2, 12)), `${name} (partly) in ${where}`).toBe(false);
  }
}

const base = () => [dir, '--config', path.join(dir, 'strict.json'), '--env', `DEPLOY_PASSWORD=${CANARY.cliEnv}`, '--env-file', path.join(dir, 'deploy.env')];

describe('no planted secret appears in any output', () => {
  beforeAll(() => writeFileSync(path.join(dir, 'strict.json'), JSON.stringify({ extends: 'twelvelint:strict' })));

  // Every registered format: a format added later is covered without touching this test.
  it.each(Object.keys(reporters).map((f) => [f]))('%s', async (format) => {
    const r = await runCli([...base(), '--format', format]);
    expect(r.stdout.length).toBeGreaterThan(100);
    expectNoCanary(r.stdout + r.stderr, format);
  });

  it('-o file, --debug and --print-config', async () => {
    const out = path.join(dir, 'report.json');
    const r = await runCli([...base(), '--format', 'json', '-o', out, '--debug']);
    expectNoCanary(r.stdout + r.stderr + readFileSync(out, 'utf8'), '-o/--debug');
    const c = await runCli([...base(), '--print-config']);
    expectNoCanary(c.stdout + c.stderr, '--print-config');
  });

  it('the findings still say what is wrong (the redaction keeps two characters and the length)', async () => {
    const r = await runCli([...base(), '--format', 'json']);
    expect(r.stdout).toMatch(/\(\d+ chars\)/);
    expect(r.stdout).toContain('localhost');
  });
});
