import { readFileSync } from 'node:fs';

/** The JSON Schema shipped in the package (schemas/); read from there so there is one copy. */
export function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

export const configSchema = readSchema('config.schema.json');
