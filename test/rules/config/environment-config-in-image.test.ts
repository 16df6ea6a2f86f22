import rule from '../../../src/rules/config/environment-config-in-image.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'only development is set apart: staging and production get one image (docker-rails-example)',
      files: { Dockerfile: 'FROM ruby:3.3\nARG RAILS_ENV=production\nRUN if [ "${RAILS_ENV}" != "development" ]; then bin/rails assets:precompile; fi\n' },
    },
    { name: 'NODE_ENV set once, default config', files: { Dockerfile: 'FROM node:20-alpine\nENV NODE_ENV=production\nCOPY config/default.json ./config/\nCOPY . .\nCMD ["node", "server.js"]\n' } },
    { name: 'build-tool config for production builds', files: { Dockerfile: 'FROM node:20 AS build\nCOPY webpack.prod.js tsconfig.prod.json ./\nRUN npx webpack --config webpack.prod.js\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n' } },
    { name: 'production config in a build stage only', files: { Dockerfile: 'FROM node:20 AS build\nCOPY .env.production ./\nRUN npm run build\nFROM node:20-slim\nCOPY --from=build /app/.next ./.next\n' } },
    { name: 'copied from another stage', files: { Dockerfile: 'FROM alpine:3.20 AS cfg\nRUN touch /production.json\nFROM node:20-slim\nCOPY --from=cfg /production.json /app/config/production.json\n' } },
    { name: 'production-named scripts that are not config', files: { Dockerfile: 'FROM node:20-slim\nCOPY server.prod.js nginx/prod.conf ./\n' } },
    { name: 'branches on other variables', files: { Dockerfile: 'FROM debian:12\nARG TARGETARCH\nRUN if [ "$TARGETARCH" = "arm64" ]; then echo arm; fi\n' } },
    { name: 'Dockerfile for development', files: { 'Dockerfile.dev': 'FROM node:20\nCOPY config/production.json ./config/\n' } },
  ],
  invalid: [
    {
      name: 'production config file copied into the final image',
      files: { Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY config/production.json ./config/\nCOPY . .\n' },
      errors: [{ file: 'Dockerfile', line: 3, column: 1, messageId: 'copyFile', message: /COPY puts the per-environment config file config\/production\.json into the image/ }],
    },
    {
      name: '.env.production (defaults the environment still overrides: info) and Django prod settings',
      files: { 'api/Dockerfile': 'FROM python:3.12-slim\nCOPY .env.production /app/.env\nADD --chown=app:app app/settings/prod.py /app/app/settings/\n' },
      errors: [
        { file: 'api/Dockerfile', line: 2, messageId: 'copyDotenv', severity: 'info', message: /\.env\.production into the image as defaults for one environment: variables the deploy sets still win/ },
        { file: 'api/Dockerfile', line: 3, messageId: 'copyFile', message: /settings\/prod\.py/ },
      ],
    },
    {
      name: 'config file chosen by a build argument',
      files: { Dockerfile: 'FROM node:20-slim\nARG NODE_ENV=production\nCOPY config/${NODE_ENV}.json /app/config.json\n' },
      errors: [{ file: 'Dockerfile', line: 3, messageId: 'copyByVariable', message: /picks config\/\$\{NODE_ENV\}\.json by \$NODE_ENV/ }],
    },
    {
      name: 'RUN branching on the environment',
      files: { Dockerfile: 'FROM node:20\nARG NODE_ENV=production\nRUN if [ "$NODE_ENV" = "production" ]; \\\n    then npm ci --omit=dev; \\\n    else npm install; \\\n    fi\n' },
      errors: [{ file: 'Dockerfile', line: 3, column: 1, messageId: 'branch', message: /RUN branches on \$NODE_ENV \("if \[ "\$NODE_ENV" = "production" \]/ }],
    },
    {
      name: 'case on RAILS_ENV',
      files: { Dockerfile: 'FROM ruby:3.3\nRUN case "$RAILS_ENV" in production) bundle config set without development ;; esac\n' },
      errors: [{ file: 'Dockerfile', line: 2, messageId: 'branch', message: /\$RAILS_ENV/ }],
    },
  ],
});
