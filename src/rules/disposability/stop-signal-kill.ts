import { defineRule } from '../rule.js';
import { getEntry } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';

/** Signals no process can catch: SIGKILL and SIGSTOP, by name or number (x86/ARM numbering). */
export function uncatchableSignal(value: string): string | undefined {
  const v = value.trim().toUpperCase().replace(/^SIG/, '');
  if (v === 'KILL' || v === '9') return 'SIGKILL';
  if (v === 'STOP' || v === '19') return 'SIGSTOP';
  return undefined;
}

export default defineRule({
  id: 'disposability/stop-signal-kill',
  factor: 'disposability',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['dockerfile', 'compose'],
  docs: {
    summary: 'The stop signal is SIGKILL or SIGSTOP, which no process can handle',
    rationale:
      'Factor IX: processes shut down gracefully when asked. `STOPSIGNAL SIGKILL` (or `stop_signal: SIGKILL`) kills the process outright with no chance to finish requests, release locks or requeue jobs; `SIGSTOP` freezes it, and Docker kills it after the grace period anyway.',
    fix: 'Remove the override (SIGTERM is the default) or use the signal the program documents for graceful shutdown (`SIGQUIT` for nginx, `SIGWINCH` for Apache httpd), and handle it in the app.',
    swarm: 'Swarm sends the stop signal to every task it replaces on an update, scale-down or drain: with SIGKILL each of them dies mid-request.',
    bad: 'STOPSIGNAL SIGKILL',
    good: '# default: SIGTERM\nSTOPSIGNAL SIGTERM',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    signal: '{{where}} sets the stop signal to {{signal}}, which cannot be handled: the process never gets to shut down gracefully; use SIGTERM (the default) and handle it',
  },
  check({ project, report }) {
    const seen = new Set<unknown>();
    for (const image of project.facts.images()) {
      const inst = image.stopSignal;
      const signal = inst && uncatchableSignal(inst.args);
      if (!inst || !signal || seen.has(inst)) continue;
      seen.add(inst);
      const where = inst.stage === image.release?.index ? 'STOPSIGNAL' : 'STOPSIGNAL (inherited by the final stage)';
      report({ file: image.dockerfile.path, range: inst.range, messageId: 'signal', data: { where, signal } });
    }
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        const entry = getEntry(service.node, 'stop_signal');
        const value = entry && resolvedString(file, entry.value);
        const signal = value && uncatchableSignal(value);
        if (signal) report({ file: file.path, range: entry!.value.range, messageId: 'signal', data: { where: `Service "${service.name}"`, signal } });
      }
    }
  },
});
