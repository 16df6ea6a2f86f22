import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../src/rules/index.js';
import { renderRuleDoc, renderRuleTable, ruleDocPath } from '../src/docs/render.js';
import { FACTORS } from '../src/rules/rule.js';
import { ROOT } from './support/cli.js';

describe('catalogue', () => {
  it('rule ids are unique and named <family>/<kebab-name>', () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of allRules) expect(r.id).toMatch(new RegExp(`^${r.factor}/[a-z0-9]+(-[a-z0-9]+)*$`));
  });

  it('every rule has docs metadata and a test file', () => {
    for (const r of allRules) {
      expect(r.docs.summary.length, r.id).toBeGreaterThan(10);
      expect(r.docs.rationale.length, r.id).toBeGreaterThan(40);
      expect(r.docs.fix.length, r.id).toBeGreaterThan(10);
      const testDir = path.join(ROOT, 'test/rules', r.factor);
      const name = r.id.split('/')[1];
      const camel = name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
      const tested =
        existsSync(testDir) &&
        readdirSync(testDir).some((f) => {
          if (!f.endsWith('.test.ts')) return false;
          const text = readFileSync(path.join(testDir, f), 'utf8');
          return f === `${name}.test.ts` || new RegExp(`ruleTester\\(${camel}\\b`).test(text);
        });
      expect(tested, `no test for ${r.id}`).toBe(true);
    }
  });

  it('the recommended preset has rules for all twelve factors and swarm', () => {
    for (const f of [...FACTORS, 'swarm']) expect(allRules.some((r) => r.factor === f && r.recommended), f).toBe(true);
  });
});

describe('docs are generated from metadata and not stale (run `npm run docs`)', () => {
  for (const rule of allRules) {
    it(ruleDocPath(rule.id), () => {
      const file = path.join(ROOT, ruleDocPath(rule.id));
      expect(existsSync(file), `${file} is missing`).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(renderRuleDoc(rule));
    });
  }
  it('README rule table', () => {
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(renderRuleTable(allRules));
  });
});
