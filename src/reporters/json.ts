import type { AuditResult } from '../engine/result.js';
import type { Reporter } from './types.js';
import { shownPath, visible } from './common.js';

/** The result as JSON (schemas/result.schema.json); several projects give an array. --quiet keeps errors only. */
export const json: Reporter = (results, context) => {
  const shaped = results.map((r): AuditResult => ({
    ...r,
    results: r.results
      .map((file) => ({ ...file, filePath: shownPath(r, file.filePath, context), messages: visible(file, context) }))
      .filter((file) => file.messages.length > 0 || file.suppressedMessages.length > 0),
  }));
  return `${JSON.stringify(shaped.length === 1 ? shaped[0] : shaped, null, 2)}\n`;
};
