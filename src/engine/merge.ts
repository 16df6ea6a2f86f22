/**
 * One problem, one finding. A key merged into several services from one YAML anchor is one
 * finding at the anchor that names the services; a problem two rules see at one place
 * (`container_name`: concurrency and Swarm) is one finding that lists both concerns.
 */
import type { AnyRule, MessageData, Severity } from '../rules/rule.js';
import type { Finding } from './result.js';

/** A finding while the engine works on it: its message data, its rule's default severity, and whether it is reported. */
export interface WorkingFinding extends Omit<Finding, 'fingerprint'> {
  data?: MessageData;
  /** The severity the rule gives this finding before configuration (a prediction ignores configuration). */
  defaultSeverity: Severity;
  reported: boolean;
  suppressed: boolean;
  /** The reason a suppression comment gives. */
  justification?: string;
}

const STRENGTH = { none: 0, degraded: 1, 'deploy-input': 2, blocker: 3 } as const;
const SEVERITY = { info: 0, warning: 1, error: 2 } as const;

function at(f: Pick<Finding, 'filePath' | 'line' | 'column'>): string {
  return `${f.filePath}\u0000${f.line}\u0000${f.column}`;
}

/** A compose path naming a service (`services.web.healthcheck.interval`, `services.web Additional property …`), as schema and interpolation messages quote it. */
const SERVICE_PATH = /\bservices\.([^.\s"']+)(?=[.\s"']|$)/g;

/** The service a finding is about: its `service` data, else the service a quoted compose path names. */
function serviceOf(f: WorkingFinding): string | undefined {
  if (f.data?.service !== undefined) return String(f.data.service);
  for (const v of Object.values(f.data ?? {})) {
    if (typeof v !== 'string') continue;
    const m = new RegExp(SERVICE_PATH.source).exec(v);
    if (m) return m[1];
  }
  return undefined;
}

/** What a finding says apart from the service it names: two findings that agree on it are one problem. */
function problemKey(f: WorkingFinding): string {
  const { service: _service, ...rest } = f.data ?? {};
  const general = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, typeof v === 'string' ? v.replace(SERVICE_PATH, 'services.*') : v]));
  return `${f.ruleId}\u0000${at(f)}\u0000${f.messageId ?? f.message}\u0000${JSON.stringify(general)}`;
}

/** Same rule, same place, same problem: keep the first finding and name the other services it concerns. */
function mergeSameRule(findings: WorkingFinding[]): WorkingFinding[] {
  const first = new Map<string, WorkingFinding>();
  const services = new Map<WorkingFinding, Set<string>>();
  const out: WorkingFinding[] = [];
  for (const f of findings) {
    const key = problemKey(f);
    const kept = first.get(key);
    if (!kept || f.ruleId === null) {
      first.set(key, f);
      out.push(f);
      continue;
    }
    kept.reported ||= f.reported;
    const service = serviceOf(f);
    if (service !== undefined && service !== serviceOf(kept)) {
      const set = services.get(kept) ?? new Set<string>();
      set.add(String(service));
      services.set(kept, set);
    }
  }
  for (const [f, names] of services) {
    const list = [...names].map((n) => `"${n}"`).join(', ');
    f.message += ` (also for service${names.size > 1 ? 's' : ''} ${list}, which get the same key from one YAML anchor)`;
  }
  return out;
}

/** Findings of rules declared `sameProblemAs` (or `covers`) at the same place go into the declaring rule's finding. */
function mergeSameProblem(findings: WorkingFinding[], rules: ReadonlyMap<string, AnyRule>): WorkingFinding[] {
  const byPlace = new Map<string, WorkingFinding[]>();
  for (const f of findings) byPlace.set(`${f.filePath}\u0000${f.line}`, [...(byPlace.get(`${f.filePath}\u0000${f.line}`) ?? []), f]);
  const absorbed = new Set<WorkingFinding>();
  for (const f of findings) {
    const rule = f.ruleId ? rules.get(f.ruleId) : undefined;
    const covered = rule?.covers ?? [];
    const others = [...(rule?.sameProblemAs ?? []), ...covered];
    if (others.length === 0 || absorbed.has(f)) continue;
    for (const g of byPlace.get(`${f.filePath}\u0000${f.line}`) ?? []) {
      if (g === f || absorbed.has(g) || !g.ruleId || !others.includes(g.ruleId)) continue;
      // A finding only the other rule reports keeps its own identity: nothing to merge into.
      if (!f.reported && g.reported) continue;
      absorbed.add(g);
      f.also = [...(f.also ?? []), { ruleId: g.ruleId, factor: g.factor! }];
      if (g.reported && g.message !== f.message && !covered.includes(g.ruleId)) f.message += `; ${g.message}`;
      if (STRENGTH[g.swarm] > STRENGTH[f.swarm]) {
        f.swarm = g.swarm;
        if (g.blocker) f.blocker = g.blocker;
      }
      if (g.reported && SEVERITY[g.severity] > SEVERITY[f.severity]) f.severity = g.severity;
      // The merged finding keeps a fix the absorbed one offered (swarm/deprecated-option removing container_name).
      if (g.reported && g.fix && !f.fix) f.fix = g.fix;
      f.reported ||= g.reported;
    }
  }
  return findings.filter((f) => !absorbed.has(f));
}

export function mergeFindings(findings: WorkingFinding[], rules: readonly AnyRule[]): WorkingFinding[] {
  return mergeSameProblem(mergeSameRule(findings), new Map(rules.map((r) => [r.id, r])));
}
