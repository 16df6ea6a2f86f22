import type { Project, RuleInput } from '../project/model.js';
import type { GrammarLanguage } from '../project/lang/tree-sitter.js';
import type { Range } from '../project/range.js';

export const FACTORS = [
  'codebase',
  'dependencies',
  'config',
  'backing-services',
  'build-release-run',
  'processes',
  'port-binding',
  'concurrency',
  'disposability',
  'dev-prod-parity',
  'logs',
  'admin-processes',
] as const;

export type Factor = (typeof FACTORS)[number];
export type RuleFamily = Factor | 'swarm';

export const FACTOR_TITLES: Record<RuleFamily, string> = {
  codebase: 'I. Codebase',
  dependencies: 'II. Dependencies',
  config: 'III. Config',
  'backing-services': 'IV. Backing services',
  'build-release-run': 'V. Build, release, run',
  processes: 'VI. Processes',
  'port-binding': 'VII. Port binding',
  concurrency: 'VIII. Concurrency',
  disposability: 'IX. Disposability',
  'dev-prod-parity': 'X. Dev/prod parity',
  logs: 'XI. Logs',
  'admin-processes': 'XII. Admin processes',
  swarm: 'Swarm compatibility',
};

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/**
 * What a finding means for `docker stack deploy`:
 * - blocker: Swarm rejects the file, or the service breaks once it has two replicas;
 * - deploy-input: the file is fine but the deployer must supply something first
 *   (a required variable, an external network, secret or config);
 * - degraded: deploys, but an option is ignored or behaves differently;
 * - none: a twelve-factor concern with no direct Swarm effect.
 */
export type SwarmImpact = 'blocker' | 'deploy-input' | 'degraded' | 'none';

/**
 * How a blocker bites: docker stack deploy refuses the file (`rejected`), the service breaks once it
 * runs two or more replicas (`replicas`), or it deploys but cannot work as configured (`broken`).
 */
export type BlockerKind = 'rejected' | 'replicas' | 'broken';

export interface RuleDocs {
  summary: string;
  /** Why it matters, in twelve-factor terms. */
  rationale: string;
  /** How to fix it. */
  fix: string;
  /** What Swarm does about it; the exact docker message when there is one. */
  swarm?: string;
  /** Short examples for the docs page. */
  bad?: string;
  good?: string;
  /** Language of the examples (dockerfile, yaml, js …). */
  exampleLanguage?: string;
}

export type MessageData = Record<string, string | number>;

export interface Fix {
  range: Range;
  text: string;
}

export interface ReportDescriptor<M extends string> {
  /** Project-relative path of the file the finding sits in. */
  file: string;
  range: Range;
  messageId: M;
  data?: MessageData;
  /** Overrides the rule's default swarm impact for this finding. */
  swarm?: SwarmImpact;
  /** Overrides the rule's default severity for this finding (a severity set in the configuration still wins). */
  severity?: Severity;
  fix?: Fix;
  suggestions?: { desc: string; fix?: Fix }[];
}

export interface RuleContext<M extends string, O> {
  project: Project;
  options: O;
  report(descriptor: ReportDescriptor<M>): void;
}

export interface RuleDefinition<M extends string = string, O = Record<string, unknown>> {
  id: string;
  factor: RuleFamily;
  severity: Severity;
  swarm: SwarmImpact;
  /** In the `twelvelint:recommended` preset (otherwise only in `strict`). */
  recommended: boolean;
  /** The parsed inputs the rule reads; the loader parses nothing else. */
  inputs: readonly RuleInput[];
  docs: RuleDocs;
  messages: Record<M, string>;
  defaultOptions?: O;
  /**
   * Twelve-factor rules are not applied to development-only files and services
   * (project.devRegions); 'include' keeps them (rules that compare dev with prod).
   * The swarm family always sees everything: it predicts what docker does.
   */
  devContext?: 'include';
  /** For JS/TS source rules: a cheap test on raw text that says whether a file may matter. */
  sourcePrefilter?: RegExp;
  /** Source languages besides JS/TS the rule reads (their facts have the same shape); the rule's factor counts them as read. */
  sourceLanguages?: readonly GrammarLanguage[];
  /** What `--fix` rewrites for this rule's findings, when the rule offers a safe, local fix (stated in the docs). */
  fixable?: string;
  /** For `swarm: 'blocker'` rules: how the blocker bites (default `rejected` in the swarm family, `broken` elsewhere). */
  blocker?: BlockerKind;
  /**
   * Rules that report the same problem at the same place (`container_name` is a concurrency problem and an option
   * docker ignores): their finding there is merged into this rule's, listing both concerns.
   */
  sameProblemAs?: readonly string[];
  /**
   * Rules whose finding at the same place this rule's message already states in full (`npm start` in shell
   * form: /bin/sh and npm both stand between SIGTERM and the app): merged like `sameProblemAs`, without
   * adding their message (whose advice would be only half the fix).
   */
  covers?: readonly string[];
  /** For security-relevant rules (committed secrets, piping downloads to a shell): a 0–10 score, as code scanning tools give (SARIF security-severity). */
  securitySeverity?: number;
  check(context: RuleContext<M, O>): void;
}

export type AnyRule = RuleDefinition<string, any>;

/** Typed rule constructor: message ids and options are checked at compile time. */
export function defineRule<M extends string, O = Record<string, unknown>>(rule: RuleDefinition<M, O>): RuleDefinition<M, O> {
  return rule;
}

export function formatMessage(template: string, data: MessageData | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (data && key in data ? String(data[key]) : whole));
}
