import { describe, expect, it } from 'vitest';
import * as estree from '@typescript-eslint/typescript-estree';
import { parseAndExtract, type JsParser } from '../../src/project/js/parse-file.js';
import { loadParser, parserName } from '../../src/project/parse-js.js';
import type { JsFacts } from '../../src/project/js/facts.js';

// Both parsers, when oxc-parser's binding loads here (loadParser picks it then).
const chosen = loadParser();
const parsers: [string, JsParser][] = [['typescript-estree', estree]];
if (parserName()?.startsWith('oxc-parser')) parsers.push(['oxc-parser', chosen]);

describe.each(parsers)('fact extraction with %s', (_name, parser) => {
  function facts(code: string, file = 'src/x.ts'): JsFacts {
    const r = parseAndExtract(parser, file, code);
    if (!r.facts) throw new Error(r.parseError?.message ?? 'no facts');
    return r.facts;
  }

  it('resolves callees through imports, requires, instances and destructuring', () => {
    const f = facts(
      "import winston, { transports } from 'winston';\nconst { Server } = require('socket.io');\nimport * as fs from 'node:fs';\nconst knex = require('knex')({});\nnew transports.File({});\nnew winston.transports.File({});\nconst io = new Server(1);\nio.adapter(x);\nfs.createWriteStream('a.log');\nknex.migrate.latest();\n",
    );
    expect(f.calls.map((c) => c.callee)).toEqual(['knex:', 'winston:transports.File', 'winston:transports.File', 'socket.io:Server', 'socket.io:Server().adapter', 'fs:createWriteStream', 'knex:().migrate.latest']);
  });

  it('an environment built for a child process sets its variables (NodeBB install/web.js); other objects do not', () => {
    const f = facts("const setup = { ...process.env, NODEBB_DB: db, NODEBB_DB_HOST: host };\nfork('app.js', [], { env: { PORT: '4567' } });\nconst other = { NOT_ENV: 1 };\n");
    expect(f.envWrites).toEqual(['NODEBB_DB', 'NODEBB_DB_HOST', 'PORT']);
  });

  it('summarizes listen arguments with constants and env defaults', () => {
    const f = facts("const PORT = Number(process.env.PORT) || 3000;\nconst cfg = { host: '0.0.0.0' };\napp.listen(PORT, cfg.host);\n");
    const listen = f.calls.find((c) => c.callee === 'app.listen')!;
    expect(listen.args[0]).toEqual({ k: 'env', name: 'PORT', or: { k: 'num', v: 3000 } });
    expect(listen.args[1]).toEqual({ k: 'str', v: '0.0.0.0' });
    expect(listen.range).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 27 });
  });

  it('does not resolve reassigned or shadowed names', () => {
    const f = facts("let port = 3000;\nport = 4000;\napp.listen(port);\nfunction a() { const p = 1; }\nfunction b() { const p = 2; server.listen(p); }\n");
    expect(f.calls.map((c) => c.args[0])).toEqual([{ k: 'ref', name: 'port' }, { k: 'ref', name: 'p' }]);
  });

  it('finds env reads in every form, with defaults and flags', () => {
    const f = facts("const a = process.env.A;\nconst b = process.env['B'] ?? 'x';\nconst { C, D = 'd' } = process.env;\nconst e = import.meta.env.VITE_E;\nconst env = process.env;\nconst g = env.G;\nif (process.env.H) {}\nprocess.env.W = '1';\n");
    expect(f.envReads.map((r) => [r.name, r.hasDefault, r.condition ?? false])).toEqual([
      ['A', false, false],
      ['B', true, false],
      ['VITE_E', false, false],
      ['G', false, false],
      ['H', false, true],
      ['C', false, false],
      ['D', true, false],
    ]);
    expect(f.envWrites).toEqual(['W']);
  });

  it('records NODE_ENV branches as context and conditional values', () => {
    const f = facts("const isProd = process.env.NODE_ENV === 'production';\nconst o = { dialect: isProd ? 'postgres' : 'sqlite' };\nif (process.env.NODE_ENV !== 'production') connect('redis://localhost');\n");
    expect(f.dbChoices[0].value).toMatchObject({ k: 'cond', test: { env: 'production', positive: true } });
    expect(f.strings.find((s) => s.value.startsWith('redis'))?.ctx).toEqual({ env: '!production' });
    expect(f.nodeEnvChecks.map((c) => c.value)).toEqual(['production', 'production']);
  });

  it('keeps secret-like strings with their names, and env fallbacks', () => {
    const f = facts("const jwtSecret = 'abc123def456';\nconst s = process.env.SESSION_SECRET || 'fallback-secret-1';\nconst label = 'hello world';\n");
    expect(f.strings.map((s) => [s.name, s.envFallback])).toEqual([
      ['jwtSecret', undefined],
      ['SESSION_SECRET', 'SESSION_SECRET'],
    ]);
  });

  it('lists what signal handlers call', () => {
    const f = facts("function stop() { server.close(); process.exit(0); }\nprocess.on('SIGTERM', stop);\nprocess.once('SIGINT', () => process.exit(1));\n");
    expect(f.signalHandlers).toEqual([
      expect.objectContaining({ signal: 'SIGTERM', calls: ['server.close', 'process.exit'] }),
      expect.objectContaining({ signal: 'SIGINT', calls: ['process.exit'] }),
    ]);
  });

  it('parses JSX in .js and reports syntax errors with a position', () => {
    expect(facts('const x = <div a="1" />;\n', 'src/a.js').imports).toEqual([]);
    const r = parseAndExtract(parser, 'src/b.ts', 'const = 1;\n');
    expect(r.parseError?.range.line).toBe(1);
  });
});
