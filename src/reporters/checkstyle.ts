import type { Reporter } from './types.js';
import { shownPath, visible } from './common.js';
import { xml } from './xml.js';

const SEVERITY = { error: 'error', warning: 'warning', info: 'info' } as const;

/** Checkstyle XML (what Jenkins Warnings, reviewdog and many CI tools read). */
export const checkstyle: Reporter = (results, context) => {
  const files: string[] = [];
  for (const result of results) {
    for (const file of result.results) {
      const messages = visible(file, context);
      if (messages.length === 0) continue;
      const errors = messages.map((m) => `    <error line="${m.line}" column="${m.column}" severity="${SEVERITY[m.level]}" message="${xml(m.message)}" source="${xml(m.ruleId ? `twelvelint.${m.ruleId}` : 'twelvelint')}"/>`);
      files.push(`  <file name="${xml(shownPath(result, file.filePath, context))}">\n${errors.join('\n')}\n  </file>`);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n${files.join('\n')}${files.length ? '\n' : ''}</checkstyle>\n`;
};
