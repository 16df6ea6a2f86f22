import { describe, expect, it } from 'vitest';
import { discoverMemory } from '../../src/project/discover.js';
import { loadProject } from '../../src/project/load.js';
import { memoryReader } from '../../src/project/reader.js';
import { auditFiles } from '../support/rule-tester.js';
import { allRules } from '../../src/rules/index.js';

type Files = Record<string, string>;

async function inputs(files: Files): Promise<((path: string) => boolean) | undefined> {
  const { project } = await loadProject(discoverMemory(files), {
    needs: new Set(['dockerfile', 'compose', 'manifest', 'script', 'env']),
    deployEnv: new Map(),
    reader: memoryReader(files),
  });
  return project.facts.deployInputs();
}

const BUILDER = [
  'FROM node:22 AS builder',
  'WORKDIR /src',
  'COPY package.json package-lock.json ./',
  'RUN npm ci',
  'COPY ./apps apps/',
  'COPY libs libs/',
  'COPY *.config.json ./',
  'RUN npm run build',
  'FROM node:22-slim',
  'COPY --from=builder /src/dist /app',
  'COPY docker/entrypoint.sh /app/',
  'CMD ["/app/entrypoint.sh"]',
  '',
].join('\n');

describe('deployInputs: what reaches a deployed container', () => {
  it('files the release image copies, builder stages included; not what no COPY names', async () => {
    const test = (await inputs({ Dockerfile: BUILDER, 'apps/api/main.ts': '', 'tools/load-env.ts': '' }))!;
    expect(test('apps/api/main.ts')).toBe(true);
    expect(test('libs/common/index.ts')).toBe(true);
    expect(test('docker/entrypoint.sh')).toBe(true);
    expect(test('app.config.json')).toBe(true);
    expect(test('tools/load-env.ts')).toBe(false);
    expect(test('apps-old/x.ts')).toBe(false);
  });

  it('COPY . . copies everything; the build context of a compose service is the root of its paths', async () => {
    expect((await inputs({ Dockerfile: 'FROM node:22\nCOPY . .\n' }))!('tools/x.ts')).toBe(true);
    const test = (await inputs({
      'compose.yaml': 'services:\n  api:\n    image: acme/api:1\n    build: ./api\n',
      'api/Dockerfile': 'FROM node:22\nCOPY src ./src\n',
    }))!;
    expect(test('api/src/server.ts')).toBe(true);
    expect(test('src/server.ts')).toBe(false);
  });

  it('a deployed service that bind-mounts a project folder runs what is in it', async () => {
    const test = (await inputs({
      'compose.yaml': 'services:\n  api:\n    image: acme/api:1\n    build: .\n    volumes:\n      - ./scripts:/scripts\n',
      Dockerfile: 'FROM node:22\nCOPY src ./src\n',
    }))!;
    expect(test('scripts/cron.js')).toBe(true);
  });

  it('cannot be told: no release image, or a COPY source with a variable', async () => {
    expect(await inputs({ 'src/server.ts': '' })).toBeUndefined();
    expect(await inputs({ Dockerfile: 'FROM node:22\nARG APP=api\nCOPY $APP ./\n' })).toBeUndefined();
  });

  it('a source rule does not judge a script no image copies when no entry is traced', async () => {
    const files = {
      Dockerfile: BUILDER,
      'apps/api/config.ts': "export const url = process.env.DATABASE_URL || 'postgres://app:app@localhost:5432/app';\n",
      'tools/seed.ts': "export const url = process.env.SEED_DATABASE_URL || 'postgres://app:app@localhost:5432/app';\n",
    };
    const result = await auditFiles(allRules, files);
    const paths = result.results.filter((r) => r.messages.some((m) => m.ruleId === 'backing-services/localhost-in-code')).map((r) => r.filePath);
    expect(paths).toEqual(['apps/api/config.ts']);
  });
});
