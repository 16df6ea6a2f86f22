/**
 * Whether a source may nest too deeply for oxc-parser. Its parser and serializer recurse on the
 * native stack with no depth guard (oxc issue 24375): a few thousand nested brackets, ternaries
 * or `if`s end the whole process with SIGSEGV, which no try/catch sees. typescript-estree runs
 * out of JavaScript stack instead, a RangeError that becomes a parse error. So a file this scan
 * cannot clear goes to typescript-estree.
 *
 * One pass over the characters, strings and comments included (an over-estimate, never an
 * under-estimate): the cost of a point is the sum, over the brackets open there, of the bracket
 * and of the recursion-making tokens seen at that level since its last `;` or `,` (right-
 * recursive operators and statements, prefix operators, binary and postfix operators, each at
 * the stack it costs). Costs are bytes of native stack per level, measured with oxc-parser 0.159
 * in a 4 MB worker thread (Node's default; the main thread has 8 MB) at the depth where each shape
 * crashed: nested functions about 2.1 KB per level, `for (x of y) for …` 1.7 KB, `Array<Array<…>>`
 * 1.4 KB, `a ? b : c ? …`/`a = b = …`/`x => x => …`/`if (a) if (b) …`/`l: l: …` 0.85 KB,
 * `<a><a>…` 0.4 KB, `!!!…x`/`2 ** 2 ** …` 0.3 KB, `namespace A.B.C…` 0.2 KB, `1 + 1 + …`,
 * `a.b.c…`, `A[][]…`, `` a`x``x`… `` 0.1 KB or less. Each token is counted at or above the cost of
 * its shape, and the budget is a third of the 4 MB. Real code stays far below it: outline, NodeBB
 * and this project's node_modules peak at about half (minified bundles) and a sixth (sources).
 */
const BRACKET = 2400;
const STATEMENT = 2400;
const ANGLE = 2000;
const CHAIN = 1000;
const UNARY = 350;
const DOT = 250;
const BINARY = 100;
export const NESTING_BUDGET = 1_400_000;

const IDENT = new Uint8Array(128);
for (let c = 0; c < 128; c++) IDENT[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95 ? 1 : 0;

/** Keywords whose body or operand the parser reads by recursion, or that chain (`a as T as U`), with their cost. */
const KEYWORDS = new Map<string, number>([
  ...['if', 'for', 'while', 'do', 'with'].map((k) => [k, STATEMENT] as const),
  ...['else', 'await', 'typeof', 'void', 'delete', 'new', 'yield', 'extends', 'keyof', 'infer', 'readonly', 'unique'].map((k) => [k, CHAIN] as const),
  ...['as', 'satisfies', 'in', 'instanceof', 'of', 'is'].map((k) => [k, BINARY] as const),
]);
const LONGEST_KEYWORD = 10;

/** The estimated native stack a parse of `text` needs, in bytes (see above); compare with NESTING_BUDGET. */
export function nestingCost(text: string): number {
  // levels[i]: the cost of the tokens seen at bracket level i since its last `;`/`,`; total: the sum over open levels plus their brackets.
  const levels: number[] = [0];
  let total = 0;
  let max = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let add = 0;
    switch (c) {
      case 40: // (
      case 91: // [
      case 123: // {
        levels.push(0);
        total += BRACKET;
        if (total > max) max = total;
        continue;
      case 41: // )
      case 93: // ]
      case 125: // }
        if (levels.length > 1) total -= BRACKET + (levels.pop() as number);
        // A closed bracket may be one more link of a chain: `f()()`, `a[0][1]`, `A[][]`.
        add = BINARY;
        break;
      case 59: // ;
      case 44: // ,
        total -= levels[levels.length - 1];
        levels[levels.length - 1] = 0;
        continue;
      case 63: // ?
      case 58: // : (labels, conditional types)
        add = CHAIN;
        break;
      case 61: {
        // `=` alone or in `=>`, `+=` …; not the `=`s of `==`, `===`, `!=`, `<=`, `>=`.
        const prev = text.charCodeAt(i - 1);
        if (text.charCodeAt(i + 1) !== 61 && prev !== 61 && prev !== 33 && prev !== 60 && prev !== 62) add = CHAIN;
        break;
      }
      case 60: // `<` opens a type argument list or a JSX element (`</` closes one)
        add = text.charCodeAt(i + 1) === 47 ? BINARY : ANGLE;
        break;
      case 33: // !
      case 126: // ~
      case 43: // +
      case 45: // -
      case 42: // * (`**` is right-recursive)
        add = UNARY;
        break;
      case 47: // /
      case 37: // %
      case 124: // |
      case 38: // &
      case 94: // ^
      case 62: // >
      case 96: // `
        add = BINARY;
        break;
      case 46: // . (`namespace A.B.C…` nests)
        add = DOT;
        break;
      default:
        // A keyword: lower-case letters after a character that cannot be part of a name.
        if (c >= 97 && c <= 122 && !(i > 0 && text.charCodeAt(i - 1) < 128 && IDENT[text.charCodeAt(i - 1)])) {
          let j = i + 1;
          while (j < n && j - i <= LONGEST_KEYWORD) {
            const d = text.charCodeAt(j);
            if (d >= 128 || !IDENT[d]) break;
            j++;
          }
          const next = j < n ? text.charCodeAt(j) : 32;
          if (j - i <= LONGEST_KEYWORD && !(next < 128 && IDENT[next])) add = KEYWORDS.get(text.slice(i, j)) ?? 0;
          i = j - 1;
        }
        break;
    }
    if (add) {
      levels[levels.length - 1] += add;
      total += add;
      if (total > max) max = total;
    }
  }
  return max;
}

/** Whether oxc-parser may overflow its native stack on `text` (then typescript-estree parses it). */
export function tooDeepForOxc(text: string): boolean {
  return nestingCost(text) > NESTING_BUDGET;
}
