import { describe, expect, it } from 'vitest';
import { discoverMemory } from '../../src/project/discover.js';
import { loadProject } from '../../src/project/load.js';
import { memoryReader } from '../../src/project/reader.js';

type Files = Record<string, string>;
const LANGUAGES = ['js', 'python', 'go', 'ruby', 'php', 'java'] as const;

/** The languages the project's release images run, as runsLanguage answers for each. */
async function runs(files: Files): Promise<string[]> {
  const { project } = await loadProject(discoverMemory(files), { needs: new Set(['dockerfile', 'compose']), deployEnv: new Map(), reader: memoryReader(files) });
  return LANGUAGES.filter((l) => project.facts.runsLanguage(l));
}

describe('runsLanguage: what the release images run', () => {
  it.each<[string, Files, string[]]>([
    ['a PHP image', { Dockerfile: 'FROM php:8.3-fpm-alpine\nRUN apk add --no-cache nginx\nCOPY . /var/www/html\nCMD ["php-fpm"]\n' }, ['php']],
    ['a Go binary on distroless: Go is compiled in the builder it copies from', { Dockerfile: 'FROM golang:1.23 AS build\nRUN go build -o /app ./cmd/server\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n' }, ['go']],
    ['alpine that installs Python', { Dockerfile: 'FROM alpine:3.20\nRUN apk add --no-cache python3 py3-pip\nCOPY . /app\nCMD ["python3", "/app/main.py"]\n' }, ['python']],
    ['a Python app with a Node stage building its assets', { Dockerfile: 'FROM node:22 AS assets\nRUN npm ci && npm run build\nFROM python:3.12-slim\nCOPY --from=assets /app/static /app/static\nCMD ["gunicorn", "app:app"]\n' }, ['js', 'python']],
    ['a Java jar on a temurin JRE', { Dockerfile: 'FROM maven:3-eclipse-temurin-21 AS build\nRUN mvn -q package\nFROM eclipse-temurin:21-jre\nCOPY --from=build /app/target/app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n' }, ['java']],
    ['a dev Dockerfile does not count', { Dockerfile: 'FROM ruby:3.3\nCMD ["bundle", "exec", "puma"]\n', 'Dockerfile.dev': 'FROM python:3.12\n' }, ['ruby']],
  ])('%s', async (_name, files, expected) => {
    expect(await runs(files)).toEqual(expected);
  });

  it.each<[string, Files]>([
    ['no Dockerfile: the code may ship another way', { 'docker-compose.yml': 'services:\n  web:\n    image: acme/web:1\n' }],
    ['a base image it cannot place', { Dockerfile: 'FROM acme/platform-base:4\nCOPY . /app\n' }],
    ['a base image from a build argument', { Dockerfile: 'ARG BASE\nFROM ${BASE}\nCOPY . /app\n' }],
  ])('cannot tell, so every language may run: %s', async (_name, files) => {
    expect(await runs(files)).toEqual([...LANGUAGES]);
  });
});
