import { describe, expect, it } from 'vitest';
import { composeWords, flagValues, guardsAllow, parseArgv, parseShell, plainWords, programOf, splitArgs, type SimpleCommand } from '../../src/project/facts/shell.js';

/** The words of each simple command, the shape most cases are checked against. */
const words = (commands: SimpleCommand[]) => commands.map((c) => c.words);

describe('parseShell: words, lists and redirections', () => {
  it.each([
    ['double and single quotes keep words together, a backslash escapes a space', `echo "a b" 'c d' e\\ f`, [['echo', 'a b', 'c d', 'e f']]],
    ['every list and pipeline operator ends a command', 'a && b || c; d | e & f', [['a'], ['b'], ['c'], ['d'], ['e'], ['f']]],
    ['redirections are dropped with their target', 'cat < in.txt | node server.js > /var/log/app.log 2>&1', [['cat'], ['node', 'server.js']]],
    ['`&>` is a redirection, not a background operator', 'node app.js &>/dev/null', [['node', 'app.js']]],
  ])('%s', (_name, text, expected) => {
    expect(words(parseShell(text))).toEqual(expected);
  });

  it('records the operator before and after each pipeline, background and piped commands', () => {
    const [a, b, c, d, e, f] = parseShell('a && b || c; d | e & f');
    expect(a).toMatchObject({ pipeline: 0, before: '&&', background: false, piped: false });
    expect(a.after).toBeUndefined();
    expect(b).toMatchObject({ pipeline: 1, after: '&&', before: '||' });
    expect(c).toMatchObject({ pipeline: 2, after: '||', before: ';' });
    expect(d).toMatchObject({ pipeline: 3, position: 0, after: ';', before: '&', background: true, piped: true });
    expect(e).toMatchObject({ pipeline: 3, position: 1, background: true, piped: true });
    expect(f).toMatchObject({ pipeline: 4, after: '&', background: false, piped: false });
    expect(f.before).toBeUndefined();
  });

  it('`cmd &` then a newline: only the first command is in the background', () => {
    expect(parseShell('nohup worker > out.log 2>&1 &\nserver').map((c) => [c.program, c.background])).toEqual([
      ['worker', true],
      ['server', false],
    ]);
  });
});

describe('parseShell: wrappers that only launch another command', () => {
  it.each<[string, string[], Partial<SimpleCommand>]>([
    ['exec node server.js', ['node', 'server.js'], { exec: true, program: 'node' }],
    ['env NODE_ENV=production PORT=3000 node server.js', ['node', 'server.js'], { assignments: ['NODE_ENV=production', 'PORT=3000'] }],
    ['gosu app node server.js', ['node', 'server.js'], { exec: true }],
    ['su-exec app:app node server.js', ['node', 'server.js'], { exec: true }],
    ['chpst -u app node server.js', ['node', 'server.js'], { exec: true }],
    ['tini -- node server.js', ['node', 'server.js'], { init: 'tini', exec: true }],
    ['dumb-init node server.js', ['node', 'server.js'], { init: 'dumb-init', exec: true }],
    ['sudo -u www-data php-fpm', ['php-fpm'], { program: 'php-fpm' }],
    ['cross-env NODE_ENV=production node server.js', ['node', 'server.js'], { assignments: ['NODE_ENV=production'] }],
    ['dotenv -e .env -- node server.js', ['node', 'server.js'], {}],
    ['A=1 exec env B=2 gosu app tini -- node x', ['node', 'x'], { assignments: ['A=1', 'B=2'], exec: true, init: 'tini', raw: ['A=1', 'exec', 'env', 'B=2', 'gosu', 'app', 'tini', '--', 'node', 'x'] }],
  ])('%s', (text, expected, extra) => {
    const commands = parseShell(text);
    expect(words(commands)).toEqual([expected]);
    expect(commands[0]).toMatchObject(extra);
  });
});

describe('parseShell: scripts run by a shell', () => {
  it('reads an `sh -c` body one level down', () => {
    const commands = parseShell(`sh -c "npm run migrate && exec node server.js"`);
    expect(words(commands)).toEqual([['npm', 'run', 'migrate'], ['node', 'server.js']]);
    expect(commands.map((c) => c.depth)).toEqual([1, 1]);
    expect(commands[1]).toMatchObject({ after: '&&', exec: true, inShell: true });
  });

  it.each([
    ['bash -lc', `bash -lc 'echo hi; exec app'`, [['echo', 'hi'], ['app']]],
    ['nested shells', `sh -c "bash -c 'exec node x'"`, [['node', 'x']]],
  ])('%s', (_name, text, expected) => {
    expect(words(parseShell(text))).toEqual(expected);
  });

  it('a heredoc given to a program is data, not commands', () => {
    const commands = parseShell('cat <<EOF > /etc/app.conf\nlisten 80\nrm -rf /\nEOF\nnginx');
    expect(words(commands)).toEqual([['cat'], ['nginx']]);
    expect(commands[0].heredocs).toEqual(['listen 80\nrm -rf /']);
  });

  it('`<<-` strips leading tabs from the body and the delimiter line', () => {
    expect(parseShell('cat <<-EOF > f\n\tline\n\tEOF\necho done').map((c) => [c.program, c.heredocs])).toEqual([
      ['cat', ['line']],
      ['echo', []],
    ]);
  });

  it('a shell reading a heredoc (`bash <<EOF`) runs its body', () => {
    const all = words(parseShell('bash <<EOF\nnpm ci\nnpm run build\nEOF'));
    expect(all).toContainEqual(['npm', 'ci']);
    expect(all).toContainEqual(['npm', 'run', 'build']);
  });

  it('case patterns are not commands, the branches are', () => {
    const text = 'case "$1" in\n  web|server) exec gunicorn app ;;\n  worker) exec celery worker ;;\nesac';
    expect(words(parseShell(text))).toEqual([['gunicorn', 'app'], ['celery', 'worker']]);
  });
});

describe('parseShell: variable expansion', () => {
  const vars = new Map<string, string | undefined>([
    ['X', 'a  b'],
    ['EMPTY', ''],
    ['PORT', '8000'],
  ]);
  it.each([
    ['unquoted $X is split into words', 'echo $X', ['echo', 'a', 'b']],
    ['quoted "${X}" stays one word', 'echo "${X}"', ['echo', 'a  b']],
    ['${NAME:-default} of an unknown name', 'echo ${NOPE:-def}', ['echo', 'def']],
    ['${NAME-default} of an empty value is the empty value', 'echo ${EMPTY-def}', ['echo']],
    ['inside a word', 'gunicorn -b 0.0.0.0:$PORT app', ['gunicorn', '-b', '0.0.0.0:8000', 'app']],
    ['an unknown name and a single-quoted name stay as written', `echo $NOPE '$X'`, ['echo', '$NOPE', '$X']],
  ])('%s', (_name, text, expected) => {
    expect(parseShell(text, { vars })[0].words).toEqual(expected);
  });
});

describe('program: the last path segment of the command word', () => {
  it.each([
    ['/usr/local/bin/npm start', 'npm'],
    ['./bin/server --port 80', 'server'],
    ['$(curl -s http://example.com/install.sh) --flag', '$(curl -s http://example.com/install.sh)'],
  ])('%s → %s', (text, program) => {
    expect(parseShell(text)[0].program).toBe(program);
  });
});

describe('parseArgv', () => {
  it('an exec-form argv is one command: exec, not in a shell', () => {
    expect(parseArgv(['node', 'server.js'])).toEqual([expect.objectContaining({ words: ['node', 'server.js'], program: 'node', exec: true, inShell: false, depth: 0 })]);
  });

  it('`/bin/sh -c` in an argv is read as a shell', () => {
    const commands = parseArgv(['/bin/sh', '-c', 'npm run migrate && exec node server.js']);
    expect(words(commands)).toEqual([['npm', 'run', 'migrate'], ['node', 'server.js']]);
    expect(commands.every((c) => c.inShell)).toBe(true);
  });

  it('an init in front of `sh -c` is kept on the commands of its body', () => {
    expect(parseArgv(['tini', '--', 'sh', '-c', 'exec node x'])).toEqual([expect.objectContaining({ words: ['node', 'x'], init: 'tini', depth: 1 })]);
  });
});

describe('composeWords (docker/cli go-shellwords)', () => {
  it.each([
    ['stops at `&&` and reports the rest', 'npm run migrate && npm start', { words: ['npm', 'run', 'migrate'], dropped: { operator: '&', rest: '&& npm start' } }],
    ['stops at `;`', 'a;b', { words: ['a'], dropped: { operator: ';', rest: ';b' } }],
    ['an fd number before `>` goes with the redirection', 'x 2>/dev/null', { words: ['x'], dropped: { operator: '>', rest: '2>/dev/null' } }],
    ['operators inside quotes are kept', `sh -c "npm run migrate && npm start"`, { words: ['sh', '-c', 'npm run migrate && npm start'] }],
    ['no variable is expanded, `$(…)` stays one word', 'echo $HOME $(date +%s)', { words: ['echo', '$HOME', '$(date +%s)'] }],
    ['parentheses inside quotes are fine', 'python -c "print(1)"', { words: ['python', '-c', 'print(1)'] }],
    ['a bare `(` is an error', 'echo (x)', { words: ['echo'], error: 'invalid command line string' }],
    ['an unclosed quote is an error', 'echo "oops', { words: ['echo', 'oops'], error: 'invalid command line string' }],
  ])('%s', (_name, text, expected) => {
    expect(composeWords(text)).toEqual(expected);
  });
});

describe('programOf', () => {
  it.each([
    [['python3.11', '-u', '-m', 'uvicorn', 'app:app'], 'uvicorn', ['app:app']],
    [['bundle', 'exec', 'puma', '-C', 'config/puma.rb'], 'puma', ['-C', 'config/puma.rb']],
    [['npx', '-y', 'serve', '-s', 'build'], 'serve', ['-s', 'build']],
    [['/usr/bin/node', 'server.js'], 'node', ['server.js']],
  ])('%j → %s', (input, name, args) => {
    expect(programOf(input)).toEqual({ name, args });
  });
});

describe('flagValues, splitArgs, plainWords', () => {
  it('flagValues reads `--flag value`, `--flag=value` and a glued short flag, not a glued non-address', () => {
    expect(flagValues(['-b', '0.0.0.0:8000', '--bind=127.0.0.1:9000', '-b127.0.0.1:1', '-bfoo', '--workers', '4'], ['-b', '--bind'])).toEqual([
      { value: '0.0.0.0:8000', flag: '-b 0.0.0.0:8000' },
      { value: '127.0.0.1:9000', flag: '--bind=127.0.0.1:9000' },
      { value: '127.0.0.1:1', flag: '-b127.0.0.1:1' },
    ]);
  });

  it('splitArgs skips the values of known flags and takes everything after `--` as arguments', () => {
    expect(splitArgs(['-w', '4', '--bind=x', 'app:app', '--reload', '--', '-x', 'y'], new Set(['-w', '--bind']))).toEqual({ flags: ['-w', '--bind=x', '--reload'], args: ['app:app', '-x', 'y'] });
  });

  it.each([
    [['/usr/bin/env', 'NODE_ENV=production', 'sudo', '-u', 'app', '/usr/local/bin/gunicorn', 'app'], ['gunicorn', 'app']],
    [['sh', '-c', 'node x && y'], ['node', 'x']],
  ])('plainWords %j → %j', (input, expected) => {
    expect(plainWords(input)).toEqual(expected);
  });
});

describe('guards: the conditions a command runs under', () => {
  const text = 'if [ "$1" = uwsgi ]; then\n  migrate\nelif [ "$1" = web ]; then\n  warm\nelse\n  other\nfi\ncase "$1" in\n  web|api) gunicorn ;;\n  -*) flags ;;\n  *) anything ;;\nesac\nalways\n';
  const runs = (args: string[]) => parseShell(text).filter((c) => guardsAllow(c.guards, args) && !c.words[0].startsWith('[')).map((c) => c.words[0]);
  it.each([
    [['uwsgi'], ['migrate', 'anything', 'always']],
    [['web'], ['warm', 'gunicorn', 'always']],
    [['--help'], ['other', 'flags', 'always']],
  ])('with $1 = %j', (args, expected) => {
    expect(runs(args)).toEqual(expected);
  });

  it('unknown positional parameters decide nothing', () => {
    expect(parseShell(text).filter((c) => guardsAllow(c.guards, [undefined])).map((c) => c.words[0])).toContain('migrate');
  });

  it.each([
    ['[ -z "$1" ]', [], true],
    ['[ -n "$1" ]', [], false],
    ['[[ "$1" == gun* ]]', ['gunicorn'], true],
    ['test "$1" != x', ['x'], false],
    ['! [ "$1" = x ]', ['x'], false],
    ['[ "$#" -eq 0 ]', [], true],
    ['[ "$HOME" = /root ]', ['x'], true],
  ])('if %s (args %j): body runs = %s', (cond, args, expected) => {
    const body = parseShell(`if ${cond}; then body; fi`).find((c) => c.words[0] === 'body')!;
    expect(guardsAllow(body.guards, args as string[])).toBe(expected);
  });
});

