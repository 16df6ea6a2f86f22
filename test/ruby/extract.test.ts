import { describe, expect, it } from 'vitest';
import { grammarFacts } from '../support/grammar.js';
import { extractRubyFacts } from '../../src/project/ruby/extract.js';

const facts = (text: string) => grammarFacts('ruby', extractRubyFacts, text);

describe('Ruby facts', () => {
  it('env reads: ENV[] is nil when unset, ENV.fetch raises unless given a default or a block', async () => {
    const f = await facts("a = ENV['REDIS_URL']\nb = ENV.fetch('SECRET_KEY_BASE')\nc = ENV.fetch('PORT', 3000)\nd = ENV.fetch('HOST') { 'localhost' }\nENV['TZ'] = 'UTC'\nx = ENV[name]\n");
    expect(f.envReads.map((r) => [r.name, r.hasDefault])).toEqual([['REDIS_URL', true], ['SECRET_KEY_BASE', false], ['PORT', true], ['HOST', true]]);
    expect(f.envWrites).toEqual(['TZ']);
  });

  it('reads that test whether a variable is set: conditions and predicates (docuseal sidekiq.rb)', async () => {
    const f = await facts("if !ENV['A'].to_s.empty? && defined?(X)\n  y = ENV.fetch('A')\nend\nputs 1 if ENV['B'].present?\nz = ENV['C'] ? 1 : 2\nw = ENV['D'].to_s\nunless ENV['E']\nend\n");
    expect(f.envReads.map((r) => [r.name, Boolean(r.condition)])).toEqual([['A', true], ['A', false], ['B', true], ['C', true], ['D', false], ['E', true]]);
  });

  it('named literals (constants, variables, instance variables, hash pairs) and requires; interpolated strings are not literals', async () => {
    const f = await facts("require 'sidekiq'\nAPI_KEY = 'k-8f3a9c2e1d7b'\n@token = 't-1q2w3e4r5t'\nconfig = { password: 'p-9z8y7x6w', 'secret' => 's-0a9b8c7d' }\nurl = \"redis://#{host}\"\n");
    expect(f.strings.map((s) => [s.name, s.value])).toEqual([['API_KEY', 'k-8f3a9c2e1d7b'], ['token', 't-1q2w3e4r5t'], ['password', 'p-9z8y7x6w'], ['secret', 's-0a9b8c7d']]);
    expect(f.imports.map((i) => i.source)).toEqual(['sidekiq']);
  });
});
