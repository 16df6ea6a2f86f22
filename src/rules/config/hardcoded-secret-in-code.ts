import { defineRule } from '../rule.js';
import { GRAMMAR_LANGUAGES } from '../../project/lang/tree-sitter.js';
import { DUMMY_CREDENTIAL, isPlaceholderValue, isSecretName, redact, urlPassword, urlUser } from '../../project/facts/secrets.js';
import { parsedSources } from '../../project/js/query.js';

const IDENTIFIER = /^:?[A-Za-z_$@][\w$@.-]*$/;

/** Key formats with a recognizable shape, named for the message. */
const FORMATS: [string, RegExp][] = [
  ['an AWS access key id', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['a GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})/],
  ['a Slack token', /\bxox[abposr]-[0-9A-Za-z-]{10,}/],
  ['a Stripe live key', /\b[sr]k_live_[0-9A-Za-z]{20,}/],
  ['a private key', /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY( BLOCK)?-----/],
  ['a SendGrid API key', /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{20,}/],
  ['a GitLab token', /\bglpat-[A-Za-z0-9_-]{20}/],
  ['an npm token', /\bnpm_[A-Za-z0-9]{36}\b/],
  // What `django-admin startproject` writes: Django itself calls it insecure; in settings that run in production it is the key.
  ['a Django secret key', /^django-insecure-[\w!@#$%^&*(\-=+)]{30,}$/],
];

/** Keys that are public by design: Stripe publishable keys, Google/Firebase browser API keys, PostHog project keys, Mapbox public tokens. */
const PUBLIC_KEY = /^(pk_(test|live)_|AIza[0-9A-Za-z_-]{35}$|phc_[0-9A-Za-z]{20,}$|pk\.eyJ)/;
/** Configuration blocks whose keys are public by design: Algolia DocSearch takes a search-only key. */
const PUBLIC_KEY_BLOCK = /^(algolia|docsearch)$/i;

/** `GITHUB_SCOPED_TOKEN_PREFIX` → `githubScopedTokenPrefix`, so one list of descriptive endings serves both styles. */
function camel(name: string): string {
  // `OTP_SECRET_COLUMN` and `otp_secret_column` both read as `otpSecretColumn`.
  return /^[A-Z0-9_]+$/.test(name) || /^[a-z0-9]+(_[a-z0-9]+)+$/.test(name) ? name.toLowerCase().replace(/_+([a-z0-9])/g, (_m, c: string) => c.toUpperCase()) : name;
}

/** Documentation examples and test doubles, not real keys. */
const FAKE = /example|dummy|fake|sample|placeholder|redacted|blank|xxxx|XXXX|0000000|1234567|abcdef|changeme|your[-_]?|test[-_]?key|<|\$\{|\.\.\.|…/i;
/** Folders of translated messages. */
const MESSAGE_CATALOG = /(^|\/)(lang|langs|locales?|i18n|l10n|translations?)\//i;

/** Names of markers that stand in for a hidden or absent secret (`REDACTED_CREDENTIAL_VALUE`, `maskedToken`). */
const MARKER_NAME = /redacted|masked|placeholder|sentinel|dummy|fake|example|sample|fixture|mock|stub|^e2e|^test[A-Z_]/i;
/** Names that describe a secret but do not hold one (`tokenHeader`, `passwordField`, `secretName`). */
const DESCRIPTIVE_NAME =
  /(Header|Field|Name|Names|Label|Type|Regex|RegExp|Re|Pattern|Path|Url|Uri|URL|Endpoint|Route|Prefix|Suffix|Length|Len|Expiry|Expiration|Expires|Expire|ExpiresIn|Ttl|TTL|Timeout|Placeholder|Message|Msg|Error|Text|Title|Description|Desc|Hint|Event|Column|Table|Cookie|Param|Query|Id|ID|Key(s)?Name|Algorithm|Algo|Cipher|Encoding|Format|Scheme|Strategy|Version|Mode|Scope|Scopes|Audience|Issuer|Location|File|Dir|Env|Var|Variable|Storage|StorageKey|Policy|Rule|Rules|Regexp|Selector|Class|ClassName|Icon|Input|Mask|Min|Max|Count|Size|Kind|Prop|Props|Attr|Attribute|Lifetime|Status|State|Action|Command|Method)$|^(is|has|should|can|show|use|enable|disable|allow|require|validate|get|set|on|handle|reset|forgot|confirm|new|old|current|verify|path|url|uri|route|endpoint|key|flag|env|config|cfg)[A-Z_]/;

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

/** A literal that looks like a credential rather than a word, path, identifier, pattern or message. */
export function looksLikeSecretValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 10 || v.length > 500 || v !== value) return false;
  if (/\s/.test(v) || isPlaceholderValue(v) || FAKE.test(v)) return false;
  if (/[^\x00-\x7f]/.test(v)) return false; // natural language (`Contraseña`, `パスワード`): keys and passwords in code are ASCII
  if (/^[a-z]+([_.:/-][a-z]+)*$/i.test(v)) return false; // words and identifiers: access_token, auth.password.invalid
  if (/^[A-Z][A-Z0-9_]+$/.test(v)) return false; // an env var name
  if (/^(\/|\.\/|\.\.\/|https?:|[a-z]+:\/\/)/i.test(v)) return false; // paths, URLs
  if (/%[-+# 0-9.]*[sdvqxfw]/.test(v)) return false; // format strings: "%s/api/secrets"
  if (/^[a-z0-9_.-]+(\/[a-z0-9_.-]+)+$/.test(v)) return false; // slash-separated names: "ory/keysetpagination_v2/page_token"
  if (/^[a-z][a-z0-9]*(\.[a-z][a-z0-9]*)+$/i.test(v)) return false; // dotted config keys: files.s3.secretkey
  if (/[[\](){}\\<>^$|`]/.test(v)) return false; // patterns, templates, markup
  if (/^[#.][a-z][\w-]*$/i.test(v)) return false; // CSS selectors of form fields: '#s3-secret-key'
  if (/^[a-z][a-z0-9_]*(\/[a-z][a-z0-9_]*)*#[a-z_][a-z0-9_]*$/.test(v)) return false; // Rails `controller#action`: get "reset-password" => "passwords#edit"
  if (/^[\d.:-]+$/.test(v)) return false; // numbers, dates, versions
  if (/^\d{4}-\d{2}-\d{2}[T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.test(v)) return false; // ISO timestamps
  if (/^\d+[smhdwy]$/.test(v)) return false;
  if (!/\d/.test(v) && !/[^A-Za-z]/.test(v)) return false; // letters only
  return entropy(v) >= 3;
}

/** The words of a name or identifier: `Web3AuthTokenKey` → web3, auth, token, key. */
function wordsOf(text: string): string[] {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** `Web3AuthTokenKey = "web3AuthToken"`: a value made only of its name's words is the key it stores a secret under. */
function namesItself(name: string, value: string): boolean {
  const nameWords = new Set(wordsOf(name));
  const valueWords = wordsOf(value);
  return valueWords.length > 0 && valueWords.every((w) => nameWords.has(w));
}

export default defineRule({
  id: 'config/hardcoded-secret-in-code',
  factor: 'config',
  severity: 'error',
  swarm: 'none',
  recommended: true,
  securitySeverity: 8.0,
  inputs: ['source'],
  sourceLanguages: GRAMMAR_LANGUAGES,
  sourcePrefilter:
    /A[KS]IA|gh[pousr]_|github_pat_|xox[abposr]-|[sr]k_live_|PRIVATE KEY|SG\.|glpat-|npm_|\/\/[\w.%+-]+:[^\s'"`/@]+@|(?:ecret|ECRET|oken|OKEN|assword|ASSWORD|asswd|ASSWD|pi_?[Kk]ey|PI_?KEY|apikey|rivate_?[Kk]ey|RIVATE_?KEY|ccess_?[Kk]ey|CCESS_?KEY|redential|REDENTIAL|uth_?[Kk]ey|UTH_?KEY)\w*['"`]?\s*(?:[:=]|\|\||\?\?)\s*['"`](?=[^'"`\s]{0,80}[\d+=!@#$%^&*~])[^'"`\s]{8}/,
  docs: {
    summary: 'A secret is written in the source code',
    rationale:
      'Factor III: config, credentials above all, is stored in the environment, never in code; the test is whether the codebase could be made open source right now without compromising any credential. A key in the source is in every clone, fork, image layer and CI log, and changing it needs a code change and a release. twelvelint reports known key formats (AWS `AKIA…`, GitHub `ghp_…`, Slack `xox…`, Stripe `sk_live_…`, private key blocks), credentials in connection URLs, and high-entropy strings assigned to names like `secret`, `token`, `password` or `apiKey`, including fallbacks such as `process.env.JWT_SECRET || "…"`. Test files, placeholders and markers (`REDACTED_CREDENTIAL_VALUE`, a display form such as `sk-…5678`), documentation examples, names that describe a secret (`TOKEN_PREFIX`, `passwordField`) and keys that are public by design (Stripe `pk_…`, PostHog `phc_…`, Google browser keys, Algolia DocSearch search keys) are left alone.',
    fix: 'Read the value from the environment (`process.env.STRIPE_KEY`) or from a Swarm secret file (`/run/secrets/stripe_key`), fail at start-up when it is missing instead of falling back to a literal, and rotate the exposed key: it is in the git history.',
    swarm: 'Create the value with `docker secret create` and grant it to the service (`secrets:` in the stack file); Swarm mounts it at `/run/secrets/<name>` only in that service\'s tasks.',
    bad: "const stripe = new Stripe('sk_live_51H8xYzAbCdEfGhIjKlMnOpQr');\nconst jwtSecret = process.env.JWT_SECRET || 'f3a9c1d27b8e4b0a';",
    good: "const stripe = new Stripe(process.env.STRIPE_KEY);\nconst jwtSecret = required('JWT_SECRET'); // throws when unset",
    exampleLanguage: 'js',
  },
  messages: {
    format: 'Hard-coded {{what}} ({{redacted}}): anyone with the code has it. Read it from the environment or a Swarm secret, and rotate it',
    url: 'Connection URL with an embedded password ({{redacted}}): the credential is in the code. Read the URL (or the password) from the environment or a Swarm secret',
    named: 'Hard-coded secret in {{name}} ({{redacted}}): anyone with the code has it. Read it from the environment or a Swarm secret file, and rotate it',
    fallback: 'process.env.{{name}} falls back to a hard-coded secret ({{redacted}}): when the variable is unset the app runs with a value everyone with the code knows. Fail at start-up instead',
  },
  check({ project, report }) {
    for (const file of parsedSources(project, 'shipped', ['js', 'ts', ...GRAMMAR_LANGUAGES])) {
      // Message catalogs (`lang/ja/passwords.php`, `locales/en.json`): `'password' => '…'` is the label, not the secret.
      if (MESSAGE_CATALOG.test(file.path)) continue;
      for (const s of file.facts.strings) {
        const format = FORMATS.find(([, re]) => re.test(s.value));
        if (format) {
          const m = format[1].exec(s.value)![0];
          if (!FAKE.test(s.value) && !/(.)\1{7,}/.test(m)) {
            report({ file: file.path, range: s.range, messageId: 'format', data: { what: format[0], redacted: redact(m) } });
            continue;
          }
        }
        const pw = urlPassword(s.value);
        // `postgres://saleor:saleor@localhost/saleor`: a password equal to the user name is a local default, not a credential.
        if (pw && pw !== urlUser(s.value) && !DUMMY_CREDENTIAL.test(pw) && !FAKE.test(pw) && !/\$\{|…/.test(pw) && !/\s/.test(s.value)) {
          report({ file: file.path, range: s.range, messageId: 'url', data: { redacted: redact(pw) } });
          continue;
        }
        // A name is an identifier: a key like `"/users/:id/webhooks/:secret"` (a Rails route) is a path, not a variable.
        if (!s.name || !IDENTIFIER.test(s.name) || !isSecretName(s.name) || DESCRIPTIVE_NAME.test(s.name) || DESCRIPTIVE_NAME.test(camel(s.name)) || MARKER_NAME.test(s.name)) continue;
        if (!looksLikeSecretValue(s.value) || namesItself(s.name, s.value) || PUBLIC_KEY.test(s.value) || (s.ctx?.keys ?? []).some((k) => PUBLIC_KEY_BLOCK.test(k))) continue;
        if (s.envFallback) report({ file: file.path, range: s.range, messageId: 'fallback', data: { name: s.envFallback, redacted: redact(s.value) } });
        else report({ file: file.path, range: s.range, messageId: 'named', data: { name: s.name, redacted: redact(s.value) } });
      }
    }
  },
});
