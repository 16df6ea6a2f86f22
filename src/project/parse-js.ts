import type { SourceFile } from './model.js';

type Estree = typeof import('@typescript-eslint/typescript-estree');
let parser: Estree | undefined;

/** Parses files in place (ast or parseError). The parser module loads only when a file needs it. */
export async function parseJsSource(files: SourceFile[]): Promise<void> {
  parser ??= await import('@typescript-eslint/typescript-estree');
  for (const file of files) {
    try {
      file.ast = parser.parse(file.text, {
        loc: true,
        range: true,
        comment: false,
        jsx: /\.(jsx|tsx|js)$/.test(file.path),
        errorOnUnknownASTType: false,
        allowInvalidAST: true,
      } as Parameters<Estree['parse']>[1]);
    } catch (error) {
      const e = error as { message: string; lineNumber?: number; column?: number };
      file.parseError = { message: e.message.split('\n')[0], range: { line: e.lineNumber ?? 1, column: (e.column ?? 0) + 1, endLine: e.lineNumber ?? 1, endColumn: (e.column ?? 0) + 1 } };
    }
  }
}
