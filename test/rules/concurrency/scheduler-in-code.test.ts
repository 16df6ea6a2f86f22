import rule from '../../../src/rules/concurrency/scheduler-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

const docker = 'FROM node:20\nCMD ["node", "server.js"]\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a timer that refreshes a per-process cache (update check stored in this.latestVersion)',
      files: {
        Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
        'server.js': "require('./check-version');\nrequire('express')().listen(3000);\n",
        'check-version.js':
          "const INTERVAL = 1000 * 60 * 60 * 48;\nclass CheckVersion {\n  start() {\n    const check = async () => {\n      const res = await fetch('https://example.com/version');\n      const data = await res.json();\n      if (data.slow) this.latestVersion = data.slow;\n      log.debug('checked');\n    };\n    this.interval = setInterval(check, INTERVAL);\n  }\n}\nmodule.exports = new CheckVersion();\n",
      },
    },
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
      name: 'a timer whose callback does work beyond reading (sends a report) is a job',
      files: {
        Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
        'server.js': "const INTERVAL = 1000 * 60 * 60 * 24;\nconst tick = async () => {\n  const rows = await db.query('select 1');\n  await mailer.sendReport(rows);\n  this.last = Date.now();\n};\nsetInterval(tick, INTERVAL);\nrequire('express')().listen(3000);\n",
      },
      errors: [{ file: 'server.js', line: 7, messageId: 'interval' }],
    },
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
