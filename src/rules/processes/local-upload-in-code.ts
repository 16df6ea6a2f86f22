import { defineRule } from '../rule.js';
import { TOOL_CONFIG, parsedSources, strings } from '../../project/js/query.js';

const FS_WRITE = /^(fs|fs\/promises|fs-extra):(promises\.)?(writeFile|writeFileSync|createWriteStream|appendFile|appendFileSync|outputFile|outputFileSync|move|moveSync|copyFile|copyFileSync|rename|renameSync)$/;
const UPLOAD_DIR = /(^|[/\\])(uploads?|user[-_]?uploads?|upload[-_]?files|media|attachments|avatars)([/\\]|$)/i;

export default defineRule({
  id: 'processes/local-upload-in-code',
  factor: 'processes',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['source'],
  sourcePrefilter: /multer|(?:writeFile|createWriteStream|appendFile|moveSync|\.move|renameSync|\.rename|copyFile|\.mv)\w*\([^\n]*(?:[Uu]pload|UPLOAD|[Mm]edia|[Aa]ttachment|[Aa]vatar)/,
  docs: {
    summary: "Uploaded files are written to the container's local disk",
    rationale:
      "Factor VI: the memory space or filesystem of a process can be used as a brief, single-transaction cache, never as storage that a later request expects to find. `multer({ dest })`, `multer.diskStorage(...)` and `fs.writeFile`/`createWriteStream` into an `uploads/` directory keep user files in one container: other replicas cannot serve them, and they are lost when the task is rescheduled or the image is updated.",
    fix: 'Stream uploads to object storage (S3, MinIO, GCS; `multer-s3`, `@aws-sdk/lib-storage`) or another backing service, and keep only temporary files on local disk.',
    swarm: 'Each task has its own writable layer, and named volumes are local to the node the task runs on; a replica on another node (or a rescheduled task) does not see the files.',
    bad: "const upload = multer({ dest: 'uploads/' });",
    good: "const upload = multer({ storage: multerS3({ s3, bucket: process.env.UPLOAD_BUCKET }) });",
    exampleLanguage: 'js',
  },
  messages: {
    multer: 'multer stores uploads on the local disk ({{path}}): another replica does not have the file, and it is lost when the task is rescheduled. Store uploads in object storage (multer-s3) or another shared backing service',
    fs: 'Uploaded files are written to a local directory ({{path}}): another replica does not have them, and they are lost when the task is rescheduled. Store them in object storage or another shared backing service',
  },
  check({ project, report }) {
    for (const file of parsedSources(project)) {
      if (TOOL_CONFIG.test(file.path)) continue;
      for (const call of file.facts.calls) {
        if (call.callee === 'multer:diskStorage') {
          const dest = call.args[0]?.k === 'obj' ? call.args[0].props.destination : undefined;
          // `multer.diskStorage({})`: no destination stages each upload in the OS temp folder for its request only.
          if (call.args[0]?.k === 'obj' && !dest) continue;
          const shown = dest ? [...strings(dest)][0] : undefined;
          report({ file: file.path, range: call.range, messageId: 'multer', data: { path: shown ? `destination ${JSON.stringify(shown)}` : 'diskStorage' } });
          continue;
        }
        if (call.callee === 'multer:') {
          const opts = call.args[0];
          if (opts?.k !== 'obj') continue;
          const dest = opts.props.dest;
          // storage: multer.diskStorage(...) is reported at the diskStorage call.
          if (dest && !opts.props.storage) {
            const shown = [...strings(dest)][0];
            report({ file: file.path, range: call.range, messageId: 'multer', data: { path: shown ? `dest ${JSON.stringify(shown)}` : 'dest' } });
          }
          continue;
        }
        if (FS_WRITE.test(call.callee) || /(^|\.)mv$/.test(call.callee)) {
          const target = /(move|rename|copyFile)/.test(call.callee) ? call.args[1] : call.args[0];
          const path = [...strings(target)].join('/');
          if (!UPLOAD_DIR.test(path)) continue;
          report({ file: file.path, range: call.range, messageId: 'fs', data: { path: [...strings(target)].filter(Boolean).join(', ') } });
        }
      }
    }
  },
});
