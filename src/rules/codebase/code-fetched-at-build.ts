import { defineRule } from '../rule.js';
import { getValue } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { splitArgs, type SimpleCommand } from '../../project/facts/shell.js';
import { runCommands } from '../../project/facts/image.js';
import { gitRemote, hideUrlCredentials, isMovingRef, sourceArchive, type RemoteSource } from '../../project/facts/remote.js';

const GIT_CLONE_VALUE_FLAGS = new Set(['-b', '--branch', '--depth', '-o', '--origin', '-c', '--config', '--reference', '--separate-git-dir', '-j', '--jobs', '--filter', '--shallow-since', '--shallow-exclude', '-u', '--upload-pack', '--template', '--bundle-uri', '--server-option']);
const GIT_GLOBAL_VALUE_FLAGS = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path']);

function describeRef(remote: RemoteSource): string {
  return remote.ref ? `branch "${remote.ref}"` : 'its default branch';
}

interface Fetch {
  url: string;
  ref: string;
}

/** `git clone <url>` in a RUN that is not followed by a checkout of a fixed commit or tag. */
function gitClone(commands: SimpleCommand[]): Fetch | undefined {
  for (let i = 0; i < commands.length; i++) {
    const words = commands[i].words;
    if (words[0] !== 'git') continue;
    const global = splitArgs(words.slice(1), GIT_GLOBAL_VALUE_FLAGS);
    const sub = global.args[0];
    if (sub !== 'clone') continue;
    const cloneAt = words.indexOf('clone');
    const rest = words.slice(cloneAt + 1);
    const { args } = splitArgs(rest, GIT_CLONE_VALUE_FLAGS);
    const url = args[0];
    // Only remote repositories: a local path or a URL held in a variable is not something we can judge.
    if (!url || !/^((git\+)?(https?|git|ssh):\/\/|[\w.-]+@[\w.-]+:)/i.test(url) || /^[a-z+]+:\/\/\$/i.test(url.replace(/^([a-z+]+:\/\/)[^/@]*@/i, '$1'))) continue;
    let branch: string | undefined;
    for (let k = 0; k < rest.length; k++) {
      if (rest[k] === '-b' || rest[k] === '--branch') branch = rest[k + 1];
      else if (rest[k].startsWith('--branch=')) branch = rest[k].slice('--branch='.length);
    }
    const remote = gitRemote(url);
    const ref = branch ?? remote?.ref;
    if (!isMovingRef(ref)) continue;
    // A later `git checkout <ref>` / `git reset --hard <ref>` pins what the clone got.
    const pinnedLater = commands.slice(i + 1).some((c) => {
      if (c.words[0] !== 'git') return false;
      const g = splitArgs(c.words.slice(1), GIT_GLOBAL_VALUE_FLAGS);
      const verb = g.args[0];
      if (verb !== 'checkout' && verb !== 'reset' && verb !== 'switch') return false;
      const target = g.args.slice(1).filter((a) => a !== '--');
      return target.length > 0 && !isMovingRef(target[0]);
    });
    if (pinnedLater) continue;
    return { url, ref: ref ? `branch "${ref}"` : 'its default branch' };
  }
  return undefined;
}

/** `curl`/`wget` of a source archive of a branch. */
function archiveDownload(commands: SimpleCommand[]): Fetch | undefined {
  for (const c of commands) {
    if (c.words[0] !== 'curl' && c.words[0] !== 'wget') continue;
    for (const w of c.words.slice(1)) {
      if (!/^https?:\/\//i.test(w)) continue;
      const archive = sourceArchive(w);
      if (archive?.moving) return { url: w, ref: describeRef(archive) };
    }
  }
  return undefined;
}

export default defineRule({
  id: 'codebase/code-fetched-at-build',
  factor: 'codebase',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  inputs: ['dockerfile', 'compose'],
  docs: {
    summary: 'The build fetches code from a branch of another repository',
    rationale:
      'Factor I: one codebase tracked in revision control, many deploys. When a Dockerfile runs `git clone` or downloads a branch archive, the image holds whatever that branch contains at build time: two builds of the same commit of this repository can ship different code, and no commit says which code a release ran.',
    fix: 'Keep the application code in this repository and `COPY` it into the image. Code from another repository is a dependency: install it through the package manager at a pinned version, or clone a fixed tag or commit (`git clone --branch v1.4.2 …`, `git checkout <sha>`), or use its published image.',
    swarm: 'Swarm runs the image a registry holds and never builds; the problem is upstream: the image pushed for a release does not correspond to one commit.',
    bad: 'RUN git clone https://github.com/acme/shop.git /app',
    good: 'COPY . /app\n# or, for a third-party tool:\nRUN git clone --depth 1 --branch v2.3.1 https://github.com/acme/tool.git /opt/tool',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    clone: 'RUN clones {{url}} at {{ref}} during the build: the image gets whatever that branch holds at build time, not code from this repository; COPY the code or pin a tag or commit',
    addRemote: 'ADD fetches {{url}} at {{ref}} during the build: the image gets whatever that branch holds at build time; COPY the code or pin a tag or commit',
    download: 'RUN downloads {{url}}, a source archive of {{ref}}: the image gets whatever that branch holds at build time; COPY the code or download a tagged release',
    remoteContext: 'Service "{{service}}" builds from {{url}} at {{ref}}: its image is built from whatever that branch holds, not from this codebase; build from a pinned tag or commit (#v1.2.3) or use a released image',
  },
  check({ project, report }) {
    for (const d of project.dockerfiles) {
      for (const inst of d.instructions) {
        if (inst.keyword === 'RUN') {
          const commands = runCommands(d, inst).map((c) => ({ ...c, words: c.words.length ? [c.program, ...c.words.slice(1)] : c.words }));
          const clone = gitClone(commands);
          if (clone) {
            report({ file: d.path, range: inst.range, messageId: 'clone', data: { url: hideUrlCredentials(clone.url), ref: clone.ref } });
            continue;
          }
          const download = archiveDownload(commands);
          if (download) report({ file: d.path, range: inst.range, messageId: 'download', data: { url: hideUrlCredentials(download.url), ref: download.ref } });
        } else if (inst.keyword === 'ADD') {
          const words = inst.exec ?? inst.args.split(/\s+/).filter(Boolean);
          // ADD --checksum=sha256:… verifies what it fetched.
          if (inst.flags.checksum !== undefined) continue;
          const sources = words.filter((w) => !w.startsWith('--')).slice(0, -1);
          for (const src of sources) {
            const remote = sourceArchive(src) ?? (/^(https?|git|ssh):\/\/|^git@/i.test(src) ? gitRemote(src) : undefined);
            if (!remote?.moving) continue;
            report({ file: d.path, range: inst.range, messageId: 'addRemote', data: { url: hideUrlCredentials(src.replace(/#.*$/, '')), ref: describeRef(remote) } });
            break;
          }
        }
      }
    }
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        const build = getValue(service.node, 'build');
        const node = build?.kind === 'map' ? getValue(build, 'context') : build;
        if (!node || node.kind !== 'scalar') continue;
        const url = resolvedString(file, node);
        if (!url || !/^(https?|git|ssh):\/\/|^git@/i.test(url)) continue;
        const remote = gitRemote(url);
        if (!remote?.moving) continue;
        report({ file: file.path, range: node.range, messageId: 'remoteContext', data: { service: service.name, url: hideUrlCredentials(url.replace(/#.*$/, '')), ref: describeRef(remote) } });
      }
    }
  },
});
