import { describe, expect, it } from 'vitest';
import { grammarFacts } from '../support/grammar.js';
import { extractJavaFacts } from '../../src/project/java/extract.js';

const facts = (text: string) => grammarFacts('java', extractJavaFacts, text);

describe('Java facts', () => {
  it('env reads: System.getenv is null when unset, getOrDefault falls back; a computed name is left alone', async () => {
    const f = await facts('class A { void f(String n) { String u = System.getenv("DB_URL"); String p = System.getenv().getOrDefault("PORT", "8080"); String x = System.getenv(n); } }');
    expect(f.envReads.map((r) => [r.name, r.hasDefault, r.fallback])).toEqual([['DB_URL', true, undefined], ['PORT', true, { k: 'str', v: '8080' }]]);
  });

  it('named literals: fields, locals, assignments; imports', async () => {
    const f = await facts('import java.util.Map;\nclass A { private static final String API_KEY = "k-8f3a9c2e1d7b"; String token; void f() { String password = "p-1q2w3e4r5t"; this.token = "t-9z8y7x6w"; String s = "a" + b; } }');
    expect(f.strings.map((s) => [s.name, s.value])).toEqual([['API_KEY', 'k-8f3a9c2e1d7b'], ['password', 'p-1q2w3e4r5t'], ['token', 't-9z8y7x6w']]);
    expect(f.imports.map((i) => i.source)).toEqual(['java.util.Map']);
  });
});
