import type { Reporter } from './types.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

export const reporters: Record<string, Reporter> = { stylish, json };
export type { Reporter, ReporterOptions } from './types.js';
