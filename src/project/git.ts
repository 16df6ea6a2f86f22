/**
 * The one way twelvelint runs git. The audited repository is untrusted: its
 * `.git/config` (and whatever it includes, and a `gitdir:` it points to) can name
 * commands git runs on its own — `core.fsmonitor` on every index read, a pager,
 * hooks, ssh and credential helpers, external diff and filter drivers. Settings
 * given with `-c` win over every config file, so each of those is set to nothing
 * here; system and global config are not read; the environment is reduced to
 * what git needs, without any GIT_* variable of the caller's that could point it
 * elsewhere. Only read-only commands with machine output are run.
 */
import { execFileSync } from 'node:child_process';
import { devNull } from 'node:os';

/** `-c` settings that keep git from running anything the repository names. */
const NEUTRAL_CONFIG = [
  'core.fsmonitor=false',
  'core.untrackedCache=false',
  `core.hooksPath=${devNull}`,
  'core.pager=cat',
  'core.sshCommand=false',
  'core.gitProxy=',
  'core.askPass=',
  'core.alternateRefsCommand=',
  'credential.helper=',
  'diff.external=',
  'protocol.allow=never',
  'gc.auto=0',
  'maintenance.auto=false',
  'safe.bareRepository=explicit',
];

/** The caller's environment without GIT_* variables, plus what makes git quiet and local. */
function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^GIT_/i.test(k)) env[k] = v;
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: devNull,
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    GIT_ASKPASS: '',
    SSH_ASKPASS: '',
    LC_ALL: 'C',
  };
}

export class GitUnavailable extends Error {}

/**
 * Runs `git <args>` in `cwd` with every command-running setting neutralised and returns stdout.
 * Throws GitUnavailable when git is missing; other failures (not a repository, refused
 * ownership) throw the underlying error.
 */
export function runGit(cwd: string, args: readonly string[], timeoutMs = 30_000): string {
  return runGitRaw(cwd, args, timeoutMs).toString('utf8');
}

/** As runGit, the output as bytes (file names need not be UTF-8). */
export function runGitRaw(cwd: string, args: readonly string[], timeoutMs = 30_000): Buffer {
  try {
    return execFileSync('git', [...NEUTRAL_CONFIG.flatMap((c) => ['-c', c]), '--no-pager', ...args], {
      cwd,
      encoding: 'buffer',
      env: gitEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 512 * 1024 * 1024,
      timeout: timeoutMs,
      windowsHide: true,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new GitUnavailable('git is not installed');
    throw error;
  }
}
