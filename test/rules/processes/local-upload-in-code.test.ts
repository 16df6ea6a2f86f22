import rule from '../../../src/rules/processes/local-upload-in-code.js';
import { ruleTester } from '../../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'diskStorage with no destination stages uploads in the OS temp folder for one request (NodeBB middleware/multer.js)', files: { 'package.json': '{"name":"x","main":"server.js","dependencies":{"multer":"1"}}', 'server.js': "const multer = require('multer');\nconst storage = multer.diskStorage({});\nmodule.exports = multer({ storage });\n" } },
    { name: 'memory storage', files: { 'src/up.js': "const multer = require('multer');\nconst upload = multer({ storage: multer.memoryStorage() });\n" } },
    { name: 'multer-s3', files: { 'src/up.js': "const multer = require('multer');\nconst upload = multer({ storage: multerS3({ s3, bucket: 'b' }) });\n" } },
    { name: 'writes elsewhere', files: { 'src/cache.js': "const fs = require('fs');\nfs.writeFileSync('/tmp/cache.json', data);\n" } },
  ],
  invalid: [
    {
      name: 'multer dest',
      files: { 'src/routes.js': "const multer = require('multer');\nconst upload = multer({ dest: 'uploads/' });\n" },
      errors: [{ file: 'src/routes.js', line: 2, column: 16, messageId: 'multer', message: /dest "uploads\/"/ }],
    },
    {
      name: 'diskStorage',
      files: { 'src/routes.ts': "import multer from 'multer';\nconst storage = multer.diskStorage({ destination: './public/uploads', filename: (r, f, cb) => cb(null, f.originalname) });\nexport const upload = multer({ storage });\n" },
      errors: [{ file: 'src/routes.ts', line: 2, column: 17, messageId: 'multer', message: /destination "\.\/public\/uploads"/ }],
    },
    {
      name: 'fs write into uploads/',
      files: { 'src/save.js': "const fs = require('fs');\nconst path = require('path');\nfs.writeFileSync(path.join(__dirname, 'uploads', name), buffer);\n" },
      errors: [{ file: 'src/save.js', line: 3, messageId: 'fs', message: /uploads/ }],
    },
  ],
});
