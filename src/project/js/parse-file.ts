import type { Range } from '../range.js';
import type { JsFacts } from './facts.js';
import { extractFacts } from './extract.js';
import { describeOverflow } from '../limits.js';

export type Estree = typeof import('@typescript-eslint/typescript-estree');

export interface ParsedFile {
  facts?: JsFacts;
  parseError?: { message: string; range: Range };
  /** Time spent on this file (parse and extraction), for limits.maxFileMs. */
  ms?: number;
}

/**
 * Parses one file and extracts its facts; the AST is dropped right away.
 * The file name decides the dialect (TypeScript's own rule: `.js` allows JSX, `.ts` does not).
 */
export function parseAndExtract(parser: Estree, filePath: string, text: string): ParsedFile {
  const started = performance.now();
  const parsed = parseAndExtractUntimed(parser, filePath, text);
  parsed.ms = performance.now() - started;
  return parsed;
}

function parseAndExtractUntimed(parser: Estree, filePath: string, text: string): ParsedFile {
  let ast;
  try {
    ast = parser.parse(text, {
      filePath,
      loc: true,
      range: true, // with range: false typescript-estree walks the whole tree again to delete it (measured slower)
      comment: false,
      tokens: false,
      jsDocParsingMode: 'none',
      errorOnUnknownASTType: false,
      allowInvalidAST: true,
      suppressDeprecatedPropertyWarnings: true,
    } as Parameters<Estree['parse']>[1]);
  } catch (error) {
    const overflow = describeOverflow(error);
    if (overflow) return { parseError: { message: `Source ${overflow}`, range: { line: 1, column: 1, endLine: 1, endColumn: 1 } } };
    const e = error as { message?: string; lineNumber?: number; column?: number };
    const line = e.lineNumber ?? 1;
    const column = (e.column ?? 0) + 1;
    return { parseError: { message: String(e.message ?? error).split('\n')[0], range: { line, column, endLine: line, endColumn: column } } };
  }
  try {
    return { facts: extractFacts(ast) };
  } catch (error) {
    // A bug in extraction must not take the run down: the file simply has no facts.
    const overflow = describeOverflow(error);
    if (overflow) return { parseError: { message: `Source ${overflow}`, range: { line: 1, column: 1, endLine: 1, endColumn: 1 } } };
    return { parseError: { message: `internal: fact extraction failed (${(error as Error).message})`, range: { line: 1, column: 1, endLine: 1, endColumn: 1 } } };
  }
}
