import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditCorpusFile, CORPUS, ignoredOptions, keyLines, predictsDeploy, readVerdicts } from './corpus.js';

/**
 * The oracle's recorded verdicts (a real Swarm, docker CLI 28.2.2) against
 * twelvelint's prediction for each of the 60 corpus files, audited one by one
 * with an empty deploy environment as the oracle had.
 */
const verdicts = readVerdicts();
let agreed = 0;
const disagreements: string[] = [];

describe('corpus: twelvelint agrees with a real Swarm', () => {
  for (const v of verdicts) {
    it(v.file, async () => {
      const result = await auditCorpusFile(v.file);
      const predicted = predictsDeploy(result);
      if (predicted === v.deployed) agreed++;
      else disagreements.push(`${v.file}: Swarm ${v.deployed ? 'deployed' : 'rejected'} it, twelvelint said ${result.summary.swarm.verdict}`);
      expect(result.summary.swarm.verdict === 'ready' || result.summary.swarm.verdict === 'ready-with-warnings', `verdict ${result.summary.swarm.verdict}; oracle: ${v.messages.join(' | ')}`).toBe(v.deployed);
      // Every option the oracle says Swarm ignored has a finding on the line of that key.
      const findings = result.results.flatMap((r) => r.messages);
      const text = readFileSync(path.join(CORPUS, v.file), 'utf8');
      for (const o of ignoredOptions(v.messages)) {
        const lines = keyLines(text, o.option, o.binding);
        expect(lines.length, `oracle names ${o.option} but it is not in the file`).toBeGreaterThan(0);
        for (const line of lines) {
          // A Swarm finding, or one that merged it (container_name, links: one problem, one finding).
          const swarmFinding = (f: (typeof findings)[number]) => f.ruleId?.startsWith('swarm/') || f.also?.some((a) => a.ruleId.startsWith('swarm/'));
          expect(findings.some((f) => f.line === line && swarmFinding(f)), `no swarm finding for ${o.binding ?? o.option} on line ${line}`).toBe(true);
        }
      }
    });
  }
  afterAll(() => {
    // The agreement figure the issue asks to print.
    console.log(`\ncorpus agreement with the Swarm oracle: ${agreed}/${verdicts.length} verdicts`);
    for (const d of disagreements) console.log(`  disagree: ${d}`);
  });
});
