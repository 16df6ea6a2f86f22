// Writes a synthetic tree for the limits measurement (README "Limits"):
//   node scripts/big-tree.mjs DIR [files=50000] [jsShare=0.1]
// Files are spread over 500 folders; a share of them are JS files that read the environment
// (so source rules parse them), the rest are assets the audit lists and leaves alone.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [dir, filesArg = '50000', shareArg = '0.1'] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: node scripts/big-tree.mjs DIR [files] [jsShare]\n');
  process.exit(2);
}
const files = Number(filesArg);
const jsEvery = Math.max(1, Math.round(1 / Number(shareArg)));
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'package.json'), '{"name":"big","scripts":{"start":"node src/0/f0.js"}}\n');
writeFileSync(path.join(dir, 'Dockerfile'), 'FROM node:20\nCOPY . .\nCMD ["node", "src/0/f0.js"]\n');
for (let i = 0; i < files; i++) {
  const folder = path.join(dir, 'src', String(i % 500));
  if (i < 500) mkdirSync(folder, { recursive: true });
  if (i % jsEvery === 0) writeFileSync(path.join(folder, `f${i}.js`), `const port = process.env.PORT_${i} || ${3000 + (i % 1000)};\nmodule.exports = function handler(req, res) {\n  res.end(String(port));\n};\n`);
  else writeFileSync(path.join(folder, `a${i}.txt`), `asset ${i}\n`);
}
