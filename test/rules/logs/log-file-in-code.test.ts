import rule from '../../../src/rules/logs/log-file-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'Python: a handler on a file the caller chooses (freqtrade --logfile)', files: { 'app/loggers.py': "from logging.handlers import RotatingFileHandler\ndef setup(logfile):\n    if logfile:\n        h = RotatingFileHandler(logfile, maxBytes=10)\n" } },
    { name: 'Python: basicConfig to stderr, a StreamHandler', files: { 'app/log.py': "import logging\nlogging.basicConfig(level=logging.INFO)\nh = logging.StreamHandler()\n" } },
    { name: 'console transport', files: { 'src/log.js': "const winston = require('winston');\nmodule.exports = winston.createLogger({ transports: [new winston.transports.Console()] });\n" } },
    { name: 'pino to stdout', files: { 'src/log.js': "const pino = require('pino');\nmodule.exports = pino(pino.destination(1));\nconst t = pino.transport({ target: 'pino/file', options: { destination: 1 } });\n" } },
    { name: 'log4js stdout', files: { 'src/log.js': "const log4js = require('log4js');\nlog4js.configure({ appenders: { out: { type: 'stdout' } }, categories: { default: { appenders: ['out'], level: 'info' } } });\n" } },
    { name: 'file log only in development', files: { 'src/log.js': "const winston = require('winston');\nif (process.env.NODE_ENV === 'development') logger.add(new winston.transports.File({ filename: 'dev.log' }));\n" } },
  ],
  invalid: [
    {
      name: 'Python: a FileHandler, Django LOGGING with a RotatingFileHandler, basicConfig(filename=…)',
      files: {
        'app/log.py': "import logging\nhandler = logging.FileHandler('/var/log/app/app.log')\n",
        'mysite/settings.py': "LOGGING = {\n    'handlers': {\n        'file': {\n            'class': 'logging.handlers.RotatingFileHandler',\n            'filename': 'logs/django.log',\n        },\n    },\n}\n",
        'worker.py': "import logging\nlogging.basicConfig(filename='worker.log', level=logging.INFO)\n",
      },
      errors: [
        { file: 'app/log.py', line: 2, messageId: 'file', message: /^logging FileHandler writes logs to \/var\/log\/app\/app\.log/ },
        { file: 'mysite/settings.py', line: 4, messageId: 'file', message: /^logging RotatingFileHandler writes logs to logs\/django\.log/ },
        { file: 'worker.py', line: 2, messageId: 'file', message: /^logging\.basicConfig writes logs to worker\.log/ },
      ],
    },
    {
      name: 'Python: a file handler beside a StreamHandler is a copy (info)',
      files: { 'app/log.py': "import logging\nlog = logging.getLogger()\nlog.addHandler(logging.StreamHandler())\nlog.addHandler(logging.FileHandler('app.log'))\n" },
      errors: [{ file: 'app/log.py', line: 4, messageId: 'copy', severity: 'info' }],
    },
    {
      name: 'a file transport beside a console transport is an extra copy (gethomepage/homepage): info',
      files: { 'src/log.js': "const winston = require('winston');\nconst c = () => new winston.transports.Console();\nconst f = () => new winston.transports.File({ filename: 'logs/homepage.log' });\nmodule.exports = winston.createLogger({ transports: process.env.LOG_TARGETS === 'stdout' ? [c()] : [c(), f()] });\n" },
      errors: [{ file: 'src/log.js', line: 3, messageId: 'copy', severity: 'info', message: /writes a copy of the logs to logs\/homepage\.log/ }],
    },
    {
      name: 'a path built with path.join is shown as built, not as an absolute path',
      files: { 'src/log.js': "const fs = require('fs');\nconst path = require('path');\nfs.appendFileSync(path.join(dataDir, '/error.log'), line);\n" },
      errors: [{ file: 'src/log.js', line: 3, message: /<dataDir>\/error\.log/ }],
    },
    {
      name: 'winston File transport',
      files: { 'src/log.ts': "import winston from 'winston';\nexport const logger = winston.createLogger({\n  transports: [new winston.transports.File({ filename: 'logs/error.log', level: 'error' })],\n});\n" },
      errors: [{ file: 'src/log.ts', line: 3, column: 16, messageId: 'file', message: /^winston File transport writes logs to logs\/error\.log/ }],
    },
    {
      name: 'pino destination and pino/file transport',
      files: { 'src/log.js': "const pino = require('pino');\nconst a = pino(pino.destination('./app.log'));\nconst b = pino({ transport: { target: 'pino/file', options: { destination: '/var/log/app.log' } } });\n" },
      errors: [
        { file: 'src/log.js', line: 2, column: 16, message: /pino\.destination writes logs to \.\/app\.log/ },
        { file: 'src/log.js', line: 3, column: 11, message: /pino writes logs to \/var\/log\/app\.log/ },
      ],
    },
    {
      name: 'log4js file appender, bunyan path, createWriteStream',
      files: {
        'src/log.js':
          "const log4js = require('log4js');\nlog4js.configure({ appenders: { app: { type: 'file', filename: 'app.log' } }, categories: { default: { appenders: ['app'], level: 'info' } } });\nconst bunyan = require('bunyan');\nbunyan.createLogger({ name: 'a', streams: [{ path: '/var/log/a.log' }] });\nconst fs = require('fs');\nconst access = fs.createWriteStream(path.join(__dirname, 'access.log'), { flags: 'a' });\n",
      },
      errors: [
        { file: 'src/log.js', line: 2, message: /log4js appender "app" writes logs to app\.log/ },
        { file: 'src/log.js', line: 4, message: /bunyan stream writes logs to \/var\/log\/a\.log/ },
        { file: 'src/log.js', line: 6, column: 16, message: /fs\.createWriteStream writes logs to .*access\.log/ },
      ],
    },
  ],
});
