import { defineRule } from '../rule.js';
import type { Range } from '../../project/range.js';
import { getValue } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { parseArgv, parseShell, type SimpleCommand } from '../../project/facts/shell.js';
import { short } from '../util/text.js';

/** Commands that always succeed. */
const ALWAYS_ZERO = /^(true|:|echo|printf)$/;

/** Why a healthcheck's commands always report healthy, or undefined when they can fail. */
export function cannotFail(commands: readonly SimpleCommand[]): { messageId: 'alwaysZero' | 'curlNoFail'; step: string } | undefined {
  const cmds = commands.filter((c) => c.words.length > 0);
  if (cmds.length === 0) return undefined;
  const last = cmds.at(-1)!;
  const exitsZero = (c: SimpleCommand) => ALWAYS_ZERO.test(c.program) || (c.program === 'exit' && (c.words[1] ?? '0') === '0');
  // `… || true`, `… || exit 0`, `… || echo down`: the last list always ends in success.
  if (exitsZero(last) && (last.after === '||' || cmds.length === 1)) return { messageId: 'alwaysZero', step: last.raw.join(' ') || last.words.join(' ') };
  // curl exits 0 on an HTTP 500 unless told to fail: the check passes whatever the app answers.
  const curl = last.program === 'curl' && !last.piped ? last : undefined;
  if (curl && !curl.words.some((w) => /^(--fail|--fail-with-body|-[a-zA-Z]*f[a-zA-Z]*)$/.test(w))) return { messageId: 'curlNoFail', step: curl.words.join(' ') };
  return undefined;
}

export default defineRule({
  id: 'disposability/healthcheck-cannot-fail',
  factor: 'disposability',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['dockerfile', 'compose'],
  docs: {
    summary: 'A healthcheck can never fail (`… || exit 0`, `|| true`, `|| echo`, `curl` without `--fail`)',
    rationale:
      'Factor IX: disposability relies on the platform telling a working process from a broken one. A healthcheck that ends in `|| exit 0` or `|| true`, or that calls `curl` without `-f` (curl exits 0 on an HTTP 500), reports healthy whatever the app does: a task that cannot serve stays in rotation and an update never notices a broken release.',
    fix: 'Let the check fail: `curl -fsS http://localhost:8000/health || exit 1`, `wget -qO- …` (wget fails on HTTP errors), and drop `|| true` / `|| exit 0`.',
    swarm: 'Swarm replaces tasks that turn unhealthy and, with `update_config.failure_action: rollback`, rolls back an update whose tasks never become healthy; a check that cannot fail disables both.',
    bad: 'HEALTHCHECK CMD curl http://localhost:8000/health || exit 0',
    good: 'HEALTHCHECK CMD curl -fsS http://localhost:8000/health || exit 1',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    alwaysZero: '{{where}} always succeeds ("{{step}}" ends it with exit code 0): the task counts as healthy even when the app is down; let the check fail',
    curlNoFail: '{{where}} runs "{{step}}" without --fail: curl exits 0 on an HTTP error status, so the check passes whatever the app answers; add -f (--fail)',
  },
  check({ project, report }) {
    const inspect = (commands: SimpleCommand[], file: string, range: Range, where: string) => {
      const problem = cannotFail(commands);
      if (problem) report({ file, range, messageId: problem.messageId, data: { where, step: short(problem.step) } });
    };
    const seen = new Set<unknown>();
    for (const image of project.facts.images()) {
      const inst = image.healthcheck;
      if (!inst || seen.has(inst)) continue;
      seen.add(inst);
      // HEALTHCHECK [options] CMD <command> | NONE
      const m = /^(?:--\S+\s+)*CMD\s+([\s\S]*)$/i.exec(inst.args.trim());
      if (!m) continue;
      const body = m[1].trim();
      let argv: string[] | undefined;
      try {
        const parsed: unknown = JSON.parse(body);
        if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) argv = parsed as string[];
      } catch {
        // shell form
      }
      inspect(argv ? parseArgv(argv) : parseShell(body), image.dockerfile.path, inst.range, 'HEALTHCHECK');
    }
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        const test = getValue(getValue(service.node, 'healthcheck'), 'test');
        if (!test) continue;
        const where = `The healthcheck of service "${service.name}"`;
        if (test.kind === 'scalar') {
          const text = resolvedString(file, test);
          if (text) inspect(parseShell(text), file.path, test.range, where);
          continue;
        }
        if (test.kind !== 'seq' || test.items.length < 2) continue;
        const words = test.items.map((i) => resolvedString(file, i) ?? '');
        if (words[0] === 'CMD-SHELL') inspect(parseShell(words.slice(1).join(' ')), file.path, test.range, where);
        else if (words[0] === 'CMD') inspect(parseArgv(words.slice(1)), file.path, test.range, where);
      }
    }
  },
});
