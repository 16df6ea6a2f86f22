import rule from '../../../src/rules/processes/host-bind-mount.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'named volumes', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n' } },
    { name: 'read-only and single-file mounts', files: { 'compose.yaml': 'services:\n  proxy:\n    image: nginx:1.27\n    volumes:\n      - ./certs:/etc/nginx/certs:ro\n      - ./nginx.conf:/etc/nginx/nginx.conf\n' } },
    { name: 'system mounts', files: { 'docker-stack.yml': 'services:\n  agent:\n    image: portainer/agent:2.19.5\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n      - /var/lib/docker/volumes:/var/lib/docker/volumes\n' } },
    { name: 'pinned service and global mode', files: { 'docker-stack.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - /srv/pg:/var/lib/postgresql/data\n    deploy:\n      placement:\n        constraints: [node.labels.db == true]\n  exporter:\n    image: prom/node-exporter:v1.8.1\n    volumes:\n      - /srv/textfiles:/textfiles\n    deploy:\n      mode: global\n' } },
    { name: 'development files', files: { 'compose.yaml': 'services:\n  web:\n    image: acme/web:1\n', 'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - ./uploads:/app/uploads\n', 'docker-compose.dev.yml': 'services:\n  web:\n    image: acme/web:1\n    volumes:\n      - ./data:/data\n' } },
    {
      name: 'committed config and script directories, and a single file without an extension',
      files: {
        'healthchecks/redis.sh': '#!/bin/sh\nredis-cli ping\n',
        'prometheus/prometheus.yml': 'global: {}\n',
        'logstash/pipeline/nginx.config': 'input {}\n',
        'compose.yaml': 'services:\n  redis:\n    image: redis:7\n    volumes:\n      - ./healthchecks:/healthchecks\n  prom:\n    image: prom/prometheus:v2.53.0\n    volumes:\n      - ./prometheus:/etc/prometheus\n  logstash:\n    image: logstash:8.14.1\n    volumes:\n      - ./logstash/pipeline/nginx.config:/usr/share/logstash/pipeline/nginx.config\n',
      },
    },
    { name: 'source code mount (another rule)', files: { 'src/app.py': 'print(1)\n', 'compose.yaml': 'services:\n  web:\n    image: python:3.12\n    volumes:\n      - ./src:/app\n      - .:/code\n' } },
  ],
  invalid: [
    {
      name: 'writable host directory for uploads (kept in git by a .gitkeep)',
      files: { 'uploads/.gitkeep': '', 'compose.yaml': 'services:\n  web:\n    image: acme/web:1\n    volumes:\n      - ./uploads:/app/uploads\n' },
      errors: [{ file: 'compose.yaml', line: 5, column: 9, messageId: 'bind', message: /Service "web" mounts host path \.\/uploads writable at \/app\/uploads/ }],
    },
    {
      name: 'long syntax absolute path in a stack file',
      files: { 'docker-stack.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - type: bind\n        source: /srv/postgres\n        target: /var/lib/postgresql/data\n' },
      errors: [{ file: 'docker-stack.yml', line: 5, column: 9, messageId: 'bind', message: /\/srv\/postgres/ }],
    },
  ],
});
