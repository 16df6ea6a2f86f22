/**
 * Casting after interpolation (cli/compose/loader/interpolate.go): docker turns interpolated
 * strings back into ints, floats and booleans for the paths whose schema type is not string.
 */
import type { ScalarValue } from '../yaml-tree.js';

// ---------------------------------------------------------------------------
// Casting after interpolation (cli/compose/loader/interpolate.go)

type Caster = (value: string) => ScalarValue | { error: string };

/** Go's strconv.Quote is close enough to JSON quoting for messages. */
const goQuote = (s: string): string => JSON.stringify(s);

const toInt: Caster = (value) => {
  // strconv.Atoi: optional sign, decimal digits only, must fit int64
  if (!/^[+-]?\d+$/.test(value)) return { error: `failed to cast to expected type: strconv.Atoi: parsing ${goQuote(value)}: invalid syntax` };
  const big = BigInt(value);
  if (big > 9223372036854775807n || big < -9223372036854775808n) {
    return { error: `failed to cast to expected type: strconv.Atoi: parsing ${goQuote(value)}: value out of range` };
  }
  return Number(big);
};

const toFloat: Caster = (value) => {
  // strconv.ParseFloat: decimal or hex (0x…p…) floats, inf/infinity with sign, bare nan
  if (/^nan$/i.test(value)) return NaN;
  const inf = /^([+-]?)inf(inity)?$/i.exec(value);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  let n: number;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) n = Number(value);
  else if (/^[+-]?0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+$/.test(value)) n = parseHexFloat(value);
  else return { error: `failed to cast to expected type: strconv.ParseFloat: parsing ${goQuote(value)}: invalid syntax` };
  if (!Number.isFinite(n)) return { error: `failed to cast to expected type: strconv.ParseFloat: parsing ${goQuote(value)}: value out of range` };
  return n;
};

function parseHexFloat(s: string): number {
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)$/.exec(s) as RegExpExecArray;
  const mantissa = parseInt(m[2] || '0', 16) + (m[3] ? parseInt(m[3], 16) / 16 ** m[3].length : 0);
  const n = mantissa * 2 ** Number(m[4]);
  return m[1] === '-' ? -n : n;
}

/** YAML 1.1 booleans, case-insensitive, as docker's toBoolean. */
const toBoolean: Caster = (value) => {
  switch (value.toLowerCase()) {
    case 'y':
    case 'yes':
    case 'true':
    case 'on':
      return true;
    case 'n':
    case 'no':
    case 'false':
    case 'off':
      return false;
    default:
      return { error: `failed to cast to expected type: invalid boolean: ${value}` };
  }
};

/** '*' matches any one key; '[]' is a list position. */
const CASTS: readonly (readonly [readonly string[], Caster])[] = [
  [['services', '*', 'configs', '[]', 'mode'], toInt],
  [['services', '*', 'secrets', '[]', 'mode'], toInt],
  [['services', '*', 'healthcheck', 'retries'], toInt],
  [['services', '*', 'healthcheck', 'disable'], toBoolean],
  [['services', '*', 'deploy', 'replicas'], toInt],
  [['services', '*', 'deploy', 'update_config', 'parallelism'], toInt],
  [['services', '*', 'deploy', 'update_config', 'max_failure_ratio'], toFloat],
  [['services', '*', 'deploy', 'rollback_config', 'parallelism'], toInt],
  [['services', '*', 'deploy', 'rollback_config', 'max_failure_ratio'], toFloat],
  [['services', '*', 'deploy', 'restart_policy', 'max_attempts'], toInt],
  [['services', '*', 'deploy', 'placement', 'max_replicas_per_node'], toInt],
  [['services', '*', 'ports', '[]', 'target'], toInt],
  [['services', '*', 'ports', '[]', 'published'], toInt],
  [['services', '*', 'ulimits', '*'], toInt],
  [['services', '*', 'ulimits', '*', 'hard'], toInt],
  [['services', '*', 'ulimits', '*', 'soft'], toInt],
  [['services', '*', 'privileged'], toBoolean],
  [['services', '*', 'oom_score_adj'], toInt],
  [['services', '*', 'read_only'], toBoolean],
  [['services', '*', 'stdin_open'], toBoolean],
  [['services', '*', 'tty'], toBoolean],
  [['services', '*', 'volumes', '[]', 'read_only'], toBoolean],
  [['services', '*', 'volumes', '[]', 'volume', 'nocopy'], toBoolean],
  [['networks', '*', 'external'], toBoolean],
  [['networks', '*', 'internal'], toBoolean],
  [['networks', '*', 'attachable'], toBoolean],
  [['volumes', '*', 'external'], toBoolean],
  [['secrets', '*', 'external'], toBoolean],
  [['configs', '*', 'external'], toBoolean],
];

export function casterFor(path: readonly string[]): Caster | undefined {
  for (const [pattern, caster] of CASTS) {
    if (pattern.length !== path.length) continue;
    // A numeric index from the caller counts as a list position.
    if (pattern.every((p, i) => p === '*' || p === path[i] || (p === '[]' && /^\d+$/.test(path[i])))) return caster;
  }
  return undefined;
}

/**
 * docker/cli's cast: returns the typed value for a dotted path like ['services','web','deploy','replicas'], or the string unchanged; `{ error }` when the cast fails ('failed to cast to expected type').
 * List positions may be given as '[]' (docker's notation) or as an index. The error text is the
 * cause docker wraps: it prints `error while interpolating <path with []>: <error>`.
 * Note docker only casts strings that interpolation changed: a literal `"3"` stays a string.
 */
export function castForPath(path: readonly string[], value: string): ScalarValue | { error: string } {
  const caster = casterFor(path);
  return caster ? caster(value) : value;
}

