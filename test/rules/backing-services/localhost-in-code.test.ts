import rule from '../../../src/rules/backing-services/localhost-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

const compose = 'services:\n  api:\n    build: .\n    image: api:1\n';

ruleTester(rule, {
  valid: [
    { name: 'address from the environment', files: { 'src/db.js': "mongoose.connect(process.env.MONGODB_URL);\n" } },
    {
      name: 'fallback when compose sets the variable',
      files: { 'compose.yaml': `${compose}    environment:\n      MONGODB_URL: mongodb://mongo:27017/app\n`, 'src/db.js': "mongoose.connect(process.env.MONGODB_URL || 'mongodb://localhost:27017/app');\n" },
    },
    {
      name: 'the default of a config getter (NestJS ConfigService) when compose sets the variable',
      files: {
        'compose.yaml': `${compose}    environment:\n      REDIS_URL: redis://redis:6379\n`,
        'src/env.service.ts': "export class EnvironmentService {\n  constructor(private configService: ConfigService) {}\n  getRedisUrl(): string {\n    return this.configService.get<string>('REDIS_URL', 'redis://localhost:6379');\n  }\n}\n",
      },
    },
    { name: 'fallback documented in .env.example', files: { 'compose.yaml': compose, '.env.example': 'REDIS_URL=redis://redis:6379\n', 'src/r.js': "const url = process.env.REDIS_URL ?? 'redis://localhost:6379';\n" } },
    { name: 'fallback with no deploy files (local dev convenience)', files: { 'src/db.js': "mongoose.connect(process.env.MONGODB_URL || 'mongodb://localhost:27017/app');\n" } },
    {
      name: 'development and test config blocks',
      files: { 'knexfile.js': "module.exports = {\n  development: { client: 'pg', connection: 'postgres://localhost/app_dev' },\n  production: { client: 'pg', connection: process.env.DATABASE_URL },\n};\n" },
    },
    { name: 'non-production branch', files: { 'src/db.js': "if (process.env.NODE_ENV !== 'production') connect('redis://127.0.0.1:6379');\n" } },
    { name: 'the app\'s own URL is not a backing service', files: { 'src/urls.js': "const base = 'http://localhost:3000';\nconst server = { host: 'localhost', port: 3000 };\n" } },
    { name: 'tests', files: { 'test/db.test.js': "connect('mongodb://localhost/test');\n" } },
  ],
  invalid: [
    {
      name: 'hard-coded localhost connection strings',
      files: { 'src/db.ts': "import mongoose from 'mongoose';\nmongoose.connect('mongodb://localhost:27017/app');\nconst redis = new Redis('redis://127.0.0.1:6379/0');\n" },
      errors: [
        { file: 'src/db.ts', line: 2, column: 18, messageId: 'literal', message: /MongoDB at mongodb:\/\/localhost:27017/ },
        { file: 'src/db.ts', line: 3, column: 25, messageId: 'literal', message: /Redis at redis:\/\/127\.0\.0\.1:6379/ },
      ],
    },
    {
      name: 'host option given to a client',
      files: { 'src/pg.js': "const { Pool } = require('pg');\nconst pool = new Pool({ host: 'localhost', database: 'app' });\n" },
      errors: [{ file: 'src/pg.js', line: 2, column: 31, messageId: 'literal', message: /database at localhost/ }],
    },
    {
      name: 'fallback that nothing provides, with deploy files',
      files: { 'compose.yaml': compose, Dockerfile: 'FROM node:20\nCOPY . .\n', 'src/db.js': "const url = process.env.DATABASE_URL || 'postgres://app:app@localhost:5432/app';\n" },
      errors: [{ file: 'src/db.js', line: 1, column: 41, messageId: 'fallback', message: /DATABASE_URL falls back to postgres:\/\/app:\*\*\*@localhost:5432/ }],
    },
    {
      name: 'the default of a config getter that nothing provides, with deploy files',
      files: { 'compose.yaml': compose, Dockerfile: 'FROM node:20\nCOPY . .\n', 'src/env.service.ts': "export const url = config.get('REDIS_URL', 'redis://localhost:6379');\n" },
      errors: [{ file: 'src/env.service.ts', line: 1, messageId: 'fallback', message: /REDIS_URL falls back to redis:\/\/localhost:6379/ }],
    },
    {
      name: 'Elasticsearch client',
      files: { 'src/es.js': "const { Client } = require('@elastic/elasticsearch');\nconst es = new Client({ node: 'http://localhost:9200' });\n" },
      errors: [{ file: 'src/es.js', line: 2, messageId: 'literal', message: /Elasticsearch/ }],
    },
  ],
});
