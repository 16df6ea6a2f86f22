import { grammarParser, type GrammarLanguage, type TsNode } from '../../src/project/lang/tree-sitter.js';
import type { JsFacts } from '../../src/project/js/facts.js';

/** Parses text with a language's grammar and returns what the extractor makes of it (the tree is freed). */
export async function grammarFacts(language: GrammarLanguage, extract: (root: TsNode) => JsFacts, text: string): Promise<JsFacts> {
  const parser = await grammarParser(language);
  const tree = parser.parse(text)!;
  try {
    return extract(tree.rootNode);
  } finally {
    tree.delete();
  }
}
