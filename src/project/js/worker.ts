import { loadEstree, loadParser } from '../parse-js.js';
import { parseAndExtract, type ParsedFile } from './parse-file.js';

/**
 * Tinypool worker: loads the parser once when the thread starts (the same choice as the
 * main thread: oxc-parser, else typescript-estree), then parses batches and returns only
 * the small per-file facts (never the AST).
 */
export interface ParseTask {
  files: { path: string; text: string }[];
}

const parser = loadParser();

export default function parseBatch(task: ParseTask): ParsedFile[] {
  return task.files.map((f) => parseAndExtract(parser, f.path, f.text, loadEstree));
}
