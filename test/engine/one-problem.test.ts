import { describe, expect, it } from 'vitest';
import { allRules } from '../../src/rules/index.js';
import { auditFiles } from '../support/rule-tester.js';

const messagesOf = async (files: Record<string, string>) => (await auditFiles(allRules, files)).results.flatMap((r) => r.messages.map((m) => ({ ...m, filePath: r.filePath })));

describe('one problem, one finding', () => {
  it('container_name: one finding listing the concurrency and the Swarm concern', async () => {
    const messages = await messagesOf({ 'docker-stack.yml': 'services:\n  web:\n    image: acme/web:1.2.3\n    container_name: web\n' });
    const at4 = messages.filter((m) => m.line === 4);
    expect(at4).toHaveLength(1);
    expect(at4[0]).toMatchObject({ ruleId: 'concurrency/container-name', also: [{ ruleId: 'swarm/deprecated-option', factor: 'swarm' }] });
    expect(at4[0].message).toMatch(/docker compose can run only one container of it.*docker stack deploy ignores container_name/s);
  });

  it('links: one finding for the key, merged with the ignored option', async () => {
    const messages = await messagesOf({ 'docker-stack.yml': 'services:\n  web:\n    image: acme/web:1.2.3\n    links:\n      - db:database\n  db:\n    image: postgres:16.3\n' });
    const links = messages.filter((m) => m.line === 4 || m.line === 5);
    expect(links.map((m) => m.ruleId)).toEqual(['backing-services/compose-links']);
    expect(links[0].also).toEqual([{ ruleId: 'swarm/ignored-option', factor: 'swarm' }]);
  });

  it('`CMD npm start` in shell form: one finding that names /bin/sh and npm, without the half fix of the exec form', async () => {
    const messages = await messagesOf({
      Dockerfile: 'FROM node:20.11-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nENV PORT=3000\nEXPOSE 3000\nCMD npm start\n',
      'package.json': JSON.stringify({ name: 'x', private: true, scripts: { start: 'node server.js' } }),
      'package-lock.json': '{}',
      'server.js': 'require("http").createServer().listen(process.env.PORT);\n',
    });
    const cmd = messages.filter((m) => m.filePath === 'Dockerfile' && m.line === 7);
    expect(cmd.map((m) => m.ruleId)).toEqual(['disposability/package-manager-as-pid1']);
    expect(cmd[0].also).toEqual([{ ruleId: 'disposability/shell-form-command', factor: 'disposability' }]);
    expect(cmd[0].message).toMatch(/\/bin\/sh \(then npm\).*\["node", "server\.js"\]/);
    expect(cmd[0].message).not.toMatch(/\["npm", "start"\]/);
  });

  it('a step the image runs on its own is the image\'s finding, not also the service\'s that only passes arguments', async () => {
    const messages = await messagesOf({
      Dockerfile: 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nENTRYPOINT ["go", "run", "main.go"]\n',
      'docker-stack.yml': 'services:\n  app:\n    image: acme/app:1.2\n    build: .\n    command: ["serve", "--port", "8080"]\n',
      'main.go': 'package main\n',
    });
    const buildAtStart = messages.filter((m) => m.ruleId === 'build-release-run/build-at-start');
    expect(buildAtStart.map((m) => `${m.filePath}:${m.line}`)).toEqual(['Dockerfile:4']);
  });

  it('a service command that replaces the CMD is judged on its own (`--reload` added to the image\'s gunicorn)', async () => {
    const messages = await messagesOf({
      Dockerfile: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["gunicorn", "app:app"]\n',
      'requirements.txt': 'gunicorn==22.0.0\n',
      'docker-stack.yml': 'services:\n  app:\n    image: acme/app:1.2\n    build: .\n    command: ["gunicorn", "app:app", "--reload"]\n',
    });
    expect(messages.filter((m) => m.ruleId === 'build-release-run/dev-server-command').map((m) => `${m.filePath}:${m.line}`)).toEqual(['docker-stack.yml:5']);
  });

  it('a step of a start script that two images run is one finding', async () => {
    const messages = await messagesOf({
      'docker/default.Dockerfile': 'FROM python:3.12\nWORKDIR /etc/app\nCOPY bootstrap.sh ./\nCMD ["./bootstrap.sh"]\n',
      'docker/alpine.Dockerfile': 'FROM python:3.12-alpine\nWORKDIR /etc/app\nCOPY bootstrap.sh ./\nCMD ["./bootstrap.sh"]\n',
      'bootstrap.sh': '#!/bin/sh\npython manage.py migrate\nexec gunicorn app.wsgi\n',
    });
    expect(messages.filter((m) => m.ruleId === 'admin-processes/migration-in-start-command')).toHaveLength(1);
  });

  it('a key merged from one YAML anchor into several services is one finding naming them', async () => {
    const messages = await messagesOf({
      'docker-stack.yml': 'x-common: &common\n  image: acme/app:1.2.3\n  privileged: true\nservices:\n  web:\n    <<: *common\n  worker:\n    <<: *common\n  cron:\n    <<: *common\n',
    });
    const privileged = messages.filter((m) => m.ruleId === 'swarm/ignored-option');
    expect(privileged).toHaveLength(1);
    expect(privileged[0].line).toBe(3);
    expect(privileged[0].message).toMatch(/service "web".*also for services "worker", "cron"/);
  });

  it('different problems at one place stay separate', async () => {
    const messages = await messagesOf({
      Dockerfile: 'FROM node:20.11-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY dist ./dist\nCMD ["node", "dist/server.js"]\n',
      'package.json': JSON.stringify({ name: 'x', private: true, scripts: { migrate: 'node scripts/migrate.js', 'db:seed': 'ts-node src/db/seed.ts' }, dependencies: { pg: '8' } }),
      'package-lock.json': '{}',
      'scripts/migrate.js': 'x',
      'src/db/seed.ts': 'x',
    });
    expect(messages.filter((m) => m.ruleId === 'admin-processes/admin-script-not-in-image')).toHaveLength(2);
  });
});
