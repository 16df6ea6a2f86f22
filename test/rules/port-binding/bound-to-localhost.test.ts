import rule from '../../../src/rules/port-binding/bound-to-localhost.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'uvicorn on 0.0.0.0',
      files: { Dockerfile: 'FROM python:3.12-slim\nCOPY . .\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]\n' },
    },
    {
      name: 'gunicorn bound to all interfaces with the short flag',
      files: { Dockerfile: 'FROM python:3.12-slim\nCOPY . .\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n' },
    },
    {
      name: 'runserver on 0.0.0.0 in compose',
      files: { 'compose.yaml': 'services:\n  web:\n    image: python:3.12\n    command: python manage.py runserver 0.0.0.0:8000\n    ports: ["8000:8000"]\n' },
    },
    {
      name: 'nginx in the same container proxies to gunicorn on loopback',
      files: { Dockerfile: 'FROM python:3.12\nRUN apt-get update && apt-get install -y nginx\nCOPY . .\nCMD gunicorn -b 127.0.0.1:8000 app:app & nginx -g "daemon off;"\n' },
    },
    {
      name: 'a second bind on all interfaces',
      files: { Dockerfile: 'FROM python:3.12\nCMD ["gunicorn", "-b", "127.0.0.1:8000", "-b", "0.0.0.0:8080", "app:app"]\n' },
    },
    {
      name: 'a client talking to localhost is not a server binding',
      files: { Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["sh", "-c", "until redis-cli -h localhost ping; do sleep 1; done; node index.js"]\n' },
    },
    {
      name: 'gunicorn default, but PORT is set in the stack file',
      files: {
        Dockerfile: 'FROM python:3.12\nCOPY . .\nCMD ["gunicorn", "app:app"]\n',
        'docker-stack.yml': 'services:\n  web:\n    build: .\n    image: web:1\n    environment:\n      PORT: "8000"\n',
      },
    },
    {
      name: 'gunicorn default with a config file in the project',
      files: {
        Dockerfile: 'FROM python:3.12\nCOPY . .\nCMD ["gunicorn", "app:app"]\n',
        'gunicorn.conf.py': 'bind = "0.0.0.0:8000"\n',
        'compose.yaml': 'services:\n  web:\n    build: .\n',
      },
    },
    {
      name: 'gunicorn default and no compose file: the runtime environment is unknown',
      files: { Dockerfile: 'FROM python:3.12\nCOPY . .\nCMD ["gunicorn", "app:app"]\n' },
    },
    {
      name: 'flask run with FLASK_RUN_HOST in the image',
      files: { Dockerfile: 'FROM python:3.12\nENV FLASK_RUN_HOST=0.0.0.0\nCOPY . .\nCMD ["flask", "run"]\n', 'compose.yaml': 'services:\n  web:\n    build: .\n' },
    },
    {
      name: 'flask run with a .flaskenv file',
      files: { Dockerfile: 'FROM python:3.12\nCOPY . .\nCMD ["flask", "run"]\n', '.flaskenv': 'FLASK_RUN_HOST=0.0.0.0\n', 'compose.yaml': 'services:\n  web:\n    build: .\n' },
    },
    {
      name: 'uvicorn default with UVICORN_HOST in the environment',
      files: { 'compose.yaml': 'services:\n  api:\n    image: python:3.12\n    command: uvicorn main:app\n    environment:\n      - UVICORN_HOST=0.0.0.0\n' },
    },
    {
      name: 'uvicorn default with an env_file the rule cannot read',
      files: { 'compose.yaml': 'services:\n  api:\n    image: python:3.12\n    command: uvicorn main:app\n    env_file: .env.api\n' },
    },
    {
      name: 'sidecar sharing the network namespace',
      files: { 'compose.yaml': 'services:\n  app:\n    image: python:3.12\n    command: uvicorn main:app --host 127.0.0.1\n    network_mode: service:proxy\n  proxy:\n    image: envoyproxy/envoy:v1.31\n' },
    },
  ],
  invalid: [
    {
      name: 'uvicorn bound to 127.0.0.1 in the Dockerfile',
      files: { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", "8000"]\n' },
      errors: [{ file: 'Dockerfile', line: 4, column: 1, messageId: 'explicit', message: /uvicorn binds to 127.0.0.1 \("--host 127.0.0.1"\)/ }],
    },
    {
      name: 'gunicorn --bind=localhost:8000 under tini in compose',
      files: { 'compose.yaml': 'services:\n  web:\n    image: registry.example.com/web:1.2.0\n    command: ["tini", "--", "gunicorn", "--bind=localhost:8000", "app.wsgi"]\n' },
      errors: [{ file: 'compose.yaml', line: 4, column: 14, messageId: 'explicit', message: /gunicorn binds to localhost \("--bind=localhost:8000"\)/ }],
    },
    {
      name: 'rails -b and puma tcp:// address',
      files: {
        'api/Dockerfile': 'FROM ruby:3.3\nCOPY . .\nCMD ["bundle", "exec", "rails", "server", "-b", "127.0.0.1"]\n',
        'worker/Dockerfile': 'FROM ruby:3.3\nCOPY . .\nCMD bundle exec puma -b tcp://127.0.0.1:9292\n',
      },
      errors: [
        { file: 'api/Dockerfile', line: 3, message: /rails server binds to 127.0.0.1/ },
        { file: 'worker/Dockerfile', line: 3, message: /puma binds to 127.0.0.1 \("-b tcp:\/\/127.0.0.1:9292"\)/ },
      ],
    },
    {
      name: 'manage.py runserver with no address (default 127.0.0.1:8000)',
      files: { 'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: sh -c "python manage.py migrate && python manage.py runserver"\n    ports:\n      - "8000:8000"\n', Dockerfile: 'FROM python:3.12\nCOPY . .\n' },
      errors: [{ file: 'docker-compose.yml', line: 4, column: 14, messageId: 'default', message: /manage.py runserver listens on 127.0.0.1:8000 unless told otherwise.*`runserver 0.0.0.0:8000`/ }],
    },
    {
      name: 'runserver with only a port still binds loopback',
      files: { Dockerfile: 'FROM python:3.12\nCOPY . .\nCMD ["python", "manage.py", "runserver", "8000"]\n' },
      errors: [{ file: 'Dockerfile', line: 3, messageId: 'explicit', message: /binds to 127.0.0.1 \("runserver 8000"\)/ }],
    },
    {
      name: 'flask run without --host, image used by a compose service',
      files: {
        Dockerfile: 'FROM python:3.12-slim\nENV FLASK_APP=app.py\nCOPY . .\nCMD ["flask", "run"]\n',
        'compose.yaml': 'services:\n  web:\n    build: .\n    ports: ["5000:5000"]\n    environment:\n      FLASK_DEBUG: "0"\n',
      },
      errors: [{ file: 'Dockerfile', line: 4, messageId: 'default', message: /flask run listens on 127.0.0.1 .*`--host 0.0.0.0` or set FLASK_RUN_HOST/ }],
    },
    {
      name: 'uvicorn without --host and no UVICORN_HOST',
      files: { 'compose.yaml': 'services:\n  api:\n    image: python:3.12-slim\n    command: ["uvicorn", "app.main:app", "--port", "8000"]\n    environment:\n      LOG_LEVEL: info\n' },
      errors: [{ file: 'compose.yaml', line: 4, messageId: 'default', message: /uvicorn listens on 127.0.0.1 .*`--host 0.0.0.0` or set UVICORN_HOST/ }],
    },
    {
      name: 'next start -H localhost in a compose command string',
      files: { 'compose.yaml': 'services:\n  web:\n    image: node:20\n    command: npx next start -H localhost -p 3000\n' },
      errors: [{ file: 'compose.yaml', line: 4, column: 14, message: /next start binds to localhost/ }],
    },
  ],
});
