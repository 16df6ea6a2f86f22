import rule from '../../../src/rules/processes/stateful-service-placement.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'postgres 18 keeps its data under /var/lib/postgresql/18/docker (docuseal), and PGDATA moves it', files: { 'docker-compose.yml': "services:\n  postgres:\n    image: postgres:18\n    volumes:\n      - './pg_data:/var/lib/postgresql/18/docker'\n  old:\n    image: postgres:16\n    environment:\n      PGDATA: /pgdata/16/main\n    volumes:\n      - './pg16:/pgdata'\n" } },
    { name: 'a database image run for its client tools (a backup loop)', files: { 'docker-stack.yml': 'services:\n  db-backup:\n    image: mysql:8.4\n    command: sh -c "while true; do mysqldump -h db --all-databases > /backups/all.sql; sleep 3600; done"\n' } },
    {
      name: 'a pinned database on a named volume, a cache Redis, shared storage',
      files: {
        'docker-stack.yml':
          'services:\n  db:\n    image: postgres:16.3\n    volumes:\n      - db-data:/var/lib/postgresql/data\n    deploy:\n      placement:\n        constraints: [node.labels.db == true]\n  cache:\n    image: redis:7.2\n  mongo:\n    image: mongo:7.0\n    volumes:\n      - mongo-data:/data/db\nvolumes:\n  db-data:\n  mongo-data:\n    driver_opts:\n      type: nfs\n      o: addr=10.0.0.5,rw\n      device: ":/exports/mongo"\n',
      },
    },
    { name: 'a linuxserver.io image keeps its data under /config (writefreely)', files: { 'docker-stack.yml': 'services:\n  db:\n    image: lscr.io/linuxserver/mariadb:11.4.5\n    volumes:\n      - db-config:/config\n    deploy:\n      placement:\n        constraints: [node.hostname == db1]\nvolumes:\n  db-config:\n' } },
    { name: 'a development compose file beside the stack', files: { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16.3\n', 'docker-stack.yml': 'services:\n  web:\n    image: acme/web:1.2.3\n' } },
  ],
  invalid: [
    {
      name: 'a command that still starts the server (flags for postgres, redis-server --appendonly)',
      files: { 'docker-stack.yml': 'services:\n  db:\n    image: postgres:16.3\n    command: postgres -c max_connections=200\n  cache:\n    image: redis:7.2\n    command: ["--appendonly", "yes"]\n    volumes:\n      - redis-data:/data\n    deploy:\n      replicas: 2\nvolumes:\n  redis-data:\n' },
      errors: [
        { file: 'docker-stack.yml', line: 2, messageId: 'noVolume' },
        { file: 'docker-stack.yml', line: 11, messageId: 'replicas', message: /Redis with replicas: 2/ },
      ],
    },
    {
      name: 'no volume, an unpinned local volume, and a global Redis (news-system)',
      files: {
        'docker-stack.yml':
          'services:\n  db:\n    image: postgres:16.3\n  mysql:\n    image: mysql:8.4\n    volumes:\n      - mysql-data:/var/lib/mysql\n  redis:\n    image: redis:7.2\n    volumes:\n      - redis-data:/data\n    deploy:\n      mode: global\nvolumes:\n  mysql-data:\n  redis-data:\n',
      },
      errors: [
        { file: 'docker-stack.yml', line: 2, messageId: 'noVolume', message: /PostgreSQL with no volume.*\/var\/lib\/postgresql\/data/ },
        { file: 'docker-stack.yml', line: 7, messageId: 'unpinned', message: /local volume "mysql-data"/ },
        { file: 'docker-stack.yml', line: 13, messageId: 'replicas', message: /Redis in global mode/ },
      ],
    },
  ],
});
