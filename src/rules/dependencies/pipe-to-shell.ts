import { defineRule } from '../rule.js';
import { plainWords as stripPrefixes, type SimpleCommand } from '../../project/facts/shell.js';
import { runCommands } from '../../project/facts/image.js';
import { hideUrlCredentials } from '../../project/facts/remote.js';

const SHELLS = /^(sh|bash|ash|dash|zsh|ksh)$/;
const INTERPRETERS = /^(sh|bash|ash|dash|zsh|ksh|python\d?(\.\d+)?|perl|ruby|node|php)$/;

function downloader(words: readonly string[]): boolean {
  const w = stripPrefixes([...words]);
  if (w[0] === 'curl') {
    // curl writes to stdout unless -o FILE / -O; `-o -` is stdout too.
    return !w.some((x, i) => (/^(-o|--output)$/.test(x) && w[i + 1] !== '-') || /^(-O|--remote-name|--remote-name-all)$/.test(x) || /^-[a-zA-Z]*O$/.test(x) || (/^-[a-zA-Z]+o$/.test(x) && w[i + 1] !== '-'));
  }
  if (w[0] === 'wget') {
    // wget writes to a file unless told to write to stdout (-O- / -O - / -qO-).
    for (let i = 1; i < w.length; i++) {
      if (/^(-[a-zA-Z]*O-|--output-document=-)$/.test(w[i])) return true;
      if (/^-[a-zA-Z]*O$|^--output-document$/.test(w[i]) && w[i + 1] === '-') return true;
    }
    return false;
  }
  return false;
}

function urlOf(words: readonly string[]): string | undefined {
  return words.find((w) => /^https?:\/\//i.test(w) || /^\$\{?\w+/.test(w));
}

/** An interpreter that runs what arrives on stdin: `sh`, `bash -s -- -y`, `python3 -`, but not `python -c "…"`. */
function runsStdin(words: readonly string[]): boolean {
  const w = stripPrefixes([...words]);
  if (!INTERPRETERS.test(w[0] ?? '')) return false;
  const rest = w.slice(1);
  if (rest.some((x) => /^-[a-z]*c[a-z]*$/.test(x) && SHELLS.test(w[0]))) return false;
  if (!SHELLS.test(w[0]) && rest.some((x) => x === '-c' || x === '-e' || x === '-m')) return false;
  // A script file argument before any option means stdin is data, not code (`python3 parse.py`).
  const firstArg = rest.find((x) => !x.startsWith('-'));
  if (firstArg !== undefined && !SHELLS.test(w[0]) && firstArg !== '-') return false;
  if (firstArg !== undefined && SHELLS.test(w[0]) && !rest.includes('-s') && !rest.some((x) => /^-[a-z]*s[a-z]*$/.test(x)) && firstArg !== '-') return false;
  return true;
}

interface Hit {
  url: string;
  shell: string;
}

function pipeToShell(commands: SimpleCommand[]): Hit | undefined {
  for (const c of commands) {
    if (c.position === 0 || !runsStdin(c.words)) continue;
    const upstream = commands.filter((o) => o.pipeline === c.pipeline && o.position < c.position);
    const source = upstream.find((o) => downloader(o.words));
    if (source) return { url: urlOf(source.words) ?? `${stripPrefixes([...source.words])[0]} output`, shell: stripPrefixes([...c.words])[0] };
  }
  for (const c of commands) {
    // bash <(curl -fsSL url); sh -c "$(curl -fsSL url)" and eval "$(wget -qO- url)" arrive here as a command "$(curl …)".
    const w = stripPrefixes([...c.words]);
    const candidates = SHELLS.test(w[0] ?? '') ? w.slice(1) : w.slice(0, 1);
    for (const arg of candidates) {
      const m = /^(?:<\(|\$\()\s*((?:curl|wget)\b[^)]*)\)$/.exec(arg.trim());
      if (!m) continue;
      const inner = m[1].split(/\s+/).map((x) => x.replace(/^["']|["']$/g, ''));
      if (downloader(inner)) return { url: urlOf(inner) ?? `${inner[0]} output`, shell: SHELLS.test(w[0] ?? '') ? w[0] : 'the shell' };
    }
  }
  return undefined;
}

export default defineRule({
  id: 'dependencies/pipe-to-shell',
  factor: 'dependencies',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  securitySeverity: 6.5,
  inputs: ['dockerfile'],
  docs: {
    summary: 'A script downloaded with curl or wget is piped straight into a shell',
    rationale:
      'Factor II: dependencies are declared explicitly and installed reproducibly. `curl … | sh` runs whatever the server returns at build time: an unversioned, unverified install script that can change (or be tampered with) between two builds of the same commit, and that installs dependencies nobody declared.',
    fix: 'Install the tool from the distribution\'s package manager or a pinned release artefact, and verify it: download to a file, check its checksum (`echo "<sha256>  tool.tgz" | sha256sum -c -`), then run or unpack it. Better still, copy the binary from its official image (`COPY --from=ghcr.io/astral-sh/uv:0.4.18 /uv /bin/`).',
    swarm: 'Swarm runs the image that was built; the risk is at build time, where each rebuild may get a different script.',
    bad: 'RUN curl -fsSL https://deb.nodesource.com/setup_20.x | bash -',
    good: 'COPY --from=node:20.11-bookworm-slim /usr/local/bin/node /usr/local/bin/node',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    pipe: 'RUN pipes {{url}} into {{shell}}: the build executes whatever that URL serves at build time, unpinned and unverified; download a pinned release, check its checksum, then install it',
  },
  check({ project, report }) {
    for (const d of project.dockerfiles) {
      for (const inst of d.instructions) {
        if (inst.keyword !== 'RUN') continue;
        const hit = pipeToShell(runCommands(d, inst));
        if (hit) report({ file: d.path, range: inst.range, messageId: 'pipe', data: { url: hideUrlCredentials(hit.url), shell: hit.shell } });
      }
    }
  },
});
