import { describe, expect, it } from 'vitest';
import { grammarFacts } from '../support/grammar.js';
import { extractPhpFacts } from '../../src/project/php/extract.js';

const facts = (text: string) => grammarFacts('php', extractPhpFacts, text);

describe('PHP facts', () => {
  it("env reads: getenv, Laravel's env() with and without a default, $_ENV and $_SERVER; putenv writes", async () => {
    const f = await facts("<?php\n$a = getenv('DB_HOST');\n$b = env('APP_DEBUG', false);\n$c = $_ENV['REDIS_URL'];\n$d = $_SERVER['APP_KEY'];\nputenv('TZ=UTC');\n$e = env($name);\n");
    expect(f.envReads.map((r) => [r.name, r.hasDefault, r.fallback])).toEqual([['DB_HOST', true, undefined], ['APP_DEBUG', true, { k: 'bool', v: false }], ['REDIS_URL', true, undefined], ['APP_KEY', true, undefined]]);
    expect(f.envWrites).toEqual(['TZ']);
  });

  it('named literals: variables, array keys, constants, env fallbacks; strings with variables are not literals', async () => {
    const f = await facts("<?php\n$apiKey = 'k-8f3a9c2e1d7b';\nreturn ['password' => 'p-9z8y7x6w', 'key' => env('APP_KEY', 'base64:abcdefghijkl')];\nconst SECRET = 's-0a9b8c7d';\n$u = \"mysql://$user@host\";\n");
    expect(f.strings.map((s) => [s.name, s.value])).toEqual([['apiKey', 'k-8f3a9c2e1d7b'], ['password', 'p-9z8y7x6w'], ['APP_KEY', 'base64:abcdefghijkl'], ['SECRET', 's-0a9b8c7d']]);
  });
});
