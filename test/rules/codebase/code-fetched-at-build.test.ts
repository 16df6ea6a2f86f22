import rule from '../../../src/rules/codebase/code-fetched-at-build.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'code copied from the build context', files: { Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n' } },
    {
      name: 'third-party tool cloned at a fixed tag',
      files: { Dockerfile: 'FROM golang:1.22 AS tools\nRUN git clone --depth 1 --branch v1.17.0 https://github.com/golang-migrate/migrate.git /src \\\n && cd /src && go build ./cmd/migrate\n' },
    },
    {
      name: 'clone followed by a checkout of a commit',
      files: { Dockerfile: 'FROM alpine:3.20\nRUN git clone https://github.com/acme/lib.git /opt/lib && cd /opt/lib && git checkout 3f2c1e9a7b\n' },
    },
    {
      name: 'clone at a version held in a build argument',
      files: { Dockerfile: 'FROM alpine:3.20\nARG LIB_VERSION=1.2.0\nRUN git clone -b "$LIB_VERSION" https://github.com/acme/lib.git /opt/lib\n' },
    },
    {
      name: 'release binary downloads are dependencies, not source archives',
      files: {
        Dockerfile:
          'FROM debian:bookworm-slim\nRUN curl -fsSL https://github.com/krallin/tini/releases/download/v0.19.0/tini -o /tini\nRUN wget -qO- https://github.com/acme/cli/archive/v2.1.0.tar.gz | tar xz\nADD https://github.com/acme/cli/archive/refs/tags/v2.1.0.tar.gz /tmp/\n',
      },
    },
    {
      name: 'ADD of a git URL at a tag, and ADD with a checksum',
      files: { Dockerfile: 'FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.13.2 /buildkit\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://github.com/acme/app/archive/main.tar.gz /src.tgz\n' },
    },
    { name: 'git used for something other than clone', files: { Dockerfile: 'FROM alpine:3.20\nRUN git config --global url."https://".insteadOf git://\nRUN echo "git clone https://github.com/acme/app.git" > /README\n' } },
    { name: 'local path clone', files: { Dockerfile: 'FROM alpine:3.20\nCOPY . /src\nRUN git clone /src /app\n' } },
    { name: 'compose remote context pinned to a tag', files: { 'compose.yaml': 'services:\n  web:\n    build: https://github.com/acme/web.git#v1.4.2\n    image: acme/web:1.4.2\n' } },
  ],
  invalid: [
    {
      name: 'the app cloned from its default branch',
      files: { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /srv\nRUN apt-get update && apt-get install -y git \\\n && git clone https://github.com/acme/shop.git /srv/app\nCMD ["python", "/srv/app/main.py"]\n' },
      errors: [{ file: 'Dockerfile', line: 3, column: 1, messageId: 'clone', message: /https:\/\/github\.com\/acme\/shop\.git at its default branch/ }],
    },
    {
      name: 'clone of branch main with a token in the URL (not printed)',
      files: { Dockerfile: 'FROM node:20\nARG GITHUB_TOKEN\nRUN git clone --depth=1 -b main https://${GITHUB_TOKEN}@github.com/acme/api.git .\n' },
      errors: [{ file: 'Dockerfile', line: 3, messageId: 'clone', message: /https:\/\/\*\*\*@github\.com\/acme\/api\.git at branch "main"/ }],
    },
    {
      name: 'ADD of a branch archive, and of a git repository without a ref',
      files: { Dockerfile: 'FROM alpine:3.20\nADD https://github.com/acme/site/archive/refs/heads/master.tar.gz /tmp/site.tgz\nADD git@github.com:acme/theme.git /theme\n' },
      errors: [
        { file: 'Dockerfile', line: 2, messageId: 'addRemote', message: /branch "master"/ },
        { file: 'Dockerfile', line: 3, messageId: 'addRemote', message: /its default branch/ },
      ],
    },
    {
      name: 'curl of a branch tarball piped into tar',
      files: { 'docker/web.Dockerfile': 'FROM nginx:1.27\nRUN curl -sL https://github.com/acme/site/archive/main.tar.gz | tar xz -C /usr/share/nginx/html --strip-components=1\n' },
      errors: [{ file: 'docker/web.Dockerfile', line: 2, messageId: 'download', message: /branch "main"/ }],
    },
    {
      name: 'exec-form RUN through sh -c',
      files: { Dockerfile: 'FROM alpine:3.20\nRUN ["/bin/sh", "-c", "git clone https://gitlab.com/acme/app.git /app"]\n' },
      errors: [{ file: 'Dockerfile', line: 2, messageId: 'clone' }],
    },
    {
      name: 'compose service built from a remote repository without a ref',
      files: { 'docker-compose.yml': 'services:\n  web:\n    build:\n      context: https://github.com/acme/web.git\n    image: acme/web:latest\n' },
      errors: [{ file: 'docker-compose.yml', line: 4, column: 16, messageId: 'remoteContext', message: /Service "web" builds from https:\/\/github\.com\/acme\/web\.git at its default branch/ }],
    },
  ],
});
