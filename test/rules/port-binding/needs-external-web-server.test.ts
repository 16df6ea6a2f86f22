import rule from '../../../src/rules/port-binding/needs-external-web-server.js';
import { ruleTester } from '../../support/rule-tester.js';

const fpm = 'FROM php:8.3-fpm-alpine\nWORKDIR /var/www/html\nCOPY . .\nRUN docker-php-ext-install pdo_mysql\n';

ruleTester(rule, {
  valid: [
    {
      name: 'nginx service in the same compose file',
      files: {
        Dockerfile: fpm,
        'compose.yaml': 'services:\n  app:\n    build: .\n  web:\n    image: nginx:1.27-alpine\n    ports: ["80:80"]\n    volumes:\n      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro\n',
      },
    },
    {
      name: 'web server built from a Dockerfile in the project',
      files: {
        'app/Dockerfile': fpm,
        'proxy/Dockerfile': 'FROM caddy:2\nCOPY Caddyfile /etc/caddy/Caddyfile\n',
        'docker-stack.yml': 'services:\n  app:\n    build: ./app\n    image: app:1\n  proxy:\n    build: ./proxy\n    image: proxy:1\n    ports: ["80:80"]\n',
      },
    },
    {
      name: 'the image installs nginx and supervisord itself',
      files: { Dockerfile: 'FROM php:8.2-fpm\nRUN apt-get update && apt-get install -y nginx supervisor\nCOPY supervisord.conf /etc/supervisor/conf.d/\nCMD ["/usr/bin/supervisord"]\n' },
    },
    {
      name: 'apache variant serves HTTP',
      files: { Dockerfile: 'FROM php:8.3-apache\nCOPY . /var/www/html\n' },
    },
    {
      name: 'fpm image used to run a queue worker',
      files: { Dockerfile: 'FROM php:8.3-fpm\nCOPY . /var/www\nCMD ["php", "artisan", "queue:work"]\n' },
    },
    {
      name: 'fpm base only in a build stage',
      files: { Dockerfile: 'FROM php:8.3-fpm AS vendor\nRUN composer install\nFROM nginx:1.27\nCOPY --from=vendor /app /usr/share/nginx/html\n' },
    },
    {
      name: 'compose image fronted by nginx from the override file',
      files: {
        'compose.yaml': 'services:\n  php:\n    image: php:8.3-fpm\n',
        'compose.override.yaml': 'services:\n  nginx:\n    image: nginx:1.27\n',
      },
    },
  ],
  invalid: [
    {
      name: 'fpm image alone in its compose file',
      files: {
        Dockerfile: fpm,
        'compose.yaml': 'services:\n  app:\n    build: .\n    ports:\n      - "9000:9000"\n  db:\n    image: mysql:8.4\n',
      },
      errors: [{ file: 'Dockerfile', line: 1, column: 1, messageId: 'dockerfile', message: /Dockerfile is built on php:8.3-fpm-alpine, which speaks FastCGI, not HTTP, and compose.yaml runs no web server/ }],
    },
    {
      name: 'fpm image and no compose file at all, base through a stage',
      files: { Dockerfile: 'ARG PHP=8.2\nFROM php:${PHP}-fpm AS base\nRUN docker-php-ext-install opcache\nFROM base\nCOPY . /var/www/html\n' },
      errors: [{ file: 'Dockerfile', line: 2, messageId: 'dockerfile', message: /built on php:8.2-fpm, which speaks FastCGI, not HTTP, and no compose file or Dockerfile of this project runs a web server to front it/ }],
    },
    {
      name: 'compose service runs the fpm image directly',
      files: { 'docker-compose.yml': 'services:\n  php:\n    image: php:7.4-fpm\n    volumes:\n      - ./src:/var/www/html\n  redis:\n    image: redis:7\n' },
      errors: [{ file: 'docker-compose.yml', line: 3, column: 12, messageId: 'service', message: /Service "php" runs php:7.4-fpm/ }],
    },
  ],
});
