import rule from '../../../src/rules/processes/dockerfile-volume.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'VOLUME with single quotes is not JSON: Docker reads odd shell-form paths, nothing to judge (plane)', files: { Dockerfile: "FROM python:3.12\nVOLUME ['/app/data', '/app/logs']\nCMD [\"gunicorn\", \"app:app\"]\n" } },
    {
      name: 'a path the deployed compose file mounts explicitly',
      files: { Dockerfile: 'FROM node:20-slim\nCOPY . /app\nVOLUME /app/data\nCMD ["node", "/app/server.js"]\n', 'compose.yaml': 'services:\n  app:\n    image: acme/app:1.2\n    volumes:\n      - ./data:/app/data\n' },
    },
    { name: 'no VOLUME', files: { Dockerfile: 'FROM node:20-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]\n' } },
    { name: 'database image data directory', files: { Dockerfile: 'FROM postgres:16\nCOPY init.sql /docker-entrypoint-initdb.d/\nVOLUME /var/lib/postgresql/data\n' } },
    { name: 'stateful store built on MinIO', files: { 'storage/Dockerfile': 'FROM minio/minio:RELEASE.2024-06-13T22-53-53Z\nVOLUME ["/data"]\n' } },
    { name: 'scratch and logs', files: { Dockerfile: 'FROM eclipse-temurin:21-jre\nVOLUME /tmp\nVOLUME ["/var/log/app", "/var/cache/nginx"]\nVOLUME /app/node_modules /app/logs\nCOPY app.jar /app.jar\n' } },
    { name: 'VOLUME in a build stage the final image does not inherit', files: { Dockerfile: 'FROM node:20 AS build\nVOLUME /build/cache\nRUN npm ci\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n' } },
    { name: 'development Dockerfile', files: { 'Dockerfile.dev': 'FROM node:20\nVOLUME /app/data\n' } },
    { name: 'database image through a stage chain', files: { Dockerfile: 'FROM mariadb:11 AS base\nFROM base\nVOLUME /var/lib/mysql\n' } },
  ],
  invalid: [
    {
      name: 'app data volume',
      files: { Dockerfile: 'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nVOLUME /app/data\nCMD ["node", "server.js"]\n' },
      errors: [{ file: 'Dockerfile', line: 4, column: 1, messageId: 'volume', message: /VOLUME \/app\/data gives each container its own anonymous volume/ }],
    },
    {
      name: 'JSON form, scratch paths dropped from the message, inherited stage',
      files: { 'api/Dockerfile': 'FROM python:3.12-slim AS base\nVOLUME ["/srv/uploads", "/tmp"]\nFROM base AS run\nCMD ["gunicorn", "app:app"]\n' },
      errors: [{ file: 'api/Dockerfile', line: 2, messageId: 'volume', message: /^VOLUME \/srv\/uploads gives/ }],
    },
  ],
});
