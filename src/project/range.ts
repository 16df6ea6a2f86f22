/** A span in a file. All numbers are 1-based; end is exclusive in column. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function pointRange(line: number, column = 1): Range {
  return { line, column, endLine: line, endColumn: column };
}

/** Range of a whole line of text (1-based line number). */
export function lineRange(lines: readonly string[], line: number): Range {
  const text = lines[line - 1] ?? '';
  const first = text.search(/\S/);
  const column = first < 0 ? 1 : first + 1;
  return { line, column, endLine: line, endColumn: text.length + 1 };
}

/** Converts a 0-based character offset into a 1-based line/column using precomputed line starts. */
export function offsetToPosition(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * Line starts with the line breaks of ECMAScript (and TypeScript's `getLineAndCharacterOfPosition`):
 * `\n`, `\r\n`, a lone `\r`, U+2028 and U+2029. For JS/TS positions from offsets.
 */
export function jsLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 0x2028 || c === 0x2029) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function offsetsToRange(lineStarts: readonly number[], start: number, end: number): Range {
  const a = offsetToPosition(lineStarts, start);
  const b = offsetToPosition(lineStarts, Math.max(start, end));
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}
