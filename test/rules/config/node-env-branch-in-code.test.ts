import rule from '../../../src/rules/config/node-env-branch-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'browser bundle: NODE_ENV is the build mode (create-react-app serviceWorker)', files: { 'frontend/src/serviceWorker.js': "export function register() {\n  if (process.env.NODE_ENV === 'production' && 'serviceWorker' in navigator) {}\n}\n" } },
    { name: 'own variable per setting', files: { 'src/a.js': "const secure = process.env.COOKIE_SECURE === 'true';\n" } },
    { name: 'test guard only', files: { 'src/a.js': "if (process.env.NODE_ENV === 'test') mock();\n" } },
    { name: 'a development aid guarded by NODE_ENV !== "production" (Prisma singleton, hot reload)', files: { 'src/db.ts': "export const prisma = globalForPrisma.prisma ?? new PrismaClient();\nif (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;\nif (process.env.NODE_ENV === 'development') { app.use(webpackHotMiddleware(compiler)); }\nprocess.env.NODE_ENV !== 'production' && enableDevtools();\n" } },
  ],
  invalid: [
    {
      name: 'production branches, once per file',
      files: { 'src/app.ts': "const secure = process.env.NODE_ENV === 'production';\nif (process.env.NODE_ENV !== 'production') debug(); else trustProxy();\n" },
      errors: [{ file: 'src/app.ts', line: 1, column: 16, messageId: 'branch', message: /NODE_ENV === "production" \(and 1 more place in this file\)/ }],
    },
  ],
});
