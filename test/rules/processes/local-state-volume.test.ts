import rule from '../../../src/rules/processes/local-state-volume.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'database data volume', files: { 'compose.yaml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n' } },
    { name: 'host media library at /media (media server)', files: { 'compose.yaml': 'services:\n  jellyfin:\n    image: jellyfin/jellyfin:10.9.7\n    volumes:\n      - media:/media\nvolumes:\n  media:\n' } },
    {
      name: 'uploads on NFS and on a volume plugin',
      files: {
        'docker-stack.yml':
          'services:\n  web:\n    image: acme/web:1\n    volumes:\n      - uploads:/app/uploads\n      - media:/app/media\nvolumes:\n  uploads:\n    driver: local\n    driver_opts:\n      type: nfs\n      o: addr=10.0.0.5,rw\n      device: ":/exports/uploads"\n  media:\n    driver: rexray/efs\n',
      },
    },
    { name: 'read-only mount and pinned service', files: { 'docker-stack.yml': 'services:\n  web:\n    image: acme/web:1\n    volumes:\n      - uploads:/app/uploads:ro\n  cms:\n    image: acme/cms:1\n    volumes:\n      - cms_uploads:/var/www/html/wp-content/uploads\n    deploy:\n      placement:\n        constraints:\n          - node.hostname == storage-1\nvolumes:\n  uploads:\n  cms_uploads:\n' } },
    { name: 'bind mounts are host-bind-mount\'s', files: { 'compose.yaml': 'services:\n  web:\n    image: acme/web:1\n    volumes:\n      - ./uploads:/app/uploads\n' } },
    { name: 'development override', files: { 'compose.yaml': 'services:\n  web:\n    image: acme/web:1\n', 'compose.override.yaml': 'services:\n  web:\n    volumes:\n      - uploads:/app/uploads\nvolumes:\n  uploads:\n' } },
  ],
  invalid: [
    {
      name: 'named volume for uploads and anonymous volume for sessions',
      files: { 'compose.yaml': 'services:\n  web:\n    image: acme/web:1\n    volumes:\n      - uploads:/app/public/uploads\n      - /var/lib/php/sessions\nvolumes:\n  uploads:\n' },
      errors: [
        { file: 'compose.yaml', line: 5, column: 9, messageId: 'local', message: /Service "web" keeps uploaded files in the volume "uploads" at \/app\/public\/uploads/ },
        { file: 'compose.yaml', line: 6, column: 9, messageId: 'local', message: /keeps sessions in the anonymous volume at \/var\/lib\/php\/sessions/ },
      ],
    },
    {
      name: 'Django media and WordPress uploads, long syntax',
      files: {
        'docker-stack.yml':
          'services:\n  django:\n    image: acme/django:1\n    volumes:\n      - type: volume\n        source: media\n        target: /vol/web/media\n  wp:\n    image: wordpress:6.5\n    volumes:\n      - wp_uploads:/var/www/html/wp-content/uploads\n    deploy:\n      replicas: 2\nvolumes:\n  media:\n  wp_uploads:\n',
      },
      errors: [
        { file: 'docker-stack.yml', line: 5, column: 9, messageId: 'local', message: /media files in the volume "media"/ },
        { file: 'docker-stack.yml', line: 11, messageId: 'local', message: /wp-content\/uploads/ },
      ],
    },
    {
      name: 'media volume shared by the app and nginx',
      files: { 'docker-compose.prod.yml': 'services:\n  web:\n    build: ./app\n    volumes:\n      - media_volume:/home/app/web/mediafiles\n  nginx:\n    build: ./nginx\n    volumes:\n      - media_volume:/home/app/web/mediafiles\nvolumes:\n  media_volume:\n' },
      errors: [
        { file: 'docker-compose.prod.yml', line: 5, messageId: 'local', message: /Service "web" keeps media files/ },
        { file: 'docker-compose.prod.yml', line: 9, messageId: 'local', message: /Service "nginx" keeps media files/ },
      ],
    },
  ],
});
