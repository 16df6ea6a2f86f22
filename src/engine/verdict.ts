/**
 * The Swarm verdict: a prediction of what `docker stack deploy` does with the project. It is made
 * from every finding of every rule that speaks about Swarm, whatever the configuration turns off
 * or the source suppresses: configuration changes what is reported, never what is predicted.
 */
import type { Project } from '../project/model.js';
import type { BlockerKind, Severity, SwarmImpact } from '../rules/rule.js';
import type { VerdictGate } from './config.js';
import type { StackFileVerdict, SwarmBlocker, SwarmSummary, SwarmVerdict } from './result.js';

/** A finding as the prediction sees it: its rule's own impact and severity, and whether it is reported. */
export interface Prediction {
  ruleId: string | null;
  factor: string | null;
  swarm: SwarmImpact;
  blocker?: BlockerKind;
  /** The rule's default severity (configuration does not change a prediction). */
  defaultSeverity: Severity;
  message: string;
  filePath: string;
  line: number;
  reported: boolean;
}

const RANK: Record<SwarmVerdict, number> = { ready: 0, 'ready-with-warnings': 1, 'needs-deploy-inputs': 2, 'not-deployable': 3 };

export function worst(a: SwarmVerdict, b: SwarmVerdict): SwarmVerdict {
  return RANK[a] >= RANK[b] ? a : b;
}

/** not-deployable on any blocker; needs-deploy-inputs when only deployer-supplied inputs are missing. */
export function verdictOf(findings: readonly Prediction[]): SwarmVerdict {
  if (findings.some((f) => f.swarm === 'blocker')) return 'not-deployable';
  if (findings.some((f) => f.swarm === 'deploy-input')) return 'needs-deploy-inputs';
  if (findings.some((f) => f.swarm === 'degraded' || (f.factor === 'swarm' && f.defaultSeverity !== 'info'))) return 'ready-with-warnings';
  return 'ready';
}

export function gateFails(verdict: SwarmVerdict, gate: VerdictGate): boolean {
  return gate !== 'never' && RANK[verdict] >= RANK[gate];
}

/**
 * Each compose file is judged on its own, as `docker stack deploy -c <file>` takes it. The project's
 * verdict is the worst of the files it deploys (facts: `--stack`, else stack files, else production
 * or main compose files), worsened by blockers outside compose files (code that breaks with replicas).
 */
export function swarmSummary(predictions: readonly Prediction[], project: Project, gate: VerdictGate): SwarmSummary {
  const composePaths = new Set(project.composeFiles.map((f) => f.path));
  const outside = predictions.filter((f) => !composePaths.has(f.filePath));
  const files: StackFileVerdict[] = project.composeFiles.map((file) => {
    const own = predictions.filter((f) => f.filePath === file.path);
    const status = project.facts.composeStatus(file);
    return {
      filePath: file.path,
      verdict: verdictOf(own),
      blockers: own.filter((f) => f.swarm === 'blocker').length,
      deployInputs: own.filter((f) => f.swarm === 'deploy-input').length,
      warnings: own.filter((f) => f.swarm === 'degraded' || (f.factor === 'swarm' && f.defaultSeverity !== 'info')).length,
      deployed: status.deployed,
      reason: status.reason,
    };
  });
  const deployed = files.filter((f) => project.facts.composeStatus(project.composeFiles.find((c) => c.path === f.filePath)!).speaksForProject);
  const deployedSet = new Set(deployed.map((f) => f.filePath));
  let verdict = verdictOf(outside);
  for (const f of deployed) verdict = worst(verdict, f.verdict);
  const relevant = predictions.filter((f) => deployedSet.has(f.filePath) || !composePaths.has(f.filePath));
  const blockers: SwarmBlocker[] = relevant
    .filter((f) => f.swarm === 'blocker' || f.swarm === 'deploy-input')
    .map((f) => ({
      ruleId: f.ruleId,
      message: f.message,
      filePath: f.filePath,
      line: f.line,
      kind: f.swarm as SwarmBlocker['kind'],
      ...(f.swarm === 'blocker' ? { blocker: f.blocker ?? 'rejected' } : {}),
      reported: f.reported,
    }));
  return { verdict, via: deployed[0]?.filePath ?? null, verdictFrom: deployed.map((f) => f.filePath), blockers, files, gate, failed: gateFails(verdict, gate) };
}
