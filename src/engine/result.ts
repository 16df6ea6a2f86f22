import type { BlockerKind, Fix, RuleFamily, Severity, SwarmImpact } from '../rules/rule.js';
import type { VerdictGate } from './config.js';
import type { Diagnostic } from '../project/diagnostics.js';

/** One finding. Positions are 1-based; filePath is project-relative with forward slashes. */
export interface Finding {
  /** null for parse errors and unused-directive reports, as in ESLint. */
  ruleId: string | null;
  factor: RuleFamily | null;
  severity: Severity;
  swarm: SwarmImpact;
  message: string;
  messageId?: string;
  filePath: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: Fix;
  suggestions?: { desc: string; fix?: Fix }[];
  /** A file that could not be parsed. */
  fatal?: boolean;
  /** For blockers: how it bites (rejected by docker, breaks with replicas, or deploys broken). */
  blocker?: BlockerKind;
  /** Other rules that reported the same problem at this place, merged into this finding. */
  also?: { ruleId: string; factor: RuleFamily }[];
  /** Stable identity: survives line moves and reformatting (engine/fingerprint.ts). */
  fingerprint: string;
  /** For a finding a `twelvelint-disable` comment suppressed: the comment's reason, if any. */
  justification?: string;
}

/**
 * `not-assessed`: nothing this factor's rules read was found (no compose file, say), or the code it
 * would judge is in a language twelvelint does not analyse yet; never a pass.
 */
export type FactorStatus = 'pass' | 'info' | 'warn' | 'fail' | 'not-assessed';

export interface FactorResult {
  id: RuleFamily;
  title: string;
  /** 0–100, or null when not assessed. */
  score: number | null;
  status: FactorStatus;
  /** What was not read for this factor (`Python source is not analysed`), when something was not. */
  coverage?: string;
  findings: Finding[];
}

export type SwarmVerdict = 'ready' | 'ready-with-warnings' | 'needs-deploy-inputs' | 'not-deployable';

export interface SwarmBlocker {
  ruleId: string | null;
  message: string;
  filePath: string;
  line: number;
  kind: 'blocker' | 'deploy-input';
  /** For blockers: rejected by docker stack deploy, broken with two or more replicas, or deploys broken. */
  blocker?: BlockerKind;
  /** False when the finding is turned off or suppressed: it is not reported, but it is still what Swarm does. */
  reported: boolean;
}

/** What docker stack deploy would do with one compose file on its own (`-c <file>`). */
export interface StackFileVerdict {
  filePath: string;
  verdict: SwarmVerdict;
  blockers: number;
  deployInputs: number;
  /** Swarm warnings (ignored or degraded options). */
  warnings: number;
  /** The file is what the project deploys (`--stack`, a stack, production or main compose file); the Swarm findings of other files are counted here, not listed. */
  deployed: boolean;
  /** Why the file is or is not deployed. */
  reason: string;
}

export interface SwarmSummary {
  /** What Swarm does with the project: the worst of its deployed compose files, worsened by blockers outside them. */
  verdict: SwarmVerdict;
  /** The first compose file the verdict is based on, when there is one. */
  via: string | null;
  /** Every compose file the verdict is based on: the deployed ones, or when none is, the best of the rest. */
  verdictFrom: string[];
  /** Blockers and deploy inputs behind the verdict (also those turned off or suppressed: a prediction ignores config). */
  blockers: SwarmBlocker[];
  files: StackFileVerdict[];
  /** The verdict that fails the run (`failOnVerdict`), and whether this one does. */
  gate: VerdictGate;
  failed: boolean;
}

/** ESLint's per-file result shape, so problem matchers and reviewdog read it. */
export interface FileResult {
  filePath: string;
  messages: EslintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** Findings a `twelvelint-disable` comment suppressed (ESLint's shape): kept for SARIF and audits of suppressions. */
  suppressedMessages: SuppressedMessage[];
}

export interface SuppressedMessage extends EslintMessage {
  /** directive: a twelvelint-disable comment; external: the baseline file. */
  suppressions: { kind: 'directive' | 'external'; justification: string }[];
}

export interface EslintMessage {
  ruleId: string | null;
  /** ESLint's numbers: 2 error, 1 warning; info findings are 1 with level 'info'. */
  severity: 1 | 2;
  level: Severity;
  factor: RuleFamily | null;
  swarm: SwarmImpact;
  message: string;
  messageId?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fatal?: boolean;
  fix?: Fix;
  suggestions?: { desc: string; fix?: Fix }[];
  blocker?: BlockerKind;
  also?: { ruleId: string; factor: RuleFamily }[];
  fingerprint: string;
}

export interface AuditResult {
  tool: { name: 'twelvelint'; version: string };
  root: string;
  summary: {
    /** Twelve-factor readiness: the mean of the assessed factors (Swarm compatibility is the verdict beside it). */
    score: number | null;
    grade: 'A' | 'B' | 'C' | 'D' | 'F' | null;
    /** How many of the twelve factors the score is based on. */
    assessedFactors: number;
    swarm: SwarmSummary;
    counts: { error: number; warning: number; info: number; fixable: number; files: number };
  };
  factors: FactorResult[];
  results: FileResult[];
  diagnostics: Diagnostic[];
}
