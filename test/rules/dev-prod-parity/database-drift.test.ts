import rule from '../../../src/rules/dev-prod-parity/database-drift.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'postgres everywhere', files: { '.env': 'DATABASE_URL=postgres://app:app@localhost:5432/app\n', 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n    environment:\n      DATABASE_URL: postgresql+psycopg://app@db:5432/app\n' } },
    { name: 'sqlite only in the test env file', files: { '.env.test': 'DATABASE_URL=sqlite::memory:\n', '.env.production': 'DATABASE_URL=postgres://db/app\n' } },
    { name: 'sqlite in the example file only', files: { '.env.example': 'DATABASE_URL=sqlite:///db.sqlite3\n', 'compose.prod.yml': 'services:\n  web:\n    image: web:1\n    environment:\n      DATABASE_URL: postgres://db/app\n' } },
    { name: 'different apps in sibling folders', files: { 'a/.env': 'DB_CONNECTION=sqlite\n', 'b/.env': 'DB_CONNECTION=pgsql\n' } },
    { name: 'a redis URL is not a database URL here', files: { '.env': 'REDIS_URL=redis://localhost:6379\nDATABASE_URL=postgres://localhost/app\n', 'compose.yaml': 'services:\n  web:\n    image: web:1\n    environment:\n      DATABASE_URL: postgres://db/app\n' } },
  ],
  invalid: [
    {
      name: 'sqlite in .env, postgres in the stack file',
      files: { '.env': 'SECRET_KEY=dev\nDATABASE_URL=sqlite:///db.sqlite3\n', 'docker-stack.yml': 'services:\n  web:\n    image: web:1\n    environment:\n      DATABASE_URL: postgres://app:s3cret@db:5432/app\n' },
      errors: [{ file: '.env', line: 2, column: 1, messageId: 'drift', message: /^\.env points DATABASE_URL at SQLite, but Service "web" in docker-stack.yml uses PostgreSQL/ }],
    },
    {
      name: 'Laravel DB_CONNECTION: sqlite in .env.local, mysql in .env.production',
      files: { '.env.local': 'DB_CONNECTION=sqlite\n', '.env.production': 'DB_CONNECTION=mysql\nDB_HOST=db\n' },
      errors: [{ file: '.env.local', line: 1, message: /at SQLite, but \.env\.production uses MySQL\/MariaDB/ }],
    },
    {
      name: 'Django engine names across compose files',
      files: {
        'docker-compose.yml': 'services:\n  web:\n    image: web:1\n    environment:\n      - DB_ENGINE=django.db.backends.sqlite3\n',
        'docker-compose.prod.yml': 'services:\n  web:\n    image: web:1\n    environment:\n      - DB_ENGINE=django.db.backends.postgresql\n',
      },
      errors: [{ file: 'docker-compose.yml', line: 5, column: 9, message: /Service "web" in docker-compose.yml points DB_ENGINE at SQLite, but Service "web" in docker-compose.prod.yml uses PostgreSQL/ }],
    },
  ],
});
