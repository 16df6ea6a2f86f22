import { describe, expect, it } from 'vitest';
import { grammarFacts } from '../support/grammar.js';
import { extractGoFacts } from '../../src/project/go/extract.js';

const facts = (text: string) => grammarFacts('go', extractGoFacts, text);

const main = (body: string, imports = '"os"') => `package main\n\nimport (\n\t${imports}\n)\n\nfunc main() {\n${body}\n}\n`;

describe('Go env reads', () => {
  it.each<[string, string, object[]]>([
    ['os.Getenv used as is: Go goes on with ""', main('\tdsn := os.Getenv("DATABASE_URL")\n\tconnect(dsn)'), [{ name: 'DATABASE_URL', hasDefault: true }]],
    ['checked against "" then defaulted', main('\tport := os.Getenv("PORT")\n\tif port == "" {\n\t\tport = "8080"\n\t}'), [{ name: 'PORT', hasDefault: true, condition: true }]],
    ['a test in place', main('\tif os.Getenv("DEBUG") != "" {\n\t\tdebug()\n\t}'), [{ name: 'DEBUG', hasDefault: true, condition: true }]],
    ['os.LookupEnv asks whether it is set', main('\tv, ok := os.LookupEnv("TOKEN")\n\t_ = v\n\t_ = ok'), [{ name: 'TOKEN', hasDefault: false, condition: true }]],
    ['an aliased import', main('\tv := sys.Getenv("REGION")\n\tuse(v)', 'sys "os"'), [{ name: 'REGION', hasDefault: true }]],
    ['struct tags: caarlos0/env and envconfig, required or with a default', 'package config\n\ntype Config struct {\n\tDSN  string `env:"DATABASE_URL,required"`\n\tPort int    `env:"PORT" envDefault:"8080"`\n\tKey  string `envconfig:"API_KEY" required:"true"`\n\tName string `json:"name"`\n}\n', [{ name: 'DATABASE_URL', hasDefault: false }, { name: 'PORT', hasDefault: true }, { name: 'API_KEY', hasDefault: false }]],
  ])('%s', async (_name, text, expected) => {
    const f = await facts(text);
    expect(f.envReads.map((r) => ({ name: r.name, hasDefault: r.hasDefault, ...(r.condition ? { condition: true } : {}) }))).toEqual(expected);
  });

  it('leaves alone Getenv of another package and computed names', async () => {
    const f = await facts(main('\tv := config.Getenv("X")\n\tw := os.Getenv(name)\n\tuse(v, w)', '"os"\n\t"example.com/config"'));
    expect(f.envReads).toEqual([]);
  });

  it('Setenv is a write', async () => {
    const f = await facts(main('\tos.Setenv("TZ", "UTC")'));
    expect(f.envWrites).toEqual(['TZ']);
  });
});

describe('Go strings and imports', () => {
  it('named literals: const, var, :=, struct fields, map keys; raw strings', async () => {
    const f = await facts('package main\n\nimport "os"\n\nconst apiKey = "k-8f3a9c2e1d7b"\n\nvar secretToken = `raw-0a9b8c7d6e`\n\nfunc main() {\n\tpassword := "p-1q2w3e4r5t"\n\tcfg := Config{Password: "hunter2hunter2"}\n\tm := map[string]string{"token": "t-9z8y7x6w"}\n\t_ = os.Args\n\tuse(password, cfg, m)\n}\n');
    expect(f.strings.map((s) => [s.name, s.value])).toEqual([
      ['apiKey', 'k-8f3a9c2e1d7b'],
      ['secretToken', 'raw-0a9b8c7d6e'],
      ['password', 'p-1q2w3e4r5t'],
      ['Password', 'hunter2hunter2'],
      ['token', 't-9z8y7x6w'],
    ]);
    expect(f.imports.map((i) => i.source)).toEqual(['os']);
  });
});
