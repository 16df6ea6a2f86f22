import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Range } from '../range.js';
import type { JsFacts } from './facts.js';
import { extractFacts } from './extract.js';
import { childKeysOf, type ChildKeys } from './extract/walk.js';
import type { OffsetTree } from './extract/scope.js';
import { describeOverflow } from '../limits.js';
import { tooDeepForOxc } from './nesting.js';
import { jsLineStarts, offsetToPosition } from '../range.js';

export type Estree = typeof import('@typescript-eslint/typescript-estree');
export type Oxc = typeof import('oxc-parser');
/** Either parser module: oxc-parser when its native binding loads, else typescript-estree (see loadParser in parse-js.ts). */
export type JsParser = Estree | Oxc;

export interface ParsedFile {
  facts?: JsFacts;
  parseError?: { message: string; range: Range };
  /** Time spent on this file (parse and extraction), for limits.maxFileMs. */
  ms?: number;
}

const START: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function isOxc(parser: JsParser): parser is Oxc {
  return typeof (parser as Partial<Oxc>).parseSync === 'function';
}

/**
 * Parses one file and extracts its facts; the AST is dropped right away.
 * The file name decides the dialect (TypeScript's own rule: `.js` allows JSX, `.ts` does not).
 * With oxc-parser, a file it rejects goes to `fallback` (typescript-estree), when given, which
 * decides whether it is an error (see loadParser in parse-js.ts).
 */
export function parseAndExtract(parser: JsParser, filePath: string, text: string, fallback?: () => Estree): ParsedFile {
  const started = performance.now();
  const parsed = isOxc(parser) ? parseWithOxc(parser, filePath, text, fallback) : parseWithEstree(parser, filePath, text);
  parsed.ms = performance.now() - started;
  return parsed;
}

function parseWithEstree(parser: Estree, filePath: string, text: string): ParsedFile {
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
    if (overflow) return { parseError: { message: `Source ${overflow}`, range: START } };
    const e = error as { message?: string; lineNumber?: number; column?: number };
    const line = e.lineNumber ?? 1;
    const column = (e.column ?? 0) + 1;
    return { parseError: { message: String(e.message ?? error).split('\n')[0], range: { line, column, endLine: line, endColumn: column } } };
  }
  return extract(ast);
}

/**
 * oxc-parser's dialect by TypeScript's rule (oxc's own default reads `.js` without JSX):
 * `.ts`/`.mts`/`.cts` are TypeScript without JSX, `.tsx` with it, every JavaScript file may hold JSX.
 */
function oxcLang(filePath: string): 'jsx' | 'ts' | 'tsx' | 'dts' {
  if (/\.d\.[cm]?ts$/i.test(filePath)) return 'dts';
  if (/\.[cm]?ts$/i.test(filePath)) return 'ts';
  if (/\.tsx$/i.test(filePath)) return 'tsx';
  return 'jsx';
}

/**
 * oxc-parser gives the same ESTree/TS-ESTree nodes as typescript-estree, without `loc`: nodes carry
 * UTF-16 `start`/`end` offsets, which the extractor turns into lines and columns for the few nodes
 * that become facts. Parentheses are dropped as typescript-estree drops them. oxc recovers from
 * syntax errors where typescript-estree throws: any error rejects the file, and `fallback`, when
 * given, parses it again (else the first error is the parse error). So does a file nested too
 * deeply for oxc-parser, before oxc-parser sees it.
 */
function parseWithOxc(oxc: Oxc, filePath: string, text: string, fallback: (() => Estree) | undefined): ParsedFile {
  // Deep enough nesting crashes the process inside oxc-parser (see nesting.ts): typescript-estree reads such a file.
  if (tooDeepForOxc(text)) return fallback ? parseWithEstree(fallback(), filePath, text) : { parseError: { message: 'Source nested too deeply to parse (oxc-parser would run out of stack)', range: START } };
  let program;
  try {
    const options = { lang: oxcLang(filePath), astType: 'ts', preserveParens: false, range: false } as const;
    let result = oxc.parseSync(filePath, text, options);
    // A top-level `return` (a CommonJS script), which TypeScript's parser accepts: read a file without
    // import or export as CommonJS before giving up on oxc-parser (and loading typescript-estree).
    if (hasError(result) && !result.module.hasModuleSyntax) {
      const asCommonJs = oxc.parseSync(filePath, text, { ...options, sourceType: 'commonjs' });
      if (!hasError(asCommonJs)) result = asCommonJs;
    }
    const error = result.errors.find((e) => e.severity === 'Error');
    if (error) {
      if (fallback) return parseWithEstree(fallback(), filePath, text);
      const at = error.labels[0]?.start;
      const pos = at === undefined ? undefined : offsetToPosition(jsLineStarts(text), at);
      return { parseError: { message: error.message.split('\n')[0], range: pos ? { line: pos.line, column: pos.column, endLine: pos.line, endColumn: pos.column } : START } };
    }
    program = result.program;
  } catch (error) {
    if (fallback) return parseWithEstree(fallback(), filePath, text);
    const overflow = describeOverflow(error);
    if (overflow) return { parseError: { message: `Source ${overflow}`, range: START } };
    return { parseError: { message: String((error as Error).message ?? error).split('\n')[0], range: START } };
  }
  // The shapes are TS-ESTree's (oxc-parser's promise, checked by scripts/compare-parsers.mjs); only the declared types differ.
  return extract(program as unknown as TSESTree.Program, { text, childKeys: oxcChildKeys(oxc) });
}

function hasError(result: { errors: readonly { severity: string }[] }): boolean {
  return result.errors.some((e) => e.severity === 'Error');
}

let childKeys: { of: Oxc; keys: ChildKeys } | undefined;
function oxcChildKeys(oxc: Oxc): ChildKeys {
  if (childKeys?.of !== oxc) childKeys = { of: oxc, keys: childKeysOf(oxc.visitorKeys) };
  return childKeys.keys;
}

function extract(ast: TSESTree.Program, tree?: OffsetTree): ParsedFile {
  try {
    return { facts: extractFacts(ast, tree) };
  } catch (error) {
    // A bug in extraction must not take the run down: the file simply has no facts.
    const overflow = describeOverflow(error);
    if (overflow) return { parseError: { message: `Source ${overflow}`, range: START } };
    return { parseError: { message: `internal: fact extraction failed (${(error as Error).message})`, range: START } };
  }
}
