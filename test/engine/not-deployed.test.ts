import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';
import { auditFiles } from '../support/rule-tester.js';

const ruleIds = async (files: Record<string, string>) => (await auditFiles(allRules, files)).results.flatMap((r) => r.messages.map((m) => `${r.filePath} ${m.ruleId}`));

describe('files that are never deployed are not production findings', () => {
  const STACK = { 'docker-stack.yml': 'services:\n  web:\n    image: acme/web:1.2.3\n    deploy:\n      replicas: 2\n' };

  it('secrets, bind mounts and links in e2e, test and development compose files', async () => {
    const ids = await ruleIds({
      ...STACK,
      'tests/e2e/docker/docker-compose.yml': 'services:\n  app:\n    build: ../../..\n    environment:\n      POSTGRES_PASSWORD: e2e-s3cret-passw0rd\n    volumes:\n      - ./data:/app/data\n    links:\n      - db\n',
      'docker-compose.dev.yml': 'services:\n  app:\n    build: .\n    environment:\n      SECRET_KEY: dev-only-s3cret-key-1234\n    volumes:\n      - .:/app\n',
      'cypress/docker-compose.yml': 'services:\n  db:\n    image: postgres:16.3\n    environment:\n      POSTGRES_PASSWORD: cypress-pa55word\n',
    });
    expect(ids.filter((id) => !id.startsWith('docker-stack.yml') && !id.startsWith('. '))).toEqual([]);
  });

  it('the same secret in the deployed stack file is reported', async () => {
    const ids = await ruleIds({ 'docker-stack.yml': 'services:\n  db:\n    image: postgres:16.3\n    environment:\n      POSTGRES_PASSWORD: prod-s3cret-passw0rd\n' });
    expect(ids).toContain('docker-stack.yml config/secret-in-compose');
  });

  it('test stubs and mocks are not shipped code (__stubs__/jwt.ts)', async () => {
    const ids = await ruleIds({
      'package.json': JSON.stringify({ name: 'api', private: true, scripts: { start: 'node src/server.js' }, dependencies: { jsonwebtoken: '9.0.2' } }),
      'package-lock.json': '{}',
      'src/server.js': "require('http').createServer().listen(process.env.PORT || 3000);\n",
      '__stubs__/jwt.ts': "export const JWT_SECRET = 'ab12Cd34Ef56Gh78Ij90Kl';\n",
      'src/__mocks__/stripe.js': "module.exports = { apiKey: 'sk_live_51HqLyjWDarjtT1zdp7dcXyZ0aB1cD2eF3gH4iJ5k' };\n",
    });
    expect(ids.filter((id) => /__stubs__|__mocks__/.test(id))).toEqual([]);
  });

  it('a secret in shipped code is reported', async () => {
    const ids = await ruleIds({ 'src/config.ts': "export const jwtSecret = 'ab12Cd34Ef56Gh78Ij90Kl';\n" });
    expect(ids).toContain('src/config.ts config/hardcoded-secret-in-code');
  });

  it('says so when no deployed entry can be traced and every shipped file is judged', async () => {
    const result = await auditFiles(allRules, { 'src/a.ts': 'const x = process.env.SOME_SETTING;\nconsole.log(x.length);\n' });
    expect(result.diagnostics.map((d) => d.code)).toContain('no-deployed-entry');
  });
});
