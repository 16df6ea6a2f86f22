import type { Reporter } from './types.js';

/** The published JSON contract (schemas/result.schema.json). */
export const json: Reporter = (result) => `${JSON.stringify(result, null, 2)}\n`;
