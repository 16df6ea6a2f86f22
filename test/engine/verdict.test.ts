import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { allRules } from '../../src/rules/index.js';
import { auditFiles, writeProject } from '../support/rule-tester.js';
import { runCli, runJson } from '../support/cli.js';

const UNDEPLOYABLE = { 'docker-stack.yml': 'services:\n  web:\n    build: .\n' };

describe('the verdict is a prediction: configuration changes what is reported, not what is predicted', () => {
  it('a blocker whose rule is off stays a blocker, marked not reported, and still fails the run', async () => {
    const dir = writeProject(UNDEPLOYABLE);
    const r = await runJson(['.', '--rule', 'swarm/build-without-image:off'], dir);
    expect(r.code).toBe(1);
    expect(r.json.summary.swarm.verdict).toBe('not-deployable');
    expect(r.json.summary.swarm.blockers).toEqual([expect.objectContaining({ ruleId: 'swarm/build-without-image', reported: false, blocker: 'rejected' })]);
    const text = (await runCli(['.', '--rule', 'swarm/build-without-image:off'], dir)).stdout;
    expect(text).toContain('not deployable: docker stack deploy rejects');
    expect(text).toContain('[turned off or suppressed, still a blocker]');
  });

  it('a twelvelint-disable-file comment hides the finding, not the blocker', async () => {
    const dir = writeProject({ 'docker-stack.yml': '# twelvelint-disable-file\nservices:\n  web:\n    build: .\n' });
    const r = await runJson(['.'], dir);
    const stack = r.json.results.filter((f: { filePath: string }) => f.filePath === 'docker-stack.yml');
    expect(stack.flatMap((f: { messages: unknown[] }) => f.messages)).toEqual([]);
    // Kept as suppressed (SARIF reports it with a suppression), still not a finding to act on.
    expect(stack.flatMap((f: { suppressedMessages: { ruleId: string }[] }) => f.suppressedMessages.map((m) => m.ruleId))).toContain('swarm/build-without-image');
    expect(r.json.summary.swarm.verdict).toBe('not-deployable');
    expect(r.code).toBe(1);
  });

  it('--fail-on-verdict never lets the run pass and says the verdict is not gating', async () => {
    const dir = writeProject(UNDEPLOYABLE);
    const r = await runCli(['.', '--rule', 'swarm/build-without-image:off', '--fail-on-verdict', 'never'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('not gating');
  });

  it('a blocker that only bites with replicas is not worded as a rejection', async () => {
    const result = await auditFiles(allRules, {
      Dockerfile: 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      'docker-stack.yml': 'services:\n  web:\n    image: acme/web:1.2.3\n    deploy:\n      replicas: 2\n',
      'server.js': "const session = require('express-session');\nconst app = require('express')();\napp.use(session({ secret: process.env.SESSION_SECRET }));\napp.listen(3000);\n",
      'package.json': JSON.stringify({ name: 'web', private: true, dependencies: { express: '4.19.2', 'express-session': '1.18.0' } }),
      'package-lock.json': '{}',
    });
    expect(result.summary.swarm.verdict).toBe('not-deployable');
    expect(result.summary.swarm.blockers.filter((b) => b.kind === 'blocker').map((b) => b.blocker)).toContain('replicas');
    expect(result.summary.swarm.blockers.some((b) => b.blocker === 'rejected')).toBe(false);
  });
});

describe('the deployed file speaks for the project', () => {
  it('a stack file, not the root development compose file or a CI file', async () => {
    const result = await auditFiles(allRules, {
      'docker-compose.yml': 'services:\n  web:\n    build: .\n    container_name: web\n',
      'docker-compose.ci.yml': 'services:\n  tests:\n    build: .\n',
      'docker-stack.yml': 'services:\n  web:\n    image: acme/web:1.2.3\n',
    });
    expect(result.summary.swarm.verdictFrom).toEqual(['docker-stack.yml']);
    expect(result.summary.swarm.via).toBe('docker-stack.yml');
    expect(result.summary.swarm.files.find((f) => f.filePath === 'docker-compose.ci.yml')).toMatchObject({ deployed: false, verdict: 'not-deployable' });
    expect(result.summary.swarm.verdict).not.toBe('not-deployable');
  });

  it('--stack names the file', async () => {
    const dir = writeProject({ 'compose.yaml': 'services:\n  web:\n    image: acme/web:1.2.3\n', 'deploy/swarm.yml': 'services:\n  web:\n    build: .\n' });
    const r = await runJson(['.', '--stack', 'deploy/swarm.yml'], dir);
    expect(r.json.summary.swarm.verdictFrom).toEqual(['deploy/swarm.yml']);
    expect(r.json.summary.swarm.verdict).toBe('not-deployable');
  });

  it('the config file names it too', async () => {
    const dir = writeProject({ '.twelvelintrc.json': JSON.stringify({ stack: 'compose.yaml' }), 'compose.yaml': 'services:\n  web:\n    image: acme/web:1.2.3\n', 'docker-stack.yml': 'services:\n  web:\n    build: .\n' });
    expect((await runJson(['.'], dir)).json.summary.swarm.verdictFrom).toEqual(['compose.yaml']);
  });
});

describe('the score tells projects apart and never passes what was not read', () => {
  it('is not capped by the verdict: readiness and verdict stand side by side', async () => {
    const result = await auditFiles(allRules, UNDEPLOYABLE);
    expect(result.summary.swarm.verdict).toBe('not-deployable');
    expect(result.summary.score).toBeGreaterThan(59);
  });

  it('differs between projects with different problems', async () => {
    const a = await auditFiles(allRules, { Dockerfile: 'FROM node:latest\nCMD npm start\n', 'package.json': '{"name":"a","dependencies":{"express":"^4"}}' });
    const b = await auditFiles(allRules, { Dockerfile: 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n', 'server.js': 'x', 'package.json': '{"name":"b","private":true,"dependencies":{"express":"4.19.2"}}', 'package-lock.json': '{}' });
    expect(a.summary.score).not.toBe(b.summary.score);
  });

  it('Python code is read by some rules only (config, logs, processes): Config is assessed, factors with no Python reader are not-assessed, not "100 pass"', async () => {
    const result = await auditFiles(allRules, {
      Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
      'requirements.txt': 'flask==3.0.3\ngunicorn==22.0.0\n',
      'app.py': 'from flask import Flask\napp = Flask(__name__)\n',
    });
    for (const id of ['concurrency', 'disposability']) {
      const f = result.factors.find((x) => x.id === id)!;
      expect(f.status, id).toBe('not-assessed');
      expect(f.coverage).toMatch(/Python source is not analysed/);
    }
    const config = result.factors.find((x) => x.id === 'config')!;
    expect(config.status).not.toBe('not-assessed');
    expect(config.coverage).toBeUndefined();
    expect(result.summary.assessedFactors).toBeLessThan(12);
  });

  it('C# and Rust services are named as not analysed too (by their files or their official images)', async () => {
    const result = await auditFiles(allRules, {
      'cart/Dockerfile': 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nCOPY . .\nRUN dotnet publish -o /out\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /out /app\nENTRYPOINT ["dotnet", "/app/cart.dll"]\n',
      'cart/Program.cs': 'var app = WebApplication.Create(args);\napp.Run();\n',
      'edge/Dockerfile': 'FROM rust:1.80\nCOPY . .\nRUN cargo build --release\nCMD ["./target/release/edge"]\n',
      'edge/src/main.rs': 'fn main() {}\n',
    });
    expect(result.factors.find((x) => x.id === 'config')?.coverage).toBe('C# and Rust source is not analysed yet');
  });

  it('Java is read by the config rules, Kotlin (same language tag, no grammar loaded) is not', async () => {
    const image = 'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n';
    const java = await auditFiles(allRules, { Dockerfile: image, 'src/main/java/app/App.java': 'package app;\nclass App { String u = System.getenv("DB_URL"); }\n' });
    expect(java.factors.find((x) => x.id === 'config')?.coverage).toBeUndefined();
    const kotlin = await auditFiles(allRules, { Dockerfile: image, 'src/main/kotlin/app/App.kt': 'package app\nfun main() { println(System.getenv("DB_URL")) }\n' });
    expect(kotlin.factors.find((x) => x.id === 'config')?.coverage).toBe('Java/Kotlin source is not analysed yet');
  });

  it('an empty directory or a lone README is nothing to audit: exit 2', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'tl-empty-'));
    const r = await runCli(['.'], empty);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Nothing to audit/);
    writeFileSync(path.join(empty, 'README.md'), '# hello\n');
    expect((await runCli(['.'], empty)).code).toBe(2);
  });
});

describe('several paths', () => {
  it('of different repositories are separate projects: one blocker is not hidden behind another stack', async () => {
    const a = writeProject(UNDEPLOYABLE, { git: true });
    const b = writeProject({ 'docker-stack.yml': 'services:\n  web:\n    image: acme/web:1.2.3\n' }, { git: true });
    const r = await runJson([a, b], tmpdir());
    expect(Array.isArray(r.json)).toBe(true);
    expect(r.json.map((x: { summary: { swarm: { verdict: string } } }) => x.summary.swarm.verdict)).toEqual(['not-deployable', expect.stringMatching(/^ready/)]);
    expect(r.code).toBe(1);
  });
});

describe('restart: always is converted, not degraded', () => {
  it('is an info with no Swarm impact: the stack is ready', async () => {
    const result = await auditFiles(allRules, { 'docker-stack.yml': 'services:\n  web:\n    image: acme/web:1.2.3\n    restart: always\n    deploy:\n      replicas: 2\n' });
    const restart = result.results.flatMap((r) => r.messages).find((m) => m.ruleId === 'swarm/ignored-option');
    expect(restart).toMatchObject({ level: 'info', swarm: 'none', messageId: 'restartConverted' });
    expect(result.summary.swarm.verdict).toBe('ready');
  });
});
