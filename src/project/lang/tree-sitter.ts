import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * tree-sitter grammars for the server languages that are not JS/TS, loaded lazily per language
 * from `@vscode/tree-sitter-wasm` (WASM grammars and the runtime of the matching ABI, no native
 * build, no download). A grammar built for another ABI than the runtime is refused with a clear
 * message, never used half-working.
 */

type TreeSitter = typeof import('@vscode/tree-sitter-wasm');
export type TsParser = InstanceType<TreeSitter['Parser']>;
export type TsNode = NonNullable<ReturnType<TsParser['parse']>>['rootNode'];

export const GRAMMAR_LANGUAGES = ['python', 'go', 'ruby', 'php', 'java'] as const;
export type GrammarLanguage = (typeof GRAMMAR_LANGUAGES)[number];

const GRAMMAR_FILE: Record<GrammarLanguage, string> = { python: 'tree-sitter-python.wasm', go: 'tree-sitter-go.wasm', ruby: 'tree-sitter-ruby.wasm', php: 'tree-sitter-php.wasm', java: 'tree-sitter-java.wasm' };

let runtime: Promise<{ ts: TreeSitter; dir: string }> | undefined;
const parsers = new Map<GrammarLanguage, Promise<TsParser>>();

/** The runtime module and the folder of its grammars: the installed package, or a copy beside a bundle. */
function loadRuntime(): Promise<{ ts: TreeSitter; dir: string }> {
  return (runtime ??= (async () => {
    const load = createRequire(import.meta.url);
    let entry: string;
    try {
      entry = load.resolve('@vscode/tree-sitter-wasm');
    } catch {
      // The GitHub Action's bundle carries a copy (scripts/build-action.mjs).
      const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), 'tree-sitter', 'tree-sitter.cjs');
      if (!existsSync(beside)) throw new Error('the tree-sitter grammars (@vscode/tree-sitter-wasm) are not installed');
      entry = beside;
    }
    const ts = load(entry) as TreeSitter;
    await ts.Parser.init();
    return { ts, dir: path.dirname(entry) };
  })());
}

/** A parser for the language; rejects with a readable reason when the grammar cannot be used. */
export function grammarParser(language: GrammarLanguage): Promise<TsParser> {
  let p = parsers.get(language);
  if (!p) {
    p = (async () => {
      const { ts, dir } = await loadRuntime();
      const grammar = await ts.Language.load(path.join(dir, GRAMMAR_FILE[language]));
      const abi = grammar.abiVersion;
      if (abi < ts.MIN_COMPATIBLE_VERSION || abi > ts.LANGUAGE_VERSION) {
        throw new Error(`the ${language} grammar is built for tree-sitter ABI ${abi}, but the runtime reads ABI ${ts.MIN_COMPATIBLE_VERSION}–${ts.LANGUAGE_VERSION}`);
      }
      const parser = new ts.Parser();
      parser.setLanguage(grammar);
      return parser;
    })();
    parsers.set(language, p);
  }
  return p;
}
