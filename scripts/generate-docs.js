#!/usr/bin/env node
// Writes docs/rules/<id>.md and the README rule table from the rule metadata (run `npm run build` first).
import { mkdirSync, readFileSync, writeFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allRules } from '../dist/rules/index.js';
import { renderRuleDoc, replaceRuleTable, ruleDocPath } from '../dist/docs/render.js';
import { renderSwarmifyDoc } from '../dist/swarmify/docs.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const wanted = new Set();
for (const rule of allRules) {
  const file = path.join(root, ruleDocPath(rule.id));
  wanted.add(file);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, renderRuleDoc(rule));
}
// Remove pages of rules that no longer exist.
const docsDir = path.join(root, 'docs/rules');
for (const family of readdirSync(docsDir)) {
  const dir = path.join(docsDir, family);
  for (const page of existsSync(dir) ? readdirSync(dir) : []) {
    const file = path.join(dir, page);
    if (!wanted.has(file)) rmSync(file);
  }
}
const readmePath = path.join(root, 'README.md');
writeFileSync(readmePath, replaceRuleTable(readFileSync(readmePath, 'utf8'), allRules));
writeFileSync(path.join(root, 'docs/swarmify.md'), renderSwarmifyDoc());
console.log(`docs: ${allRules.length} rule pages, the README table and docs/swarmify.md written`);
