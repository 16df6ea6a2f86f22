import rule from '../../../src/rules/logs/log-volume.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a "log" under /var/lib is state (Kafka\'s commit log)', files: { 'compose.yaml': 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.1\n    volumes:\n      - kafka-log:/var/lib/kafka/log\nvolumes:\n  kafka-log:\n' } },
    { name: 'data volume', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n' } },
    { name: 'log shipper reading host logs read-write is its job', files: { 'compose.yaml': 'services:\n  promtail:\n    image: grafana/promtail:3.0.0\n    volumes:\n      - /var/log:/var/log\n' } },
    { name: 'read-only mount of a log directory', files: { 'compose.yaml': 'services:\n  exporter:\n    image: exporter:1\n    volumes:\n      - ./logs:/app/logs:ro\n' } },
    { name: 'syslog socket /dev/log', files: { 'compose.yaml': 'services:\n  app:\n    image: app:1\n    volumes:\n      - /dev/log:/dev/log\n' } },
    { name: 'catalog folder is not a log folder', files: { 'compose.yaml': 'services:\n  app:\n    image: app:1\n    volumes:\n      - ./catalog:/app/catalog\n      - ./blog:/srv/blog\n' } },
    { name: 'a one-shot helper that chowns the log folder (CTFd permissions service)', files: { 'compose.yaml': 'services:\n  permissions:\n    image: busybox:1.36\n    command: chown -R 1001:1001 /var/log/CTFd\n    volumes:\n      - .data/CTFd/logs:/var/log/CTFd\n' } },
    { name: 'tmpfs on the log folder', files: { 'compose.yaml': 'services:\n  app:\n    image: app:1\n    volumes:\n      - type: tmpfs\n        target: /app/logs\n' } },
  ],
  invalid: [
    {
      name: 'host folder on /app/logs',
      files: { 'compose.yaml': 'services:\n  api:\n    image: registry.example.com/api:1.4.2\n    volumes:\n      - ./logs:/app/logs\n' },
      errors: [{ file: 'compose.yaml', line: 5, column: 9, messageId: 'logVolume', message: /Service "api" mounts host path .\/logs on the log directory \/app\/logs/ }],
    },
    {
      name: 'named volume over /var/log/nginx, long syntax and anonymous volume',
      files: {
        'docker-stack.yml': 'services:\n  proxy:\n    image: nginx:1.27\n    volumes:\n      - nginx-logs:/var/log/nginx\n      - type: bind\n        source: /srv/logs/proxy\n        target: /var/log/proxy/\n  app:\n    image: app:1\n    volumes:\n      - /usr/src/app/log\nvolumes:\n  nginx-logs:\n',
      },
      errors: [
        { file: 'docker-stack.yml', line: 5, column: 9, message: /mounts volume nginx-logs on the log directory \/var\/log\/nginx/ },
        { file: 'docker-stack.yml', line: 6, column: 9, message: /host path \/srv\/logs\/proxy on the log directory \/var\/log\/proxy\// },
        { file: 'docker-stack.yml', line: 12, column: 9, message: /Service "app" mounts an anonymous volume on the log directory \/usr\/src\/app\/log/ },
      ],
    },
  ],
});
