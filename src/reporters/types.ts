import type { AuditResult } from '../engine/result.js';
import type { RuleMeta } from './rule-meta.js';

export interface ReportContext {
  color: boolean;
  /** Only errors (--quiet), in every format. */
  quiet: boolean;
  /** Longer output where a format has it (stylish: each rule's docs URL). */
  verbose: boolean;
  /** Print absolute paths where a format prints paths for people (stylish, json, checkstyle, junit). SARIF stays relative to its base id. */
  absolutePaths: boolean;
  /** Rule metadata by id (descriptions, docs URLs, tags). */
  rules: ReadonlyMap<string, RuleMeta>;
  /** Where the command runs: SARIF URIs are relative to it when the project is inside it (the repository root in CI). */
  cwd: string;
  /** SARIF automationDetails.id (code scanning category); default `twelvelint/<audited folder>/`. */
  sarifCategory?: string;
  /** The lines of a project file, for snippets (undefined when not read). */
  source(root: string, filePath: string): readonly string[] | undefined;
}

/** A reporter turns results (one per audited project) into text; it never prints or touches the disk. */
export type Reporter = (results: readonly AuditResult[], context: ReportContext) => string;
