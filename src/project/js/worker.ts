import * as parser from '@typescript-eslint/typescript-estree';
import { parseAndExtract, type ParsedFile } from './parse-file.js';

/**
 * Tinypool worker: loads the parser once when the thread starts, then parses
 * batches and returns only the small per-file facts (never the AST).
 */
export interface ParseTask {
  files: { path: string; text: string }[];
}

export default function parseBatch(task: ParseTask): ParsedFile[] {
  return task.files.map((f) => parseAndExtract(parser, f.path, f.text));
}
