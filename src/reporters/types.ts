import type { AuditResult } from '../engine/result.js';

export interface ReporterOptions {
  color: boolean;
  /** Only errors (--quiet). */
  quiet: boolean;
}

/** A reporter turns a result into text; it never prints or touches the disk. */
export type Reporter = (result: AuditResult, options: ReporterOptions) => string;
