import { describe, expect, it } from 'vitest';
import { allRules } from '../src/rules/index.js';
import { auditFiles, lintFiles } from './support/rule-tester.js';
import { pathPurpose } from '../src/project/facts/deploy.js';

const isDevNamedPath = (p: string) => pathPurpose(p) === 'development' || pathPurpose(p) === 'test';

const rules = allRules;
const at = (findings: { ruleId: string | null; filePath: string; line: number }[], file: string) => findings.filter((f) => f.filePath === file).map((f) => `${f.line} ${f.ruleId}`);

describe('development-only files and services', () => {
  it('names', () => {
    for (const p of ['docker-compose.dev.yml', 'docker-compose-test.yml', 'Dockerfile.dev', 'dev.Dockerfile', '.devcontainer/Dockerfile']) expect(isDevNamedPath(p), p).toBe(true);
    for (const p of ['docker-compose.yml', 'docker-stack.yml', 'Dockerfile', 'Dockerfile.prod', 'compose.deploy.yml', 'docker-compose.devops.yml']) expect(isDevNamedPath(p), p).toBe(false);
  });

  it('a compose file beside a stack file is not deployed: its findings are not listed, its Swarm verdict is counted', async () => {
    const files = {
      'docker-compose.yml': 'services:\n  vote:\n    build: ./vote\n    command: nodemon server.js\n    volumes:\n      - ./vote:/app\n',
      'docker-stack.yml': 'services:\n  vote:\n    image: example/vote:1.4.2\n    deploy:\n      replicas: 2\n',
    };
    const result = await auditFiles(rules, files);
    expect(result.results.map((r) => r.filePath)).not.toContain('docker-compose.yml');
    const dev = result.summary.swarm.files.find((f) => f.filePath === 'docker-compose.yml');
    expect(dev).toMatchObject({ deployed: false, verdict: 'not-deployable', blockers: 1, reason: expect.stringMatching(/docker-stack\.yml is what the project deploys|live-code setup/) });
    expect(result.summary.swarm.verdictFrom).toEqual(['docker-stack.yml']);
    expect(result.summary.swarm.verdict).not.toBe('not-deployable');
  });

  it('a file of loopback-bound backing services for an app run on the host', async () => {
    const files = { 'docker-compose.yml': 'services:\n  postgres:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n    environment:\n      POSTGRES_PASSWORD: s3cretpassw0rd\n' };
    const result = await auditFiles(rules, files);
    // Not deployed: no finding is listed for it, its Swarm verdict is counted on its line of the summary.
    expect(result.results.map((r) => r.filePath)).not.toContain('docker-compose.yml');
    expect(result.summary.swarm.files).toEqual([expect.objectContaining({ filePath: 'docker-compose.yml', deployed: false, warnings: expect.any(Number) })]);
    expect(result.summary.swarm.files[0].warnings).toBeGreaterThan(0);
  });

  it('development stages and dev-target services are skipped, the shipped stage is not', async () => {
    const files = {
      Dockerfile: 'FROM node:20.11-alpine AS builder\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n\nFROM builder AS dev-envs\nRUN apk add git\nCMD npm run dev\n',
      'compose.yaml': 'services:\n  web:\n    build:\n      context: .\n      target: development\n    command: npm run dev\n    volumes:\n      - .:/app\n',
      'package.json': '{"name":"x","scripts":{"dev":"nodemon server.js"},"dependencies":{}}',
      'package-lock.json': '{}',
    };
    const findings = await lintFiles(rules, files);
    expect(at(findings, 'Dockerfile').filter((f) => Number(f.split(' ')[0]) >= 7)).toEqual([]);
    expect(at(findings, 'compose.yaml').filter((f) => !f.includes(' swarm/'))).toEqual([]);
  });
});

describe('opt-in profile services', () => {
  it('keys merged from an anchor into a profile service are development too (docker-django-example)', async () => {
    const files = {
      'compose.yaml':
        'x-assets: &default-assets\n  build:\n    context: .\n  profiles: ["assets"]\n  volumes:\n    - ".:/app"\n\nservices:\n  web:\n    image: registry.example.com/web:1.0.0\n  js:\n    <<: *default-assets\n    command: "yarn run watch:js"\n',
    };
    const findings = await lintFiles(rules, files);
    expect(at(findings, 'compose.yaml').filter((f) => f.includes('source-bind-mount'))).toEqual([]);
  });
});
