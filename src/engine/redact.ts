/**
 * The one place secrets are taken out of what twelvelint prints. Every string of a
 * result (finding messages, fix texts and suggestions, Swarm summaries, diagnostics)
 * and every error the CLI prints passes through here, so a rule that quotes a
 * command, a URL or an env value cannot leak a credential by forgetting to mask it.
 * A masked value keeps two characters and its length: `po******** (24 chars)`.
 */
import { KNOWN_SECRET_FORMAT } from '../project/js/extract/strings.js';
import { DUMMY_CREDENTIAL, isPlaceholderValue, isSecretName, redact } from '../project/facts/secrets.js';

const mask = (value: string): string => (isPlaceholderValue(value) || DUMMY_CREDENTIAL.test(value) || value.includes('*') ? value : redact(value));

/** `scheme://user:password@host`, `redis://:password@host`. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`]*:)([^\s@/'"`]+)(@)/gi;
/** `--password=x`, `--db-password x`, `--token=x`, `--api-key x`. */
const SECRET_FLAG = /(--?[\w-]*(?:pass(?:word)?|passwd|pwd|secret|token|api[-_]?key|apikey|auth|credentials?)[\w-]*)(=|[ \t]+)(['"]?)([^\s'"`]+)\3/gi;
/** `?token=x`, `&api_key=x`, `&sig=x` in a URL. */
const SECRET_QUERY = /([?&](?:[\w.-]*(?:token|secret|password|passwd|pwd|api[-_]?key|apikey|auth|sig|signature|credential)[\w.-]*)=)([^&\s'"`#]+)/gi;
/** `NAME=value`, `NAME: value`, `"name": "value"` where NAME holds a credential (prose like `secret: use …` is left alone). */
const SECRET_ASSIGNMENT = /(["']?)\b([A-Za-z_][A-Za-z0-9_.-]*)(\1\s*(?:=|:)\s*)(["']?)([^\s"',;`)}\]]+)/g;
/** Runs that look random: base64/url-safe tokens with digits and mixed case (12+ characters). */
const TOKENISH = /(?<![\w/.@:-])[A-Za-z0-9+/_-]{12,}={0,2}(?![\w/.-])/g;

function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Text with every credential it contains masked. Idempotent. */
export function redactText(text: string): string {
  if (text.length === 0) return text;
  let out = text.replace(URL_CREDENTIALS, (_m, head: string, pw: string, at: string) => `${head}${mask(decodeSafe(pw))}${at}`);
  out = out.replace(SECRET_FLAG, (m, flag: string, sep: string, q: string, value: string) => (value.startsWith('$') ? m : `${flag}${sep}${q}${mask(value)}${q}`));
  out = out.replace(SECRET_QUERY, (m, key: string, value: string) => (value.startsWith('$') ? m : `${key}${mask(value)}`));
  out = out.replace(SECRET_ASSIGNMENT, (m, q1: string, name: string, sep: string, q: string, value: string) => {
    // `${PASSWORD:?err}`, `${PASSWORD:-}`: interpolation operators, not values.
    if (!isSecretName(name) || /^[$?:+-]/.test(value) || value.length < 4) return m;
    // `=` assigns; `:` only after an env-style or quoted name (YAML/JSON), not in a sentence.
    if (!sep.includes('=') && !q1 && !/^[A-Z][A-Z0-9_]*$/.test(name)) return m;
    return `${q1}${name}${sep}${q}${mask(value)}`;
  });
  out = replaceAll(out, KNOWN_SECRET_FORMAT, (m) => redact(m));
  out = out.replace(TOKENISH, (m) => {
    // Digests, hashes and hex ids are not credentials (`sha256:…`, a git sha); names have few digits and capitals.
    if (/^[0-9a-f]+$/i.test(m)) return m;
    const digits = m.replace(/\D/g, '').length;
    const upper = m.replace(/[^A-Z]/g, '').length;
    const lower = m.replace(/[^a-z]/g, '').length;
    if (digits < 2 || upper < 2 || lower < 2) return m;
    if (m.length < 32 && (digits < 3 || upper < 3)) return m;
    return entropy(m) >= Math.min(4.2, Math.log2(m.length) - 0.4) ? redact(m) : m;
  });
  return out;
}

function replaceAll(text: string, re: RegExp, f: (m: string) => string): string {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  return text.replace(global, f);
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Keys whose values are structure (paths, ids, enums), never free text that could quote a secret. */
const STRUCTURAL = new Set(['filePath', 'ruleId', 'messageId', 'factor', 'severity', 'level', 'code', 'root', 'id', 'grade', 'verdict', 'blocker', 'swarm', 'name', 'version', 'status', 'role', 'kind', 'source']);

/** A copy of a result-like value with every free-text string passed through redactText. */
export function redactDeep<T>(value: T, key?: string): T {
  if (typeof value === 'string') return (key && STRUCTURAL.has(key) ? value : redactText(value)) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, key)) as T;
  if (value && typeof value === 'object' && !(value instanceof Map) && !(value instanceof Set)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, k);
    return out as T;
  }
  return value;
}
