import rule from '../../../src/rules/dev-prod-parity/base-image-drift.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'same major in both', files: { Dockerfile: 'FROM node:20-alpine\nCMD ["npm", "run", "dev"]\n', 'Dockerfile.prod': 'FROM node:20.11-alpine\nCMD ["node", "server.js"]\n' } },
    { name: 'node minor differences do not count', files: { Dockerfile: 'FROM node:20.10\n', 'Dockerfile.prod': 'FROM node:20.12\n' } },
    { name: 'different programs in one folder (worker, docs)', files: { 'Dockerfile.web': 'FROM python:3.12\n', 'Dockerfile.docs': 'FROM python:3.10\n' } },
    { name: 'different apps in sibling folders', files: { 'api/Dockerfile': 'FROM node:18\n', 'web/Dockerfile': 'FROM node:20\n' } },
    { name: 'build and runtime stages in one file', files: { Dockerfile: 'FROM node:18 AS build\nRUN npm ci\nFROM node:20-slim\nCOPY --from=build /app /app\n' } },
    { name: 'tags without a version', files: { Dockerfile: 'FROM python:slim\n', 'Dockerfile.prod': 'FROM python:3.12-slim\n' } },
    {
      name: 'prod file uses the dev version in its build stage too',
      files: { Dockerfile: 'FROM node:20\n', 'Dockerfile.prod': 'FROM node:20 AS build\nRUN npm ci\nFROM node:20-alpine\n' },
    },
  ],
  invalid: [
    {
      name: 'node 18 in Dockerfile, 20 in Dockerfile.prod',
      files: { Dockerfile: 'FROM node:18-alpine\nWORKDIR /app\nCMD ["npm", "run", "dev"]\n', 'Dockerfile.prod': 'FROM node:20-alpine AS build\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n' },
      errors: [{ file: 'Dockerfile.prod', line: 1, column: 1, messageId: 'drift', message: /Dockerfile.prod builds on node:20-alpine but Dockerfile uses node:18-alpine/ }],
    },
    {
      name: 'python minor versions, dev.Dockerfile and prod.Dockerfile',
      files: { 'dev.Dockerfile': 'FROM python:3.11-slim\n', 'prod.Dockerfile': 'ARG PY=3.12\nFROM python:${PY}-slim\n' },
      errors: [{ file: 'prod.Dockerfile', line: 2, message: /python:3.12-slim but dev.Dockerfile uses python:3.11-slim/ }],
    },
    {
      name: 'docker/dev and docker/prod folders',
      files: { 'docker/dev/Dockerfile': 'FROM golang:1.21\n', 'docker/prod/Dockerfile': 'FROM golang:1.22-alpine AS build\nFROM gcr.io/distroless/static\n' },
      errors: [{ file: 'docker/prod/Dockerfile', line: 1, message: /golang:1.22-alpine but docker\/dev\/Dockerfile uses golang:1.21/ }],
    },
  ],
});
