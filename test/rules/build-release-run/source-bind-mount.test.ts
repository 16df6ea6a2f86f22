import rule from '../../../src/rules/build-release-run/source-bind-mount.js';
import { ruleTester } from '../../support/rule-tester.js';

const app = { Dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "src/server.js"]\n', 'package.json': '{ "name": "app" }\n', 'src/server.js': 'console.log(1);\n' };

ruleTester(rule, {
  valid: [
    { name: 'a read-only config folder mounted outside the working directory of the image (netbox-docker ./configuration)', files: { Dockerfile: 'FROM python:3.12\nWORKDIR /opt/netbox/netbox\nCOPY . /opt/netbox\n', 'configuration/configuration.py': 'ALLOWED_HOSTS = []\n', 'docker-compose.yml': 'services:\n  netbox:\n    build: .\n    image: netboxcommunity/netbox:v4.1\n    volumes:\n      - ./configuration:/etc/netbox/config:z,ro\n' } },
    { name: "a third-party application image reads a folder of the repository as its config (formbricks ./cube/schema on cubejs/cube)", files: { 'cube/schema/Responses.js': 'cube(`Responses`, {});\n', 'apps/web/Dockerfile': 'FROM node:22\n', 'docker-compose.yml': 'services:\n  cube:\n    image: cubejs/cube:v1.3.0\n    volumes:\n      - ./cube/schema:/cube/conf/model:ro\n' } },
    { name: 'no mounts', files: { ...app, 'compose.yaml': 'services:\n  api:\n    build: .\n    image: acme/api:1\n' } },
    {
      name: 'config files, data directories and named volumes',
      files: {
        ...app,
        'nginx/nginx.conf': 'events {}\n',
        'db/init/001.sql': 'create table x();\n',
        'compose.yaml':
          'services:\n  api:\n    build: .\n    image: acme/api:1\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n      - ./db/init:/docker-entrypoint-initdb.d\n      - uploads:/app/uploads\n      - ./data:/app/data\nvolumes:\n  uploads:\n',
      },
    },
    { name: 'a database image runs no project code: ./db over /config is its data, even where db/ holds Go code (writefreely)', files: { 'db/migrate.go': 'package db\n', 'compose.yaml': 'services:\n  db:\n    image: lscr.io/linuxserver/mariadb:11.4.5\n    volumes:\n      - ./db:/config\n' } },
    { name: 'a live-code setup: every service it builds runs mounted source, so the file is for development (monica Laravel Sail)', files: { ...app, 'compose.yaml': 'services:\n  api:\n    build: .\n    image: acme/api:1\n    volumes:\n      - .:/app\n      - /app/node_modules\n' } },
    { name: 'development override', files: { ...app, 'compose.yaml': 'services:\n  api:\n    build: .\n    image: acme/api:1\n', 'compose.override.yaml': 'services:\n  api:\n    volumes:\n      - .:/app\n      - /app/node_modules\n' } },
    { name: 'dev compose file', files: { ...app, 'docker-compose.dev.yml': 'services:\n  api:\n    build: .\n    volumes:\n      - ./src:/app/src\n' } },
    { name: 'service built from a dev stage', files: { ...app, 'compose.yaml': 'services:\n  api:\n    build:\n      context: .\n      target: dev\n    volumes:\n      - .:/app\n' } },
    { name: 'absolute host paths are not judged here', files: { ...app, 'compose.yaml': 'services:\n  api:\n    image: acme/api:1\n    volumes:\n      - /srv/app:/app\n' } },
  ],
  invalid: [
    {
      name: "the project's own image (another service builds it) with the source mounted over it (mediacms)",
      files: { ...app, 'compose.yaml': 'services:\n  build:\n    build: .\n    image: acme/api:1\n  worker:\n    image: acme/api:1\n    volumes:\n      - ./:/home/app/\n' },
      errors: [{ file: 'compose.yaml', line: 8, messageId: 'source', message: /Service "worker" mounts the source directory \.\/ over \/home\/app\// }],
    },
    {
      name: 'whole project over the workdir, in the file named for production',
      files: { ...app, 'docker-compose.prod.yml': 'services:\n  api:\n    build: .\n    image: acme/api:1\n    volumes:\n      - .:/app\n      - /app/node_modules\n' },
      errors: [{ file: 'docker-compose.prod.yml', line: 6, column: 9, messageId: 'source', message: /Service "api" mounts the source directory \. over \/app/ }],
    },
    {
      name: 'source subfolder and long syntax, compose file in a subfolder',
      files: {
        'backend/app/main.py': 'print(1)\n',
        'backend/requirements.txt': 'fastapi==0.111.0\n',
        'deploy/docker-stack.yml': 'services:\n  api:\n    image: python:3.12\n    volumes:\n      - ../backend/app:/code/app\n      - type: bind\n        source: ../backend\n        target: /code\n        read_only: true\n',
      },
      errors: [
        { file: 'deploy/docker-stack.yml', line: 5, column: 9, messageId: 'source', message: /\.\.\/backend\/app over \/code\/app/ },
        { file: 'deploy/docker-stack.yml', line: 6, column: 9, messageId: 'source', message: /\.\.\/backend over \/code/ },
      ],
    },
    {
      name: 'PHP code mounted into a stock image',
      files: { 'src/index.php': '<?php echo 1;\n', 'compose.yaml': 'services:\n  web:\n    image: php:8.3-apache\n    volumes:\n      - ./src:/var/www/html\n' },
      errors: [{ file: 'compose.yaml', line: 5, messageId: 'source' }],
    },
  ],
});
