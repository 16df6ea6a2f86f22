import { FACTORS, FACTOR_TITLES, type AnyRule, type RuleFamily, type Severity } from '../rules/rule.js';
import type { Project, RuleInput } from '../project/model.js';
import type { AuditResult, FactorResult, Finding } from './result.js';
import { isNotShippedPath } from '../project/facts/deploy.js';
import { imageName } from '../project/facts/image.js';

const WEIGHT: Record<Severity, number> = { error: 25, warning: 10, info: 3 };

/**
 * Each factor starts at 100. Every rule costs its weight for the first finding,
 * half of that for the second, a quarter for the third…: one noisy rule cannot
 * sink a factor on its own (at most twice its weight).
 */
export function scoreFactor(findings: readonly Finding[]): number {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.ruleId ?? 'null';
    byRule.set(key, [...(byRule.get(key) ?? []), f]);
  }
  let penalty = 0;
  for (const list of byRule.values()) {
    const worst = list.some((f) => f.severity === 'error') ? 'error' : list.some((f) => f.severity === 'warning') ? 'warning' : 'info';
    penalty += WEIGHT[worst] * (2 - 2 ** (1 - list.length));
  }
  return Math.max(0, Math.round(100 - penalty));
}

const LANGUAGE_NAMES: Record<string, string> = { python: 'Python', go: 'Go', ruby: 'Ruby', java: 'Java/Kotlin', php: 'PHP', csharp: 'C#', rust: 'Rust' };
/** Base images that say which language a released image runs. */
const LANGUAGE_IMAGES: Record<string, RegExp> = {
  python: /^(python|pypy|[\w.-]+\/python[\w.-]*)$/,
  go: /^(golang|[\w.-]+\/golang)$/,
  ruby: /^(ruby|[\w.-]+\/ruby)$/,
  java: /^(openjdk|eclipse-temurin|amazoncorretto|maven|gradle|ibmjava|sapmachine)$/,
  php: /^(php|[\w.-]+\/php[\w.-]*)$/,
  csharp: /^mcr\.microsoft\.com\/dotnet\/(aspnet|runtime|runtime-deps|sdk)$/,
  rust: /^rust$/,
};

/**
 * Languages of the project's code that no enabled rule reads: a language counts when it is a fifth
 * of the shipped source files or a released image is built on its official image.
 */
export function unreadLanguages(project: Project, rules: readonly AnyRule[]): string[] {
  const sourceRules = rules.filter((r) => r.inputs.includes('source'));
  const read = new Set<string>(sourceRules.length > 0 ? ['js', 'ts'] : []);
  // A language read through a grammar counts where a rule reads it and the grammar loaded.
  const shipped = project.sources.filter((s) => !isNotShippedPath(s.path));
  // Kotlin shares the 'java' tag; only the Java grammar is loaded, so Kotlin code keeps Java/Kotlin unread.
  const kotlin = shipped.some((s) => /\.kts?$/.test(s.path));
  for (const r of sourceRules) for (const l of r.sourceLanguages ?? []) if (!project.unreadGrammars?.includes(l) && !(l === 'java' && kotlin)) read.add(l);
  const counts = new Map<string, number>();
  for (const s of shipped) counts.set(s.language, (counts.get(s.language) ?? 0) + 1);
  const bases = project.facts.images().filter((i) => project.facts.dockerfileStatus(i.dockerfile).release).map((i) => (i.base ? imageName(i.base.image) : ''));
  const out: string[] = [];
  for (const [lang, name] of Object.entries(LANGUAGE_NAMES)) {
    if (read.has(lang)) continue;
    const n = counts.get(lang) ?? 0;
    if ((n > 0 && n >= shipped.length / 5) || bases.some((b) => LANGUAGE_IMAGES[lang].test(b))) out.push(name);
  }
  return out;
}

function inputPresent(project: Project, input: RuleInput): boolean {
  switch (input) {
    case 'dockerfile':
      return project.dockerfiles.length > 0;
    case 'compose':
      return project.composeFiles.length > 0;
    case 'env':
      return project.envFiles.length > 0;
    case 'manifest':
      return project.manifests.length > 0;
    case 'lockfile':
      return project.lockfiles.length > 0;
    case 'procfile':
      return project.procfiles.length > 0;
    case 'script':
      return project.scripts.length > 0;
    case 'source':
      return project.sources.some((s) => s.language === 'js' || s.language === 'ts');
    case 'git':
    case 'files':
      return !project.singleFiles;
  }
}

/**
 * Factor results from the reported findings. A factor whose rules had nothing to read, or whose
 * code-level rules could not read the project's language, is `not-assessed`, never a pass.
 */
export function buildFactors(findings: readonly Finding[], project: Project, rules: readonly AnyRule[]): FactorResult[] {
  return [...FACTORS, 'swarm' as const].map((id): FactorResult => {
    const own = findings.filter((f) => f.factor === id || f.also?.some((a) => a.factor === id));
    const familyRules = rules.filter((r) => r.factor === id);
    // Per factor: Python read by the config rules does not make Logs or Processes assessed for Python.
    const unread = CODE_FACTORS.has(id) ? unreadLanguages(project, familyRules) : [];
    const readSomething = familyRules.some((r) => r.inputs.some((i) => i !== 'source' && inputPresent(project, i)) || (r.inputs.includes('source') && inputPresent(project, 'source')));
    const coverage = CODE_FACTORS.has(id) && unread.length > 0 ? `${unread.join(' and ')} source is not analysed yet` : undefined;
    const base = { id, title: FACTOR_TITLES[id], ...(coverage ? { coverage } : {}) };
    if (own.length === 0 && (!readSomething || coverage)) return { ...base, score: null, status: 'not-assessed', findings: [] };
    const status = own.some((f) => f.severity === 'error') ? 'fail' : own.some((f) => f.severity === 'warning') ? 'warn' : own.length ? 'info' : 'pass';
    return { ...base, score: scoreFactor(own), status, findings: own };
  });
}

/** Factors whose problems live in the application code as much as in deploy files. */
const CODE_FACTORS = new Set<RuleFamily>(['config', 'backing-services', 'processes', 'port-binding', 'concurrency', 'disposability', 'logs', 'admin-processes', 'dev-prod-parity']);

/** Twelve-factor readiness: the mean of the twelve factors that were assessed (the Swarm verdict stands beside it). */
export function readiness(factors: readonly FactorResult[]): { score: number | null; grade: AuditResult['summary']['grade']; assessed: number } {
  const scored = factors.filter((f) => f.id !== 'swarm' && f.score !== null).map((f) => f.score as number);
  if (scored.length === 0) return { score: null, grade: null, assessed: 0 };
  const score = Math.round(scored.reduce((a, b) => a + b, 0) / scored.length);
  const grade = score >= 90 ? 'A' : score >= 80 ? 'B' : score >= 70 ? 'C' : score >= 60 ? 'D' : 'F';
  return { score, grade, assessed: scored.length };
}
