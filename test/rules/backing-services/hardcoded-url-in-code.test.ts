import rule from '../../../src/rules/backing-services/hardcoded-url-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'from the environment', files: { 'src/db.js': 'mongoose.connect(process.env.MONGODB_URL);\n' } },
    { name: 'default after the env var', files: { 'src/db.js': "const url = process.env.REDIS_URL || 'redis://cache:6379';\n" } },
    { name: 'localhost is another rule', files: { 'src/db.js': "connect('mongodb://localhost/app');\n" } },
    { name: 'built from parts', files: { 'src/db.js': 'const url = `postgres://${user}:${pass}@${host}:5432/${db}`;\n' } },
    { name: 'format hint in a message', files: { 'src/v.js': "throw new Error('expected postgres://user:pass@host:5432/db');\nconst hint = 'mongodb://host/db';\n" } },
  ],
  invalid: [
    {
      name: 'service-name URLs in code',
      files: { 'src/db.ts': "await mongoose.connect('mongodb://mongo:27017/app');\nconst q = amqp.connect('amqp://guest:guest@rabbitmq:5672');\n" },
      errors: [
        { file: 'src/db.ts', line: 1, column: 24, messageId: 'url', message: /MongoDB connection string mongodb:\/\/mongo:27017 is hard-coded.*MONGODB_URL/ },
        { file: 'src/db.ts', line: 2, messageId: 'url', message: /amqp:\/\/guest:\*\*\*@rabbitmq:5672/ },
      ],
    },
  ],
});
