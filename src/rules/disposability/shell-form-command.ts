import { defineRule } from '../rule.js';
import { parseShell } from '../../project/facts/shell.js';
import { getValue } from '../../project/yaml-tree.js';
import { imageName } from '../../project/facts/image.js';

export default defineRule({
  id: 'disposability/shell-form-command',
  factor: 'disposability',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  fixable: 'a CMD or ENTRYPOINT of plain words (no quotes, variables or shell operators) becomes its exec form: `CMD node server.js` → `CMD ["node", "server.js"]`; an ENTRYPOINT is left alone when there is a CMD or a compose `command` (exec form would pass them on as arguments)',
  inputs: ['dockerfile', 'compose'],
  docs: {
    summary: '`CMD` or `ENTRYPOINT` in shell form',
    rationale:
      'Factor IX: disposability, fast start and graceful shutdown. In shell form Docker runs `/bin/sh -c "<command>"`; the shell is PID 1 and does not pass SIGTERM on, so the app never hears it is being stopped and is killed after the grace period.',
    fix: 'Use the exec (JSON array) form: `CMD ["node", "server.js"]`. If you need shell features, end the script with `exec "$@"` or `exec node server.js`.',
    swarm: 'On every rolling update and scale-down Swarm sends SIGTERM, waits `stop_grace_period` (10 s by default), then SIGKILLs: in-flight requests are cut off.',
    bad: 'CMD node server.js',
    good: 'CMD ["node", "server.js"]',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    shellForm: '{{keyword}} uses shell form, so {{shell}} is PID 1 and SIGTERM does not reach "{{command}}"; use the exec form {{suggestion}}',
  },
  check({ project, report }) {
    const seen = new Set<unknown>();
    for (const image of project.facts.images()) {
      const d = image.dockerfile;
      // The shell a shell-form command runs in: `SHELL [...]`, else /bin/sh.
      const shell = image.shell[0] ?? '/bin/sh';
      // Windows containers (PowerShell/cmd, Windows base images) stop processes differently.
      const base = image.base?.image;
      if (/(^|\\|\/)(powershell|pwsh|cmd)(\.exe)?$/i.test(shell) || (base && /^(mcr\.microsoft\.com\/(windows|powershell)|microsoft\/(windowsservercore|nanoserver))|nanoserver|windowsservercore|ltsc\d{4}/i.test(imageName(base) + ':' + base))) continue;
      for (const inst of [image.entrypoint, image.cmd]) {
        if (seen.has(inst)) continue;
        seen.add(inst);
        if (!inst || inst.exec || !inst.args.trim()) continue;
        // `ENTRYPOINT ["dumb-init", "--", …]` then a shell-form CMD: the init is PID 1 and signals the whole process group, the app included.
        if (inst === image.cmd && image.entrypoint?.exec && signalsGroup(image.entrypoint.exec)) continue;
        // `CMD exec node x` replaces the shell with the process: signals arrive.
        if (/^exec\s/.test(inst.args.trim())) continue;
        // `… && . /etc/apache2/envvars && exec apache2 -D FOREGROUND`: the last command replaces the shell, and it is the server.
        const commands = parseShell(inst.args);
        const last = commands.at(-1);
        if (last && last.raw[0] === 'exec' && !last.background && last.position === 0 && commands.every((c) => c.pipeline <= last.pipeline)) continue;
        const words = inst.args.trim().split(/\s+/);
        // A shell-form ENTRYPOINT ignores CMD and compose `command:`; in exec form it would get them as arguments.
        const argsIgnored = inst === image.entrypoint && (image.cmd !== undefined || d.usedBy.some((s) => getValue(s.node, 'command')));
        const simple = words.every((w) => /^[\w./:@=+-]+$/.test(w)) && !argsIgnored;
        const suggestion = simple ? JSON.stringify(words).replace(/","/g, '", "') : '(JSON array)';
        report({
          file: d.path,
          range: inst.range,
          messageId: 'shellForm',
          data: { keyword: inst.keyword, shell, command: inst.args.length > 50 ? `${inst.args.slice(0, 47)}...` : inst.args, suggestion },
          ...(simple ? { fix: { range: inst.argsRange, text: suggestion } } : {}),
        });
      }
    }
  },
});

/** An init that forwards signals to its child's whole process group: dumb-init (unless `--single-child`), `tini -g`. */
function signalsGroup(argv: string[]): boolean {
  const program = (argv[0] ?? '').split('/').pop() ?? '';
  const flags = argv.slice(1).filter((a) => a.startsWith('-') && a !== '--');
  if (program === 'dumb-init') return !flags.some((f) => f === '-c' || f === '--single-child');
  if (/^tini(-static)?$/.test(program)) return flags.some((f) => f === '-g' || /^-[a-z]*g/.test(f));
  return false;
}
