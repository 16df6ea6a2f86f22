import rule from '../../../src/rules/processes/memory-session-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'Django: database sessions (the default), cache sessions on Redis', files: { 'mysite/settings.py': "SESSION_ENGINE = 'django.contrib.sessions.backends.cache'\nCACHES = {'default': {'BACKEND': 'django.core.cache.backends.redis.RedisCache', 'LOCATION': 'redis://redis:6379'}}\n", 'other/settings.py': "SESSION_ENGINE = 'django.contrib.sessions.backends.cached_db'\n" } },
    {
      name: 'express-session with a Redis store',
      files: { 'src/app.js': "const session = require('express-session');\nconst RedisStore = require('connect-redis').default;\napp.use(session({ store: new RedisStore({ client }), secret: process.env.SECRET }));\n" },
    },
    { name: 'options object from a constant with a store', files: { 'src/app.ts': "import session from 'express-session';\nconst opts = { store, secret: 's' };\napp.use(session(opts));\n" } },
    { name: 'options spread from elsewhere', files: { 'src/app.ts': "import session from 'express-session';\napp.use(session({ ...sessionConfig }));\n" } },
    { name: 'cookie sessions', files: { 'src/app.js': "const session = require('koa-session');\napp.use(session({ key: 'k' }, app));\nconst cs = require('cookie-session');\napp.use(cs({ name: 's' }));\n" } },
  ],
  invalid: [
    {
      name: "Django: cache sessions on the default LocMemCache, file sessions",
      files: { 'mysite/settings.py': "SESSION_ENGINE = 'django.contrib.sessions.backends.cache'\n", 'other/settings/production.py': "SESSION_ENGINE = 'django.contrib.sessions.backends.file'\n" },
      errors: [
        { file: 'mysite/settings.py', line: 1, messageId: 'djangoCache', message: /LocMemCache \(no CACHES setting\)/ },
        { file: 'other/settings/production.py', line: 1, messageId: 'djangoFile' },
      ],
    },
    {
      name: 'express-session without a store',
      files: { 'src/app.js': "const express = require('express');\nconst session = require('express-session');\nconst app = express();\napp.use(session({ secret: process.env.SESSION_SECRET, resave: false }));\n" },
      errors: [{ file: 'src/app.js', line: 4, column: 9, messageId: 'memory', message: /^express-session is configured without a store/ }],
    },
    {
      name: '@fastify/session registered without a store',
      files: { 'src/server.ts': "import fastifySession from '@fastify/session';\nawait app.register(fastifySession, { secret: process.env.SECRET! });\n" },
      errors: [{ file: 'src/server.ts', line: 2, column: 7, message: /^@fastify\/session is configured without a store/ }],
    },
  ],
});
