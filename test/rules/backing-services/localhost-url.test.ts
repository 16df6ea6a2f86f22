import rule from '../../../src/rules/backing-services/localhost-url.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a helper the container runs itself on 127.0.0.1:8000 beside the app (paperless-ai start-services.sh; the service runs the project image)',
      files: {
        Dockerfile: 'FROM node:22\nCOPY . /app\nCMD ["./start-services.sh"]\n',
        'start-services.sh': '#!/bin/bash\npython main.py --host 127.0.0.1 --port 8000 --initialize &\npm2-runtime ecosystem.config.js\n',
        'docker-compose.yml': 'services:\n  app:\n    image: clusterzx/paperless-ai\n    environment:\n      - RAG_SERVICE_URL=http://localhost:8000\n',
      },
    },
    { name: 'service names', files: { 'compose.yaml': 'services:\n  api:\n    image: acme/api:1\n    environment:\n      DATABASE_URL: postgres://app@db:5432/app\n      REDIS_HOST: cache\n' } },
    { name: 'an env file only a development compose file loads (mediacms frontend/.env)', files: { 'docker-compose.yaml': 'services:\n  web:\n    image: acme/web:1.2\n', 'docker-compose-dev.yaml': 'services:\n  frontend:\n    image: node:20\n    env_file:\n      - frontend/.env\n', 'frontend/.env': 'MEDIACMS_API=http://localhost/api/v1\n' } },
    { name: 'host network mode', files: { 'compose.yaml': 'services:\n  api:\n    image: acme/api:1\n    network_mode: host\n    environment:\n      DATABASE_URL: postgres://app@localhost:5432/app\n' } },
    { name: 'sidecar sharing another service\'s namespace', files: { 'compose.yaml': 'services:\n  vpn:\n    image: qmcgaw/gluetun:v3\n  app:\n    image: acme/app:1\n    network_mode: "service:vpn"\n    environment:\n      PROXY_SERVER: http://localhost:8888\n      REDIS_URL: redis://localhost:6379\n' } },
    {
      name: 'browser-side and public URLs',
      files: { 'compose.yaml': 'services:\n  web:\n    image: acme/web:1\n    environment:\n      VITE_API_URL: http://localhost:8000\n      NEXT_PUBLIC_API_URL: http://localhost:8000/api\n      BACKEND_CORS_ORIGINS: http://localhost:5173,http://localhost\n      APP_URL: http://localhost:3000\n      OAUTH_CALLBACK_URL: http://localhost:3000/auth/callback\n' } },
    { name: 'the service\'s own port', files: { 'compose.yaml': 'services:\n  api:\n    image: acme/api:1\n    ports: ["8080:3000"]\n    environment:\n      API_URL: http://localhost:3000\n' } },
    { name: 'env file not loaded by any service (host-side development)', files: { '.env': 'DATABASE_URL=postgres://app@localhost:5432/app\n', 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n' } },
    {
      name: 'env file key overridden by the service environment',
      files: { '.env': 'POSTGRES_SERVER=localhost\nPOSTGRES_PORT=5432\n', 'compose.yaml': 'services:\n  backend:\n    image: acme/backend:1\n    env_file: [.env]\n    environment:\n      - POSTGRES_SERVER=db\n' },
    },
    { name: 'env_file that is not in the project', files: { 'compose.yaml': 'services:\n  api:\n    image: acme/api:1\n    env_file: ../secrets/api.env\n' } },
  ],
  invalid: [
    {
      name: 'database URL and redis host at localhost',
      files: { 'compose.yaml': 'services:\n  api:\n    image: acme/api:1\n    environment:\n      DATABASE_URL: postgres://app:${DB_PASSWORD}@localhost:5432/app\n      REDIS_HOST: 127.0.0.1\n' },
      errors: [
        { file: 'compose.yaml', line: 5, column: 7, messageId: 'compose', message: /DATABASE_URL points at postgres:\/\/app:@localhost:5432/ },
        { file: 'compose.yaml', line: 6, column: 7, messageId: 'compose', message: /REDIS_HOST points at 127\.0\.0\.1/ },
      ],
    },
    {
      name: 'list syntax with an http backend',
      files: { 'docker-compose.yml': 'services:\n  worker:\n    image: acme/worker:1\n    environment:\n      - PAYMENT_SERVICE_URL=http://127.0.0.1:9000\n' },
      errors: [{ file: 'docker-compose.yml', line: 5, column: 9, messageId: 'compose' }],
    },
    {
      name: 'env file loaded with env_file by two services',
      files: {
        'deploy/app.env': 'NODE_ENV=production\nMONGO_URL=mongodb://localhost:27017/shop\n',
        'deploy/compose.yaml': 'services:\n  api:\n    image: acme/api:1\n    env_file: ./app.env\n  worker:\n    image: acme/api:1\n    env_file:\n      - path: app.env\n',
      },
      errors: [{ file: 'deploy/app.env', line: 2, column: 1, messageId: 'envFile', message: /MONGO_URL points at mongodb:\/\/localhost:27017, and services "api", "worker" load this file/ }],
    },
  ],
});
