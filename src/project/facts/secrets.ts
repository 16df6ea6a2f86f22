/** Names that hold credentials. `_FILE`/`_PATH` variants point at a secret file and are the good pattern. */
const SECRET_NAME = /(^|[_.-])(pass(word|wd|phrase)?|pwd|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|secret[_-]?key|client[_-]?secret|auth[_-]?key|credentials?)($|[_.-])|password|secret|token|apikey/i;
const NOT_SECRET_NAME = /(UWSGI_PASS|PROXY_PASS|FASTCGI_PASS|SCGI_PASS|GRPC_PASS|_LAST_\w+|_DATE|_AT|_TIME|_TIMESTAMP|_CREATED|_UPDATED|_ROTATED|_RATE_?LIMIT|_LIMIT|_INTERVAL|_WINDOW|_FILE|_PATH|_DIR|_FILENAME|_LOCATION|_URL_PATH|_ENABLED|_LENGTH|_TTL|_EXPIR\w*|_TIMEOUT|_HEADER|_FIELD|_TYPE|_MODE|_ALGORITHM|_POLICY|_PROVIDER|_NAME|_VERSION|_USER(NAME)?|_LIFETIME|_MIN\w*|_MAX\w*|_URL|_URI|_ENDPOINT|_ITERATIONS|_ROUNDS|_REGION|_HOST|_PORT|_ID|_SIZE|_COST|_SALT_ROUNDS|_RESET\w*|_PATTERN|_REGEX|_COMPLEXITY|_STRENGTH|_HASHER)$|^(SECRETS?_MANAGER|PASSWORD_RESET)/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name);
}

/** Values that are obviously not a real secret: empty, a reference, a placeholder. */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 4) return true;
  if (/^\$\{?[A-Za-z_]/.test(v) || /^\$\(/.test(v)) return true;
  if (/^<[^>]+>$|^\{\{.*\}\}$|^%\(?\w+\)?s?%?$/.test(v)) return true;
  if (/^(x+|\*+|\.+|-+|none|null|nil|undefined|false|true|empty|todo|tbd|fixme)$/i.test(v)) return true;
  if (/^(your|my|enter|insert|put|replace|change|set)[-_ ]?(it|me|this|here|your)?[-_ ]?/i.test(v) && /(here|me|this|your|key|secret|token|password)/i.test(v)) return true;
  if (/^\/(run|var|etc|tmp|secrets?)\//.test(v)) return true;
  // A file path (`GOOGLE_APPLICATION_CREDENTIALS=/opt/app/credentials/google.json`) names where a secret is, not the secret.
  if (/^(\/|\.{1,2}\/|~\/)[\w.@-]+(\/[\w.@-]+)+$/.test(v) && (/\/[\w@-]+\.[a-z]{2,5}$/i.test(v) || v.split('/').length >= 4)) return true;
  // `swarm2replace2password`, `please_change_me`, `replace-with-a-secret`
  if (/replace|change[-_]?me|change[-_]?this|placeholder/i.test(v)) return true;
  return false;
}

/** Values people write where a real credential goes later: `password`, `changeme`, `secret`, `postgres`. */
export const DUMMY_CREDENTIAL = /^(pass(word)?|passwd|secret|changeme|change[-_]?me|change[-_]?this|root|admin|example|test|dev|postgres|mysql|mongo|redis|guest|user|default|password123|pass123|123456|s3cr3t|\*+|x+)$/i;

/** Never print a secret in full: keep two characters and the length. */
export function redact(value: string): string {
  const v = value.trim();
  if (v.length <= 6) return '*'.repeat(v.length || 3);
  return `${v.slice(0, 2)}${'*'.repeat(Math.min(8, v.length - 2))} (${v.length} chars)`;
}

/** The user name of a URL with credentials (`postgres://saleor:saleor@db` → saleor). */
export function urlUser(value: string): string | undefined {
  return /\/\/([^:/@\s]+):/.exec(value)?.[1];
}

/** Credentials embedded in a URL: scheme://user:password@host. Returns the password when there is one. */
export function urlPassword(value: string): string | undefined {
  const m = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]+)@[^\s]+/i.exec(value);
  if (!m) return undefined;
  const pw = m[1];
  if (isPlaceholderValue(pw) || /^\$/.test(pw)) return undefined;
  return pw;
}
