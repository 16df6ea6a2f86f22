import rule from '../../../src/rules/dependencies/install-without-lockfile.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'pinned and scoped packages', files: { Dockerfile: 'FROM node:20.11-slim\nRUN pnpm add sharp@0.33.4 @nestjs/cli@10.4.2 && yarn global add serve@14.2.3 && npm i -g ./tools/cli.tgz\n' } },
    { name: 'a stage the released image neither builds from nor copies from (a CI check)', files: { Dockerfile: 'FROM golang:1.22 AS lint\nRUN go get -d -v ./...\nFROM php:8.3-fpm\nRUN composer install --no-dev\n' } },
    { name: 'flags from an ARG are read as the shell expands them (ARG UV_OPTIONS="--frozen")', files: { Dockerfile: 'FROM python:3.12\nARG UV_OPTIONS="--frozen --no-dev"\nRUN uv sync $UV_OPTIONS\nRUN uv sync ${UV_OPTIONS}\n' } },
    { name: 'a heredoc given to another program is data, not commands', files: { Dockerfile: 'FROM node:20\nRUN cat <<EOF > /etc/app/README\nnpm install foo\nEOF\nRUN npm ci\n' } },
    { name: 'npm ci', files: { Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci --omit=dev\n' } },
    { name: 'global tools and named packages', files: { Dockerfile: 'FROM node:20-alpine\nRUN npm install -g pm2@5.3.1 && npm i --global npm@10\nRUN npm install --no-save sharp@0.33.4\n' } },
    { name: 'frozen Yarn, pnpm and Bun installs', files: { Dockerfile: 'FROM node:20\nRUN yarn install --frozen-lockfile --production\nRUN yarn install --immutable\nRUN pnpm install --frozen-lockfile --prod\nRUN pnpm fetch --prod && pnpm install -r --offline --prod\nRUN bun install --frozen-lockfile\n' } },
    { name: 'Yarn 2 with immutable installs from the environment', files: { Dockerfile: 'FROM node:20\nENV YARN_ENABLE_IMMUTABLE_INSTALLS=true\nRUN yarn install\n' } },
    { name: 'yarn scripts are not installs', files: { Dockerfile: 'FROM node:20\nRUN yarn build && yarn global add serve@14\n' } },
    {
      name: 'pip from requirements, pinned packages and tool upgrades',
      files: {
        Dockerfile:
          'FROM python:3.12-slim\nRUN pip install --no-cache-dir --upgrade pip setuptools wheel\nRUN pip install -r requirements.txt\nRUN python -m pip install gunicorn==22.0.0 "uvicorn[standard]==0.30.1"\nRUN pip install --no-deps . && pip install /wheels/*.whl\nRUN pip install -c constraints.txt celery redis\nRUN pip install "$EXTRA_PACKAGES"\n',
      },
    },
    { name: 'pipenv deploy, uv locked, go mod download', files: { Dockerfile: 'FROM python:3.12\nRUN pipenv install --system --deploy\nRUN uv sync --frozen --no-install-project\nFROM golang:1.22\nRUN go mod download && go install github.com/air-verse/air@v1.52.3\nRUN go get github.com/swaggo/swag/cmd/swag@v1.16.3\n' } },
    { name: 'uv pip with its own value options (paperless-ngx: --python-preference system, --index URL, --requirements FILE)', files: { Dockerfile: 'FROM python:3.12\nRUN uv export --no-dev --format requirements-txt --output-file requirements.txt \\\n  && uv pip install --no-cache --system --python-preference system --index https://pypi.org/simple --index-strategy unsafe-best-match --requirements requirements.txt\n' } },
    { name: 'pnpm --filter names a workspace, not a package (hoppscotch)', files: { Dockerfile: 'FROM node:22\nCOPY . .\nRUN pnpm i --frozen-lockfile --filter hoppscotch-backend\nRUN pnpm install --frozen-lockfile -F web --prod\n', 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n", 'package.json': '{"name":"x"}' } },
    { name: 'uv frozen from the environment', files: { Dockerfile: 'FROM python:3.12\nENV UV_LOCKED=1\nRUN uv sync --no-dev\n' } },
    { name: 'install words inside an echo', files: { Dockerfile: 'FROM node:20\nRUN echo "run npm install first" > /README\n' } },
    { name: 'dev stage the final image is not built from', files: { Dockerfile: 'FROM python:3.12 AS base\nRUN pip install -r requirements.txt\nFROM base AS dev\nRUN pip install watchdog\nFROM base AS final\nCMD ["gunicorn", "app:app"]\n' } },
    {
      name: 'no lockfile in the build context to enforce (dependencies/missing-lockfile says so): uv sync, npm install, yarn',
      files: { Dockerfile: 'FROM python:3.12\nRUN uv sync\nFROM node:20\nRUN npm install && yarn install\n', 'pyproject.toml': '[project]\nname = "x"\n', 'package.json': '{}', 'other/uv.lock': '' },
    },
    { name: 'Dockerfile for development', files: { 'Dockerfile.dev': 'FROM node:20\nCOPY package.json ./\nRUN npm install\n' } },
  ],
  invalid: [
    {
      name: 'unpinned installs: pnpm add x, npm i -g npm@latest, yarn global add x, pip wheel x',
      files: { Dockerfile: 'FROM node:20.11-slim\nRUN pnpm add sharp\nRUN npm i -g npm@latest\nRUN yarn global add @nestjs/cli\nFROM python:3.12-slim\nRUN pip wheel uwsgi\nCOPY --from=0 /usr/local/bin/node /usr/local/bin/\n' },
      errors: [
        { file: 'Dockerfile', line: 2, messageId: 'jsUnpinned', message: /sharp/ },
        { file: 'Dockerfile', line: 3, messageId: 'jsUnpinned', message: /npm@latest.*pin it \(npm@x\.y\.z\)/ },
        { file: 'Dockerfile', line: 4, messageId: 'jsUnpinned', message: /@nestjs\/cli/ },
        { file: 'Dockerfile', line: 6, messageId: 'pipUnpinned', message: /uwsgi/ },
      ],
    },
    {
      name: 'RUN <<EOF runs the heredoc as a script',
      files: { Dockerfile: 'FROM node:20\nRUN <<EOF\nset -e\nnpm install\nEOF\n', 'package-lock.json': '{}' },
      errors: [{ file: 'Dockerfile', line: 2, messageId: 'npmInstall' }],
    },
    {
      name: 'an ARG whose default lacks the lock flag',
      files: { Dockerfile: 'FROM python:3.12\nARG UV_OPTIONS="--no-dev"\nRUN uv sync $UV_OPTIONS\n', 'uv.lock': '' },
      errors: [{ file: 'Dockerfile', line: 3, messageId: 'uvSync' }],
    },
    {
      name: 'npm install after copying only package.json',
      files: { Dockerfile: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package.json ./\nRUN npm install --production\nCOPY . .\n', 'package-lock.json': '{}' },
      errors: [{ file: 'Dockerfile', line: 4, column: 1, messageId: 'npmInstall', message: /RUN npm install --production does not enforce package-lock\.json/ }],
    },
    {
      name: 'npm i in a chained RUN with cd and an env prefix',
      files: { 'web/Dockerfile': 'FROM node:20 AS build\nCOPY . /src\nRUN cd /src \\\n && NODE_ENV=development npm i \\\n && npm run build\n', 'web/package-lock.json': '{}' },
      errors: [{ file: 'web/Dockerfile', line: 3, messageId: 'npmInstall' }],
    },
    {
      name: 'bare yarn and pnpm install',
      files: { Dockerfile: 'FROM node:20\nRUN yarn\nRUN pnpm install --prod\n', 'yarn.lock': '', 'pnpm-lock.yaml': '' },
      errors: [
        { file: 'Dockerfile', line: 2, messageId: 'lockFlag', message: /yarn\.lock.*--frozen-lockfile \(Yarn 1\) or --immutable/ },
        { file: 'Dockerfile', line: 3, messageId: 'lockFlag', message: /pnpm-lock\.yaml/ },
      ],
    },
    {
      name: 'unpinned pip packages next to a requirements file',
      files: { Dockerfile: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt gunicorn "uvicorn[standard]"\n' },
      errors: [{ file: 'Dockerfile', line: 2, messageId: 'pipUnpinned', message: /pip install gunicorn uvicorn\[standard\] installs without a version.*gunicorn==x\.y\.z/ }],
    },
    {
      name: 'go get and update commands',
      files: { Dockerfile: 'FROM golang:1.22 AS tools\nRUN go get -d -v ./...\nFROM php:8.3-fpm\nRUN composer update --no-dev\nCOPY --from=tools /go/bin/ /usr/local/bin/\n' },
      errors: [
        { file: 'Dockerfile', line: 2, messageId: 'goGet' },
        { file: 'Dockerfile', line: 4, messageId: 'update', message: /composer install/ },
      ],
    },
    {
      name: 'pipenv install and uv sync without lock enforcement',
      files: { Dockerfile: 'FROM python:3.12\nRUN pipenv install --system\nRUN uv sync --no-dev\n', 'Pipfile.lock': '{}', 'uv.lock': '' },
      errors: [
        { file: 'Dockerfile', line: 2, messageId: 'pipenvInstall' },
        { file: 'Dockerfile', line: 3, messageId: 'uvSync' },
      ],
    },
    {
      name: 'exec-form RUN',
      files: { Dockerfile: 'FROM node:20\nRUN ["npm", "install"]\n', 'package-lock.json': '{}' },
      errors: [{ file: 'Dockerfile', line: 2, messageId: 'npmInstall' }],
    },
  ],
});
