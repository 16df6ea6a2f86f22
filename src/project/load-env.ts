import type { EnvEntry, EnvFile, TextFile } from './model.js';
import { basename } from './paths.js';

const TEMPLATE_NAME = /\.(example|sample|template|dist|defaults?|tmpl|tpl)$|^\.env\.(example|sample|template|dist)|example|sample/i;

/** Parses dotenv syntax: `KEY=value`, `export KEY=value`, quotes, `#` comments. */
export function loadEnvFile(file: TextFile): EnvFile {
  const entries: EnvEntry[] = [];
  file.lines.forEach((raw, index) => {
    const m = /^(\s*(?:export\s+)?)([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(raw);
    if (!m) return;
    const [, prefix, key, rest] = m;
    let value = rest;
    let valueStart = raw.length - rest.length;
    const quote = value[0];
    if (quote === '"' || quote === "'") {
      const end = value.indexOf(quote, 1);
      value = end > 0 ? value.slice(1, end) : value.slice(1);
      valueStart += 1;
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    const line = index + 1;
    entries.push({
      key,
      value,
      line,
      range: { line, column: prefix.length + 1, endLine: line, endColumn: prefix.length + key.length + 1 },
      valueRange: { line, column: valueStart + 1, endLine: line, endColumn: valueStart + 1 + value.length },
    });
  });
  return { ...file, entries, isTemplate: TEMPLATE_NAME.test(basename(file.path)) };
}
