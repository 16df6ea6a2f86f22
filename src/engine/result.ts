import type { Fix, RuleFamily, Severity, SwarmImpact } from '../rules/rule.js';
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
}

export type FactorStatus = 'pass' | 'info' | 'warn' | 'fail' | 'not-applicable';

export interface FactorResult {
  id: RuleFamily;
  title: string;
  /** 0–100, or null when not applicable. */
  score: number | null;
  status: FactorStatus;
  findings: Finding[];
}

export type SwarmVerdict = 'ready' | 'ready-with-warnings' | 'needs-deploy-inputs' | 'not-deployable';

export interface SwarmBlocker {
  ruleId: string | null;
  message: string;
  filePath: string;
  line: number;
  kind: 'blocker' | 'deploy-input';
}

/** What docker stack deploy would do with one compose file on its own (`-c <file>`). */
export interface StackFileVerdict {
  filePath: string;
  verdict: SwarmVerdict;
  blockers: number;
  deployInputs: number;
}

export interface SwarmSummary {
  /** The project's verdict: its best compose file, worsened by findings outside compose files. */
  verdict: SwarmVerdict;
  /** The compose file the verdict is based on, when there is one. */
  via: string | null;
  /** Blockers and deploy inputs behind the verdict. */
  blockers: SwarmBlocker[];
  files: StackFileVerdict[];
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
}

export interface AuditResult {
  tool: { name: 'twelvelint'; version: string };
  root: string;
  summary: {
    score: number | null;
    grade: 'A' | 'B' | 'C' | 'D' | 'F' | null;
    swarm: SwarmSummary;
    counts: { error: number; warning: number; info: number; fixable: number; files: number };
  };
  factors: FactorResult[];
  results: FileResult[];
  diagnostics: Diagnostic[];
}
