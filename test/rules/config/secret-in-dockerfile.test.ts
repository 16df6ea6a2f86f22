import rule from '../../../src/rules/config/secret-in-dockerfile.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: "nginx's uwsgi_pass names an upstream (DefectDojo DD_UWSGI_PASS)", files: { Dockerfile: 'FROM nginx:1.27\nENV DD_UWSGI_PASS="uwsgi_server" \\\n    DD_UWSGI_HOST="uwsgi"\n' } },
    { name: "a well-known default (the image's own admin/admin), not a secret (swarmprom grafana)", files: { Dockerfile: 'FROM grafana/grafana:5.3.4\nENV GF_SECURITY_ADMIN_PASSWORD=admin \\\n    GF_SECURITY_ADMIN_USER=admin\n' } },
    { name: 'non-secret ENV', files: { Dockerfile: 'FROM node:20\nENV NODE_ENV=production PORT=3000\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\n' } },
    { name: 'ARG without a default', files: { Dockerfile: 'FROM node:20\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n' } },
    { name: 'file pointers and references', files: { Dockerfile: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password\nENV SECRET_KEY_BASE=${SECRET_KEY_BASE}\nARG API_TOKEN=""\n' } },
    { name: 'placeholders', files: { Dockerfile: 'FROM python:3.12\nENV DJANGO_SECRET_KEY=changeme\nENV API_KEY=<your-api-key>\n' } },
    { name: 'secret-looking names that are settings', files: { Dockerfile: 'FROM node:20\nENV JWT_EXPIRES_IN=3600 TOKEN_TTL=300 PASSWORD_MIN_LENGTH=12\n' } },
  ],
  invalid: [
    {
      name: 'ENV with a literal password',
      files: { Dockerfile: 'FROM node:20\nENV DATABASE_PASSWORD=s3cr3t-passw0rd\n' },
      errors: [{ file: 'Dockerfile', line: 2, column: 1, messageId: 'secret', message: /ENV DATABASE_PASSWORD bakes a secret into the image \(s3\*{8} \(15 chars\)\)/ }],
    },
    {
      name: 'legacy ENV form and ARG default',
      files: { 'api/Dockerfile': 'FROM python:3.12\nENV MYSQL_ROOT_PASSWORD hunter2hunter2\nARG GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n' },
      errors: [
        { file: 'api/Dockerfile', line: 2, messageId: 'secret', message: /ENV MYSQL_ROOT_PASSWORD/ },
        { file: 'api/Dockerfile', line: 3, messageId: 'secret', message: /ARG GITHUB_TOKEN .*gh\*{8} \(40 chars\)/ },
      ],
    },
    {
      name: 'one of several pairs, quoted',
      files: { Dockerfile: 'FROM ruby:3.3\nENV RAILS_ENV=production SECRET_KEY_BASE="9f8e7d6c5b4a39281706f5e4d3c2b1a0"\n' },
      errors: [{ file: 'Dockerfile', line: 2, messageId: 'secret', message: /SECRET_KEY_BASE/ }],
    },
    {
      name: 'ENV in a build stage that the final image does not inherit',
      files: { Dockerfile: 'FROM node:20 AS build\nENV NPM_TOKEN=npm_abcdefghijklmnop1234\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n' },
      errors: [{ file: 'Dockerfile', line: 2, messageId: 'secretInBuildStage', message: /in build stage build/ }],
    },
  ],
});
