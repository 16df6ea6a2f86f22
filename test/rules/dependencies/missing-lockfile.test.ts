import rule from '../../../src/rules/dependencies/missing-lockfile.js';
import { ruleTester } from '../../support/rule-tester.js';

const pkg = '{\n  "name": "shop",\n  "private": true,\n  "scripts": { "start": "node server.js" },\n  "dependencies": {\n    "express": "^4.19.2"\n  }\n}\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a sub-folder package.json no released image installs (a styles build in a Python app)',
      files: {
        Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY app /app/app\nCMD ["python", "-m", "app"]\n',
        'requirements.txt': 'flask==3.0.3\n',
        'app/static/styles/package.json': JSON.stringify({ name: 'styles', devDependencies: { sass: '^1.77.0' } }),
        'docs/package.json': JSON.stringify({ name: 'docs', dependencies: { '@redocly/cli': '^1.0.0' } }),
      },
    },
    { name: 'package.json with package-lock.json', files: { 'package.json': pkg, 'package-lock.json': '{}\n' } },
    { name: 'package.json with yarn.lock', files: { 'package.json': pkg, 'yarn.lock': '# yarn lockfile v1\n' } },
    { name: 'workspace member with the lockfile at the root', files: { 'package.json': '{ "private": true, "workspaces": ["packages/*"] }\n', 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n", 'packages/api/package.json': pkg } },
    { name: 'package.json without dependencies', files: { 'package.json': '{ "name": "x", "scripts": { "test": "node --test" } }\n' } },
    {
      name: 'published library',
      files: { 'package.json': '{ "name": "@acme/util", "version": "1.0.0", "exports": "./index.js", "files": ["index.js"], "dependencies": { "ms": "^2.1.3" } }\n' },
    },
    { name: 'poetry with poetry.lock', files: { 'pyproject.toml': '[tool.poetry]\nname = "app"\n\n[tool.poetry.dependencies]\npython = "^3.12"\nfastapi = "^0.111"\n', 'poetry.lock': '# lock\n' } },
    { name: 'poetry with only python declared', files: { 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.12"\n' } },
    { name: 'plain PEP 621 project (lock strategy unknown)', files: { 'pyproject.toml': '[project]\nname = "lib"\ndependencies = ["requests>=2"]\n' } },
    { name: 'uv project with uv.lock', files: { 'backend/pyproject.toml': '[project]\nname = "app"\ndependencies = ["fastapi[standard]<1.0.0,>=0.114.2"]\n\n[tool.uv]\ndev-dependencies = ["pytest"]\n', 'backend/uv.lock': 'version = 1\n' } },
    { name: 'poetry project exported to requirements.txt', files: { 'pyproject.toml': '[tool.poetry.dependencies]\ndjango = "^5"\n', 'requirements.txt': 'django==5.0.6\n' } },
    { name: 'go.mod with go.sum', files: { 'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire github.com/go-chi/chi/v5 v5.0.12\n', 'go.sum': 'github.com/go-chi/chi/v5 v5.0.12 h1:x\n' } },
    { name: 'go.mod without requirements', files: { 'go.mod': 'module example.com/app\n\ngo 1.22\n' } },
    { name: 'a gem', files: { Gemfile: "source 'https://rubygems.org'\ngemspec\ngem 'rake'\n", 'acme.gemspec': 'Gem::Specification.new\n' } },
    { name: 'composer library', files: { 'composer.json': '{ "name": "acme/lib", "type": "library", "require": { "php": ">=8.1", "psr/log": "^3.0" } }\n' } },
    { name: 'Cargo library crate', files: { 'Cargo.toml': '[package]\nname = "lib"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1"\n', 'src/lib.rs': '' } },
    { name: 'Cargo binary in a workspace with the lock at the root', files: { 'Cargo.toml': '[workspace]\nmembers = ["app"]\n', 'Cargo.lock': '# lock\n', 'app/Cargo.toml': '[package]\nname = "app"\n\n[dependencies]\ntokio = "1"\n', 'app/src/main.rs': 'fn main() {}\n' } },
    { name: 'test fixture and example manifests', files: { 'test/fixtures/app/package.json': pkg, 'examples/express/package.json': pkg } },
  ],
  invalid: [
    {
      name: 'a sub-folder package.json a released image installs',
      files: {
        Dockerfile: 'FROM node:20.11-slim\nWORKDIR /srv\nCOPY web/package.json web/\nRUN cd web && npm install\nCOPY web web\nCMD ["node", "web/server.js"]\n',
        'web/package.json': JSON.stringify({ name: 'web', private: true, dependencies: { express: '^4.19.0' } }),
        'web/server.js': 'x',
      },
      errors: [{ file: 'web/package.json', line: 1, messageId: 'missing' }],
    },
    {
      name: 'package.json without any lockfile',
      files: { 'package.json': pkg, 'server.js': 'x\n' },
      errors: [{ file: 'package.json', line: 5, column: 3, messageId: 'missing', message: /package\.json declares 1 npm dependencies but there is no lockfile \(package-lock\.json, npm-shrinkwrap\.json, yarn\.lock, pnpm-lock\.yaml, bun\.lock\)/ }],
    },
    {
      name: 'poetry project without poetry.lock',
      files: { 'api/pyproject.toml': '[tool.poetry]\nname = "api"\n\n[tool.poetry.dependencies]\npython = "^3.12"\nfastapi = "^0.111"\nuvicorn = "^0.30"\n' },
      errors: [{ file: 'api/pyproject.toml', line: 4, column: 1, messageId: 'missing', message: /declares 2 Poetry dependencies.*poetry lock/ }],
    },
    {
      name: 'uv project without uv.lock',
      files: { 'pyproject.toml': '[project]\nname = "app"\ndependencies = [\n  "fastapi>=0.114",\n]\n\n[tool.uv]\n' },
      errors: [{ file: 'pyproject.toml', line: 3, messageId: 'missing', message: /uv lock/ }],
    },
    {
      name: 'Pipfile, Gemfile and go.mod without locks',
      files: {
        'py/Pipfile': '[packages]\nflask = "*"\n\n[dev-packages]\npytest = "*"\n',
        'rb/Gemfile': "source 'https://rubygems.org'\n\ngem 'rails', '~> 7.1'\ngem 'pg'\n",
        'go/go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire (\n\tgithub.com/go-chi/chi/v5 v5.0.12\n)\n',
      },
      errors: [
        { file: 'go/go.mod', line: 5, messageId: 'missing', message: /go\.sum/ },
        { file: 'py/Pipfile', line: 1, messageId: 'missing', message: /declares 2 Pipenv dependencies/ },
        { file: 'rb/Gemfile', line: 3, messageId: 'missing', message: /Gemfile\.lock/ },
      ],
    },
    {
      name: 'composer project and Cargo binary without locks',
      files: {
        'composer.json': '{\n  "type": "project",\n  "require": {\n    "php": "^8.2",\n    "laravel/framework": "^11.0"\n  }\n}\n',
        'tool/Cargo.toml': '[package]\nname = "tool"\n\n[dependencies]\nclap = "4"\n',
        'tool/src/main.rs': 'fn main() {}\n',
      },
      errors: [
        { file: 'composer.json', line: 3, messageId: 'missing', message: /composer\.lock/ },
        { file: 'tool/Cargo.toml', line: 4, messageId: 'missing', message: /Cargo\.lock/ },
      ],
    },
  ],
});
