import rule from '../../../src/rules/dependencies/unpinned-base-image.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'base chosen by a build argument whose default has no tag (CI passes a digest; outline/outline)', files: { Dockerfile: 'ARG BASE_IMAGE=outlinewiki/outline-base\nFROM ${BASE_IMAGE} AS base\n' } },
    {
      name: 'ARG default latest that the release build passes (lnbits: CI build-args LNBITS_TAG; a script --build-arg; compose build.args)',
      files: {
        'docker/sparkl2/Dockerfile': 'ARG LNBITS_TAG=latest\nFROM lnbits/lnbits:${LNBITS_TAG}\n',
        'docker/api/Dockerfile': 'ARG API_BASE=latest\nFROM acme/base:${API_BASE}\n',
        'docker/web/Dockerfile': 'ARG WEB_BASE=latest\nFROM acme/web-base:$WEB_BASE\n',
        '.github/workflows/docker.yml': 'jobs:\n  build:\n    steps:\n      - uses: docker/build-push-action@v5\n        with:\n          file: docker/sparkl2/Dockerfile\n          build-args: |\n            LNBITS_TAG=${{ inputs.tag }}\n',
        'scripts/build.sh': 'docker build --build-arg API_BASE="$VERSION" -f docker/api/Dockerfile .\n',
        'docker-compose.yml': 'services:\n  web:\n    image: acme/web:1\n    build:\n      context: docker/web\n      args:\n        WEB_BASE: "2.1"\n',
      },
    },
    {
      name: 'dockerfile-x INCLUDE: FROM names a stage of an included file (manyfold docker/*.dockerfile)',
      files: {
        'docker/manyfold.dockerfile': '# syntax = devthefuture/dockerfile-x\nINCLUDE docker/base.dockerfile\nINCLUDE docker/runtime.dockerfile\nFROM runtime AS manyfold\n',
        'docker/base.dockerfile': 'FROM ruby:3.4.1-alpine3.21 AS base\n',
        'docker/runtime.dockerfile': 'FROM base AS runtime\nCOPY . .\n',
      },
    },
    { name: 'fallback default without a tag', files: { Dockerfile: 'FROM ${BASE:-ubuntu}\n' } },
    { name: 'version tag', files: { Dockerfile: 'FROM node:20.11-bookworm-slim\nCMD ["node", "server.js"]\n' } },
    { name: 'digest', files: { Dockerfile: 'FROM node@sha256:2b3a1c1bc9a4a79c3a46a2e8a9fd0ca3b8d8c0fe2b5f1e5c7a8fbe9d3c0a1b2c\n' } },
    { name: 'registry with a port and a tag', files: { Dockerfile: 'FROM registry.example.com:5000/base/python:3.12-slim\n' } },
    { name: 'scratch and an earlier stage', files: { Dockerfile: 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nFROM build AS test\n' } },
    { name: 'stage named in another case', files: { Dockerfile: 'FROM node:20 AS Builder\nFROM builder\n' } },
    { name: 'global ARG default with a tag', files: { Dockerfile: 'ARG NODE_VERSION=20.11\nFROM node:${NODE_VERSION}-alpine\n' } },
    { name: 'image from an ARG without default (decided at build time)', files: { Dockerfile: 'ARG BASE_IMAGE\nFROM $BASE_IMAGE\n' } },
    { name: 'registry from an ARG without default', files: { Dockerfile: 'ARG REGISTRY\nFROM ${REGISTRY}/python:3.12\nFROM ${REGISTRY}/tools\n' } },
    { name: 'platform flag', files: { Dockerfile: 'FROM --platform=$BUILDPLATFORM node:20-alpine AS build\n' } },
  ],
  invalid: [
    {
      name: 'latest tag',
      files: { Dockerfile: 'FROM node:latest\nCMD ["node", "server.js"]\n' },
      errors: [{ file: 'Dockerfile', line: 1, column: 6, messageId: 'latest', message: /"node:latest" uses the mutable tag "latest"/ }],
    },
    {
      name: 'no tag, in a later stage',
      files: { 'api/Dockerfile': 'FROM golang:1.22 AS build\nRUN go build -o /app .\nFROM alpine\nCOPY --from=build /app /app\n' },
      errors: [{ file: 'api/Dockerfile', line: 3, column: 6, messageId: 'untagged', message: /"alpine" has no tag/ }],
    },
    {
      name: 'ARG default that resolves to latest',
      files: { 'Dockerfile.prod': 'ARG PY=python:latest\nFROM ${PY} AS base\n' },
      errors: [{ file: 'Dockerfile.prod', line: 2, messageId: 'latest' }],
    },
  ],
});
