import { createHash } from 'node:crypto';

/**
 * A finding's identity that survives line moves and reformatting: the rule, the file and the
 * text of the finding's line with whitespace collapsed, plus which occurrence of that triple it
 * is (two equal lines in one file stay two findings). Used for SARIF partialFingerprints and
 * for baselines.
 */
export interface Fingerprinted {
  ruleId: string | null;
  filePath: string;
  line: number;
  message: string;
}

export function lineHash(ruleId: string | null, filePath: string, lineText: string): string {
  const normal = lineText.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${ruleId ?? ''}\0${filePath}\0${normal}`).digest('hex').slice(0, 16);
}

/** `<hash>:<occurrence>` for each finding, in the order given (findings sorted by position). */
export function fingerprints(findings: readonly Fingerprinted[], linesOf: (file: string) => readonly string[] | undefined): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const lines = linesOf(f.filePath);
    // A finding about the project as a whole, or a file whose text is not at hand, is known by its message.
    const text = lines ? (lines[f.line - 1] ?? '') : f.message;
    const hash = lineHash(f.ruleId, f.filePath, text);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}
