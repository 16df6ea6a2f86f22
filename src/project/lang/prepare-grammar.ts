import type { Project, SourceFile } from '../model.js';
import type { Diagnostic } from '../diagnostics.js';
import { isNotShippedPath } from '../facts/deploy.js';
import { slowFile, type Limits } from '../limits.js';
import { grammarParser, type GrammarLanguage } from './tree-sitter.js';
import { extractPythonFacts } from '../python/extract.js';
import { extractGoFacts } from '../go/extract.js';
import { extractRubyFacts } from '../ruby/extract.js';
import { extractPhpFacts } from '../php/extract.js';
import { extractJavaFacts } from '../java/extract.js';

/** What makes any file worth reading for secrets: a credential-like name or a URL with a password. */
const SECRET_HINT = String.raw`secret|passw|token|api_?key|apiKey|private_?key|:\/\/[^\s'"\`]*:[^\s'"\`]*@`;

/** What may matter in a file of each language, tested on raw text before parsing (as the JS/TS prefilters are). */
const PREFILTER: Record<GrammarLanguage, RegExp> = {
  python: new RegExp(`environ|getenv|decouple|FileHandler|basicConfig|SESSION_ENGINE|DATABASES|${SECRET_HINT}`, 'i'),
  ruby: new RegExp(`ENV|${SECRET_HINT}`, 'i'),
  php: new RegExp(`getenv|env\\(|\\$_ENV|\\$_SERVER|${SECRET_HINT}`, 'i'),
  java: new RegExp(`getenv|${SECRET_HINT}`, 'i'),
  go: new RegExp(`Getenv|LookupEnv|Setenv|env(config)?:"|${SECRET_HINT}`, 'i'),
};

const EXTRACT: Partial<Record<GrammarLanguage, typeof extractPythonFacts>> = { python: extractPythonFacts, go: extractGoFacts, ruby: extractRubyFacts, php: extractPhpFacts, java: extractJavaFacts };

/**
 * Parses the shipped files of the languages read through tree-sitter grammars that the enabled
 * rules read, and keeps their facts (the tree is dropped). A grammar that cannot be loaded is a
 * diagnostic, and the language stays unread (its factors are `not-assessed`).
 */
export async function prepareGrammarSources(project: Project, languages: readonly GrammarLanguage[], limits: Limits, diagnostics: Diagnostic[]): Promise<void> {
  for (const language of languages) {
    const extract = EXTRACT[language];
    if (!extract) continue;
    // Kotlin files share the 'java' language tag but not the grammar.
    const files = project.sources.filter((s) => s.language === language && !isNotShippedPath(s.path) && !(language === 'java' && !s.path.endsWith('.java')) && PREFILTER[language].test(s.text));
    if (files.length === 0) continue;
    let parser;
    try {
      parser = await grammarParser(language);
    } catch (error) {
      diagnostics.push({ code: 'grammar-unavailable', severity: 'warning', message: `${language} source is not read: ${(error as Error).message}` });
      project.unreadGrammars = [...(project.unreadGrammars ?? []), language];
      continue;
    }
    for (const file of files) parseOne(file, parser, extract, limits, diagnostics);
  }
}

function parseOne(file: SourceFile, parser: Awaited<ReturnType<typeof grammarParser>>, extract: typeof extractPythonFacts, limits: Limits, diagnostics: Diagnostic[]): void {
  const t0 = performance.now();
  const tree = parser.parse(file.text);
  if (!tree) return;
  try {
    file.facts = extract(tree.rootNode);
  } finally {
    tree.delete();
  }
  file.parseMs = performance.now() - t0;
  slowFile(file.path, file.parseMs, limits, diagnostics);
}
