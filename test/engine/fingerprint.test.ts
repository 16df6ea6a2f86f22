import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';
import { auditFiles } from '../support/rule-tester.js';

const prints = async (files: Record<string, string>) =>
  (await auditFiles(allRules, files)).results.flatMap((r) => r.messages.map((m) => `${r.filePath} ${m.ruleId} ${m.fingerprint}`)).sort();

describe('fingerprints', () => {
  it('survive line moves and reformatting, and tell equal lines apart', async () => {
    const before = await prints({ Dockerfile: 'FROM node:latest\nCMD npm start\n' });
    const moved = await prints({ Dockerfile: 'FROM   node:latest\n\n# a comment\n\nCMD  npm start\n' });
    expect(moved).toEqual(before);
    const twice = await prints({ 'docker-stack.yml': 'services:\n  a:\n    build: .\n  b:\n    build: .\n' });
    const build = twice.filter((p) => p.includes('build-without-image')).map((p) => p.split(':').pop());
    expect(build).toEqual(['1', '2']);
  });

  it('change when the finding line changes', async () => {
    const a = await prints({ Dockerfile: 'FROM node:latest\n' });
    const b = await prints({ Dockerfile: 'FROM node:lts\n' });
    expect(a.filter((p) => p.includes('unpinned')).join()).not.toEqual(b.filter((p) => p.includes('unpinned')).join());
  });
});

describe('one problem, one finding', () => {
  it('a schema or interpolation problem that one YAML anchor gives several services is one finding naming them', async () => {
    const files = {
      'docker-stack.yml': 'x-hc: &hc\n  healthcheck:\n    interval: "${HC_INTERVAL}"\n    retries: "${HC_RETRIES}"\nservices:\n  a:\n    image: a:1\n    <<: *hc\n  b:\n    image: b:1\n    <<: *hc\n  c:\n    image: c:1\n    <<: *hc\n',
    };
    const result = await auditFiles(allRules, files);
    const stack = result.results.find((r) => r.filePath === 'docker-stack.yml')?.messages ?? [];
    const schema = stack.filter((m) => m.ruleId === 'swarm/schema-violation');
    expect(schema).toHaveLength(1);
    expect(schema[0].message).toMatch(/services\.a\.healthcheck\.interval .*\(also for services "b", "c", which get the same key from one YAML anchor\)/);
    const cast = stack.filter((m) => m.ruleId === 'swarm/invalid-interpolation');
    expect(cast).toHaveLength(1);
  });
});

describe('the error docker prints first', () => {
  it('an empty duration is one schema finding: the conversion error behind it is never printed by docker', async () => {
    const result = await auditFiles(allRules, { 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n    healthcheck:\n      test: ["CMD", "true"]\n      interval: "${HC_INTERVAL}"\n' });
    const line6 = result.results.flatMap((r) => r.messages).filter((m) => m.line === 6 && m.ruleId?.startsWith('swarm/') && m.ruleId !== 'swarm/dotenv-not-read' && m.ruleId !== 'swarm/unset-variable');
    expect(line6.map((m) => m.ruleId)).toEqual(['swarm/schema-violation']);
    expect(line6[0].also).toEqual([{ ruleId: 'swarm/invalid-service-config', factor: 'swarm' }]);
  });
});
