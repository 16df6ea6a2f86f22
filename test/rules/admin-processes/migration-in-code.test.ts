import rule from '../../../src/rules/admin-processes/migration-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a standalone migration script', files: { Dockerfile: 'FROM node:20\nCMD ["node", "server.js"]\n', 'server.js': "require('express')().listen(3000);\n", 'scripts/migrate.js': "const knex = require('knex')(cfg);\nknex.migrate.latest();\n" } },
    { name: 'plain sync() only creates missing tables', files: { 'server.js': "const { sequelize } = require('./models');\nsequelize.sync().then(() => app.listen(3000));\n" } },
    { name: 'reset script with force', files: { 'scripts/reset.js': "const { sequelize } = require('../models');\nsequelize.sync({ force: true });\n" } },
  ],
  invalid: [
    {
      name: 'the same migration in both branches of an if/else on the driver is one finding (jellyseerr)',
      files: { 'server.js': "const { dataSource } = require('./datasource');\nconst app = require('./app');\nif (process.env.DB_TYPE === 'postgres') {\n  dataSource.runMigrations();\n} else {\n  dataSource.runMigrations();\n}\napp.listen(3000);\n" },
      errors: [{ file: 'server.js', line: 4, messageId: 'migrate', message: /\(and 1 more place in this file\) runs database migrations each time a replica starts/ }],
    },
    {
      name: 'sync({ force: true }) before listen',
      files: { 'server.js': "const db = require('./models');\nconst app = require('./app');\ndb.sequelize.sync({ force: true }).then(() => app.listen(3000));\n" },
      errors: [{ file: 'server.js', line: 3, column: 1, messageId: 'force' }],
    },
    {
      name: 'knex migrate.latest in a module the server entry imports',
      files: {
        Dockerfile: 'FROM node:20\nCMD ["node", "index.js"]\n',
        'index.js': "const { migrate } = require('./db');\nmigrate().then(() => require('./app').listen(3000));\n",
        'db.js': "const knex = require('knex')({ client: 'pg', connection: process.env.DATABASE_URL });\nexports.migrate = () => knex.migrate.latest();\n",
      },
      errors: [{ file: 'db.js', line: 2, messageId: 'migrate', message: /knex\.migrate\.latest\(\) runs database migrations each time a replica starts \(reached from index\.js, started by Dockerfile CMD\)/ }],
    },
    {
      name: 'umzug.up and sync({ alter })',
      files: { 'src/main.ts': "import { Umzug } from 'umzug';\nconst umzug = new Umzug({ migrations: { glob: 'migrations/*.js' } });\nawait umzug.up();\nawait sequelize.sync({ alter: true });\nserver.listen(3000);\n" },
      errors: [
        { file: 'src/main.ts', line: 3, column: 7, messageId: 'migrate', message: /umzug\.up\(\)/ },
        { file: 'src/main.ts', line: 4, column: 7, messageId: 'alter' },
      ],
    },
  ],
});
