import { describe, expect, it } from 'vitest';
import { interpolate } from '../src/project/interpolate.js';

const env = new Map([
  ['SET', 'value'],
  ['EMPTY', ''],
]);

describe('interpolation as docker/cli does it', () => {
  const cases: [string, string, string[]][] = [
    ['$SET', 'value', ['env']],
    ['${SET}', 'value', ['env']],
    ['${UNSET}', '', ['unset']],
    ['${UNSET:-d}', 'd', ['default']],
    ['${EMPTY:-d}', 'd', ['default']],
    ['${EMPTY-d}', '', ['env']],
    ['${UNSET-d}', 'd', ['default']],
    ['$$SET', '$SET', []],
    ['a$${SET}b', 'a${SET}b', []],
    // unbraced names take defaults too (the template regexp allows it)
    ['$UNSET-x', 'x', ['default']],
    // nested braces are not parsed: the default is "${B" and the last "}" stays
    ['${A:-${B}}', '${B}', ['default']],
  ];
  for (const [input, value, origins] of cases) {
    it(input, () => {
      const r = interpolate(input, env);
      expect(r.error).toBeUndefined();
      expect(r.value).toBe(value);
      expect(r.vars.map((v) => v.origin)).toEqual(origins);
    });
  }

  it('required variables', () => {
    expect(interpolate('${UNSET:?need it}', env).error).toEqual({ kind: 'required', detail: 'required variable UNSET is missing a value: need it', variable: 'UNSET' });
    expect(interpolate('${EMPTY:?need it}', env).error?.kind).toBe('required');
    expect(interpolate('${EMPTY?need it}', env).error).toBeUndefined();
  });

  it('invalid forms', () => {
    expect(interpolate('${A:+x}', env).error).toEqual({ kind: 'invalid', detail: '${A:+x}' });
    expect(interpolate('costs 5$', env).error?.kind).toBe('invalid');
  });

  it('only the last substitution error survives (docker/cli reassigns err)', () => {
    expect(interpolate('${UNSET:?x} ${SET}', env).error).toBeUndefined();
    expect(interpolate('${SET} ${UNSET:?x}', env).error?.kind).toBe('required');
  });
});
