/**
 * Variable interpolation exactly as docker/cli's compose template package does it
 * (cli/compose/template/template.go), including its quirks:
 * - unbraced names take a default too (`$VAR-x` is `${VAR-x}`),
 * - `${VAR:+x}` and a lone `$` are invalid,
 * - only the last substitution's error survives (the Go code reassigns `err`).
 */

export type VariableForm = 'plain' | 'soft-default' | 'hard-default' | 'required-non-empty' | 'required';

/** Where a substituted value came from. */
export type ValueOrigin = 'env' | 'default' | 'unset' | 'missing-required';

export interface VariableUse {
  name: string;
  form: VariableForm;
  /** The default value or the error message after the separator. */
  argument?: string;
  origin: ValueOrigin;
  /** Offset of the `$` in the original string. */
  offset: number;
  length: number;
}

export interface InterpolationError {
  kind: 'invalid' | 'required';
  /** The `%#v` part of docker's message: the template, or "required variable X is missing a value: msg". */
  detail: string;
  variable?: string;
}

export interface Interpolated {
  value: string;
  vars: VariableUse[];
  error?: InterpolationError;
}

const PATTERN = /\$(?:(\$)|([_a-z][_a-z0-9]*(?::?[-?][^}]*)?)|\{([_a-z][_a-z0-9]*(?::?[-?][^}]*)?)\}|())/gi;

export function hasDollar(text: string): boolean {
  return text.includes('$');
}

export function interpolate(template: string, env: ReadonlyMap<string, string>): Interpolated {
  const vars: VariableUse[] = [];
  let error: InterpolationError | undefined;
  const value = template.replace(PATTERN, (match: string, escaped: string | undefined, named: string | undefined, braced: string | undefined, _invalid: string | undefined, offset: number) => {
    if (escaped) return escaped;
    const substitution = named || braced || '';
    if (!substitution) {
      error = { kind: 'invalid', detail: template };
      return '';
    }
    const result = substitute(substitution, env);
    vars.push({ ...result.use, offset, length: match.length });
    error = result.error;
    return result.value;
  });
  return error ? { value, vars, error } : { value, vars };
}

interface SubstitutionResult {
  value: string;
  use: Omit<VariableUse, 'offset' | 'length'>;
  error?: InterpolationError;
}

function cut(s: string, sep: string): [string, string] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + sep.length)];
}

// The order matches DefaultSubstituteFuncs: softDefault, hardDefault, requiredNonEmpty, required.
function substitute(substitution: string, env: ReadonlyMap<string, string>): SubstitutionResult {
  if (substitution.includes(':-')) {
    const [name, def] = cut(substitution, ':-');
    const v = env.get(name);
    if (v === undefined || v === '') return { value: def, use: { name, form: 'soft-default', argument: def, origin: 'default' } };
    return { value: v, use: { name, form: 'soft-default', argument: def, origin: 'env' } };
  }
  if (substitution.includes('-')) {
    const [name, def] = cut(substitution, '-');
    const v = env.get(name);
    if (v === undefined) return { value: def, use: { name, form: 'hard-default', argument: def, origin: 'default' } };
    return { value: v, use: { name, form: 'hard-default', argument: def, origin: 'env' } };
  }
  for (const [sep, form] of [[':?', 'required-non-empty'], ['?', 'required']] as const) {
    if (!substitution.includes(sep)) continue;
    const [name, message] = cut(substitution, sep);
    const v = env.get(name);
    if (v === undefined || (form === 'required-non-empty' && v === '')) {
      return {
        value: '',
        use: { name, form, argument: message, origin: 'missing-required' },
        error: { kind: 'required', detail: `required variable ${name} is missing a value: ${message}`, variable: name },
      };
    }
    return { value: v, use: { name, form, argument: message, origin: 'env' } };
  }
  const v = env.get(substitution);
  return { value: v ?? '', use: { name: substitution, form: 'plain', origin: v === undefined ? 'unset' : 'env' } };
}

/** docker's message for an interpolation failure at a dotted path. */
export function interpolationMessage(dockerPath: string, error: InterpolationError): string {
  return `invalid interpolation format for ${dockerPath}: ${JSON.stringify(error.detail)}; you may need to escape any $ with another $`;
}
