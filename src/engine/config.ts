import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYamlText } from 'yaml';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { AnyRule, SeveritySetting } from '../rules/rule.js';
import type { Diagnostic } from '../project/diagnostics.js';
import { configSchema } from './config-schema.js';
import { diskReader, readNamedFile } from '../project/reader.js';
import { unreadableMessage } from '../project/unreadable.js';
import { DEFAULT_LIMITS, type Limits } from '../project/limits.js';

export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

export interface UserConfig {
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  ignores?: string[];
  /** Same as limits.maxFileSize (kept from before limits existed). */
  maxFileSize?: number;
  limits?: Partial<Limits>;
  stack?: string | string[];
  failOnVerdict?: VerdictGate;
}

/** How bad a Swarm verdict must be for the run to exit 1. */
export type VerdictGate = 'not-deployable' | 'needs-deploy-inputs' | 'never';

export interface ResolvedRule {
  rule: AnyRule;
  severity: Exclude<SeveritySetting, 'off'>;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** Where the config came from, or null for built-in defaults. */
  source: string | null;
  extends: string[];
  rules: Map<string, ResolvedRule>;
  ignores: string[];
  limits: Limits;
  /** Compose files named as deployed, relative to the audited root. */
  stack: string[];
  failOnVerdict: VerdictGate;
}

export const PRESETS = ['twelvelint:recommended', 'twelvelint:strict'] as const;

export class ConfigError extends Error {}

/** Config files read automatically from the audited directory. JS configs are code: only with --config. */
const SEARCH_PLACES = ['package.json', '.twelvelintrc', '.twelvelintrc.json', '.twelvelintrc.yaml', '.twelvelintrc.yml', 'twelvelint.config.json'];
const CODE_CONFIGS = ['twelvelint.config.js', 'twelvelint.config.mjs', 'twelvelint.config.cjs', 'twelvelint.config.ts'];

/**
 * The first config file of the audited directory, read like any file of the audited project:
 * through the project reader (inside the root, regular files only, size-capped). A file that
 * cannot be read is a diagnostic and the defaults apply; a broken package.json is the project's
 * problem (a finding), not a config; a broken .twelvelintrc is a config error.
 */
function searchConfig(root: string, diagnostics: Diagnostic[]): { config: unknown; filepath: string } | undefined {
  const reader = diskReader(root);
  for (const name of SEARCH_PLACES) {
    if (!reader.exists(name)) continue;
    const filepath = path.join(root, name);
    let text: string;
    try {
      text = reader.read(name, MAX_CONFIG_BYTES).toString('utf8');
    } catch (error) {
      diagnostics.push({ code: 'config-unreadable', severity: 'warning', filePath: name, message: `${unreadableMessage(error as NodeJS.ErrnoException)}; the defaults apply` });
      if (name === 'package.json') continue;
      return undefined;
    }
    if (name === 'package.json') {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        continue;
      }
      const own = data && typeof data === 'object' && Object.hasOwn(data, 'twelvelint') ? (data as { twelvelint: unknown }).twelvelint : undefined;
      if (own === undefined) continue;
      return { config: own, filepath };
    }
    try {
      const config = name.endsWith('.json') ? (JSON.parse(text) as unknown) : (parseYamlText(text) as unknown);
      if (config === null || config === undefined) return undefined;
      return { config, filepath };
    } catch (error) {
      throw new ConfigError(`Invalid config: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return undefined;
}

const MAX_CONFIG_BYTES = 1_000_000;

/** Compiled on first use: most runs have no config file to check. */
let compiled: ValidateFunction | undefined;
function validateConfig(data: unknown): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: false, verbose: true }).compile(configSchema);
  compiled(data);
  return compiled;
}

export interface LoadedConfig {
  config: UserConfig;
  source: string | null;
}

export async function findConfig(root: string, explicit: string | undefined, cwd: string, diagnostics: Diagnostic[]): Promise<LoadedConfig> {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`Config file not found: ${explicit}`);
    return { config: await loadConfigFile(file), source: file };
  }
  const found = searchConfig(root, diagnostics);
  for (const name of CODE_CONFIGS) {
    if (existsSync(path.join(root, name))) {
      diagnostics.push({
        code: 'config-not-executed',
        severity: 'info',
        filePath: name,
        message: `${name} is code from the audited project and was not run; pass --config ${name} to use it`,
      });
    }
  }
  if (!found) return { config: {}, source: null };
  return { config: checkConfig(found.config, found.filepath), source: found.filepath };
}

export async function loadConfigFile(file: string): Promise<UserConfig> {
  let data: unknown;
  try {
    if (/\.(c|m)?js$/.test(file)) {
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      data = mod.default ?? mod;
    } else {
      // Bounded like every other read: a device or a huge file named by --config is an error, not a hang.
      const text = readNamedFile(file, MAX_CONFIG_BYTES).toString('utf8');
      data = file.endsWith('.json') ? JSON.parse(text) : parseYamlText(text);
      if (path.basename(file) === 'package.json') data = (data as { twelvelint?: unknown }).twelvelint ?? {};
    }
  } catch (error) {
    throw new ConfigError(`Cannot read config ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  return checkConfig(data, file);
}

function checkConfig(data: unknown, file: string): UserConfig {
  const validate = validateConfig(data);
  if (validate.errors?.length) throw new ConfigError(`Invalid config ${file}: ${describeConfigError(validate.errors)}`);
  return data as UserConfig;
}

const SEVERITY_WORDS = 'off, info, warning, error (or ESLint\'s warn, 0, 1, 2)';

/** The first schema error in words: which key, what is wrong, what is allowed. */
export function describeConfigError(errors: readonly ErrorObject[]): string {
  const first = errors[0];
  const parts = first.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts[0] === 'rules' && parts.length >= 2) {
    return `the setting of rule "${parts[1]}" must be a severity (${SEVERITY_WORDS}) or [severity, {options}]`;
  }
  const where = parts.length ? `"${parts.join('.')}"` : 'the top level';
  switch (first.keyword) {
    case 'additionalProperties': {
      const key = (first.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys(((first.parentSchema as { properties?: object })?.properties) ?? {}).filter((k) => k !== '$schema');
      const near = nearest(key, allowed);
      return `unknown key "${key}" in ${where}${near ? ` (did you mean "${near}"?)` : ''}; allowed: ${allowed.join(', ')}`;
    }
    case 'enum':
      return `${where} must be one of ${((first.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type':
      return `${where} must be ${(first.params as { type: string }).type === 'integer' ? 'a whole number' : `of type ${(first.params as { type: string }).type}`}`;
    case 'minimum':
    case 'maximum':
      return `${where} ${first.message ?? 'is out of range'}`;
    default:
      return `${where} ${first.message ?? 'is invalid'}`;
  }
}

/** The closest name by edit distance, when it is close enough to be a typo. */
export function nearest(word: string, names: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = distance(word.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Options are checked against the rule's defaults: a rule without defaults takes none, and each option keeps its default's type. */
function checkRuleOptions(rule: AnyRule, options: Record<string, unknown>, origin: string): void {
  const defaults = (rule.defaultOptions ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(options)) {
    if (!Object.hasOwn(defaults, key)) {
      const known = Object.keys(defaults);
      throw new ConfigError(`Rule "${rule.id}" in ${origin} has no option "${key}"; ${known.length ? `its options: ${known.join(', ')}` : 'it takes no options'}`);
    }
    const want = Array.isArray(defaults[key]) ? 'array' : typeof defaults[key];
    const got = Array.isArray(value) ? 'array' : typeof value;
    if (defaults[key] !== undefined && want !== got) throw new ConfigError(`Option "${key}" of rule "${rule.id}" in ${origin} must be ${want === 'array' ? 'a list' : `a ${want}`}, got ${got === 'array' ? 'a list' : got}`);
  }
}

/** A severity as twelvelint writes it, or as ESLint users do: 'warn', 0 (off), 1 (warning), 2 (error). */
export function normalizeSeverity(value: unknown): SeveritySetting | undefined {
  const map: Record<string, SeveritySetting> = { off: 'off', info: 'info', warning: 'warning', warn: 'warning', error: 'error', '0': 'off', '1': 'warning', '2': 'error' };
  return typeof value === 'string' || typeof value === 'number' ? (Object.hasOwn(map, String(value)) ? map[String(value)] : undefined) : undefined;
}

/** Applies presets, then the user's rules, then CLI `--rule` overrides. */
export function resolveConfig(
  loaded: LoadedConfig,
  allRules: readonly AnyRule[],
  cliRules: Record<string, SeveritySetting>,
  cliIgnores: string[],
): ResolvedConfig {
  const config = loaded.config;
  const byId = new Map(allRules.map((r) => [r.id, r]));
  const presets = config.extends === undefined ? ['twelvelint:recommended'] : Array.isArray(config.extends) ? config.extends : [config.extends];
  const rules = new Map<string, ResolvedRule>();
  for (const preset of presets) {
    if (!(PRESETS as readonly string[]).includes(preset)) throw new ConfigError(`Unknown preset "${preset}"; use one of ${PRESETS.join(', ')}`);
    for (const rule of allRules) {
      if (preset === 'twelvelint:strict' || rule.recommended) rules.set(rule.id, { rule, severity: rule.severity, options: { ...(rule.defaultOptions ?? {}) } });
    }
  }
  const apply = (id: string, setting: RuleSetting, origin: string) => {
    const rule = byId.get(id);
    if (!rule) {
      const near = nearest(id, [...byId.keys()]) ?? nearest(id.split('/').pop() ?? id, [...byId.keys()].map((k) => k.split('/').pop() ?? k));
      const suggestion = near ? [...byId.keys()].find((k) => k === near || k.endsWith(`/${near}`)) : undefined;
      throw new ConfigError(`Unknown rule "${id}" in ${origin}${suggestion ? `; did you mean "${suggestion}"?` : ''}; run --list-rules to see them`);
    }
    const [given, options] = Array.isArray(setting) ? setting : [setting, undefined];
    if (options && typeof options === 'object') checkRuleOptions(rule, options, origin);
    const severity = normalizeSeverity(given) ?? 'off';
    if (severity === 'off') {
      rules.delete(id);
      return;
    }
    const previous = rules.get(id);
    rules.set(id, { rule, severity, options: { ...(rule.defaultOptions ?? {}), ...(previous?.options ?? {}), ...(options ?? {}) } });
  };
  for (const [id, setting] of Object.entries(config.rules ?? {})) apply(id, setting, loaded.source ?? 'config');
  for (const [id, severity] of Object.entries(cliRules)) apply(id, severity, '--rule');
  return {
    source: loaded.source,
    extends: presets,
    rules,
    ignores: [...(config.ignores ?? []), ...cliIgnores],
    limits: { ...DEFAULT_LIMITS, ...(config.maxFileSize !== undefined ? { maxFileSize: config.maxFileSize } : {}), ...(config.limits ?? {}) },
    stack: config.stack === undefined ? [] : Array.isArray(config.stack) ? config.stack : [config.stack],
    failOnVerdict: config.failOnVerdict ?? 'not-deployable',
  };
}
