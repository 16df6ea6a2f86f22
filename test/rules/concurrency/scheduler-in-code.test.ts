import rule from '../../../src/rules/concurrency/scheduler-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

const docker = 'FROM node:20\nCMD ["node", "server.js"]\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a dedicated worker entry (not a server)',
      files: { Dockerfile: 'FROM node:20\nCMD ["node", "cron.js"]\n', 'cron.js': "const cron = require('node-cron');\ncron.schedule('0 3 * * *', run);\n" },
    },
    { name: 'short timers', files: { Dockerfile: docker, 'server.js': "const app = require('express')();\nsetInterval(flushMetrics, 10_000);\napp.listen(3000);\n" } },
    { name: 'no server anywhere', files: { 'jobs.js': "const cron = require('node-cron');\ncron.schedule('* * * * *', run);\n" } },
    { name: 'frontend polling', files: { 'src/app/poll.tsx': 'useEffect(() => { const id = setInterval(refresh, 60 * 60 * 1000); return () => clearInterval(id); }, []);\n' } },
  ],
  invalid: [
    {
      name: 'node-cron in a module the server imports',
      files: {
        Dockerfile: docker,
        'server.js': "const app = require('express')();\nrequire('./jobs');\napp.listen(3000);\n",
        'jobs.js': "const cron = require('node-cron');\ncron.schedule('0 3 * * *', sendReport);\n",
      },
      errors: [{ file: 'jobs.js', line: 2, column: 1, messageId: 'cron', message: /cron\.schedule \(node-cron\) runs inside the web process \(reached from server\.js, started by Dockerfile CMD\)/ }],
    },
    {
      name: 'CronJob and a daily setInterval next to listen (no deploy files)',
      files: {
        'server.ts': "import { CronJob } from 'cron';\nimport express from 'express';\nconst DAY = 24 * 60 * 60 * 1000;\nnew CronJob('0 * * * *', cleanup).start();\nsetInterval(checkUpdates, DAY);\nexpress().listen(3000);\n",
      },
      errors: [
        { file: 'server.ts', line: 4, column: 1, messageId: 'cron', message: /this file starts the server/ },
        { file: 'server.ts', line: 5, column: 1, messageId: 'interval', message: /setInterval every 1 d/ },
      ],
    },
  ],
});
