/**
 * Which dependency manifests the released images install: `npm ci` run where a package.json
 * was copied, `pip install -r requirements.txt`, `poetry install`, `go mod download` …
 * A manifest no released image installs (a docs site's package.json, a styles build) is not
 * part of what ships.
 */
import type { Dockerfile, DockerInstruction, DockerStage, Project } from '../model.js';
import { basename, joinPath } from '../paths.js';
import { imageFacts, runCommands, sourceOfImagePath } from './image.js';
import { buildContextOf } from './process.js';
import type { SimpleCommand } from './shell.js';

/** Manifest file names an install command reads in its working directory. */
function manifestsRead(c: SimpleCommand): string[] {
  const [first, sub] = [c.program, c.words[1]];
  const args = c.words.slice(1);
  if ((first === 'npm' && /^(ci|install|i|clean-install)$/.test(sub ?? '')) || (first === 'yarn' && (sub === undefined || sub === 'install' || sub.startsWith('-'))) || ((first === 'pnpm' || first === 'bun') && /^(install|i)$/.test(sub ?? ''))) return ['package.json'];
  if (/^pip\d?(\.\d+)?$/.test(first) || (/^python[\d.]*$/.test(first) && args[0] === '-m' && args[1] === 'pip') || (first === 'uv' && sub === 'pip')) {
    const out: string[] = [];
    for (let i = 0; i < args.length; i++) if ((args[i] === '-r' || args[i] === '--requirement' || args[i] === '--requirements') && args[i + 1]) out.push(args[i + 1]);
    for (const a of args) if (/^--requirements?=/.test(a)) out.push(a.slice(a.indexOf('=') + 1));
    if (args.includes('.') || args.includes('-e')) out.push('pyproject.toml', 'setup.py');
    return out;
  }
  if ((first === 'poetry' || first === 'pdm') && sub === 'install') return ['pyproject.toml'];
  if (first === 'uv' && sub === 'sync') return ['pyproject.toml'];
  if (first === 'pipenv' && (sub === 'install' || sub === 'sync')) return ['Pipfile'];
  if (first === 'go' && ((sub === 'mod' && args[1] === 'download') || sub === 'build' || sub === 'install')) return ['go.mod'];
  if (first === 'bundle' && (sub === undefined || sub === 'install')) return ['Gemfile'];
  if (first === 'composer' && sub === 'install') return ['composer.json'];
  if (first === 'cargo' && (sub === 'build' || sub === 'install' || sub === 'fetch')) return ['Cargo.toml'];
  return [];
}

/** The WORKDIR in effect at an instruction of a stage (following the stages it is built FROM). */
function workdirAt(d: Dockerfile, stage: DockerStage, inst: DockerInstruction): string {
  let dir = '/';
  for (const s of imageFacts(d, stage.name ?? String(stage.index)).chain) {
    for (const i of s.instructions) {
      if (i === inst) return dir;
      if (i.keyword === 'WORKDIR') {
        const v = i.args.trim().replace(/^["']|["']$/g, '');
        dir = v.startsWith('/') ? v : `${dir.replace(/\/$/, '')}/${v}`;
      }
    }
  }
  return dir;
}

/**
 * Project paths of the manifests the released images install, or undefined when the project has
 * no released image (then nothing can be said).
 */
export function installedManifests(project: Project): Set<string> | undefined {
  const out = new Set<string>();
  let images = 0;
  for (const d of project.dockerfiles) {
    const status = project.facts.dockerfileStatus(d);
    if (!status.release) continue;
    images++;
    const context = buildContextOf(project, d);
    for (const stage of d.stages) {
      if (!status.releaseStages.has(stage.index)) continue;
      const image = imageFacts(d, stage.name ?? String(stage.index));
      for (const inst of stage.instructions) {
        if (inst.keyword !== 'RUN') continue;
        let cwd = workdirAt(d, stage, inst);
        for (const c of runCommands(d, inst)) {
          if (c.program === 'cd' && c.words[1]) {
            cwd = c.words[1].startsWith('/') ? c.words[1] : `${cwd.replace(/\/$/, '')}/${c.words[1]}`;
            continue;
          }
          for (const name of manifestsRead(c)) {
            const containerPath = name.startsWith('/') ? name : `${cwd.replace(/\/$/, '')}/${name}`;
            const rel = sourceOfImagePath(image, containerPath);
            if (rel !== undefined) out.add(joinPath(context, rel));
            // `COPY requirements/ /tmp/` then `pip install -r /tmp/base.txt`: by name, when the copy is not traced.
            else out.add(joinPath(context, basename(name)));
          }
        }
      }
    }
  }
  return images > 0 ? out : undefined;
}

/** The build contexts of the released images. */
export function releaseContexts(project: Project): Set<string> {
  return new Set(project.dockerfiles.filter((d) => project.facts.dockerfileStatus(d).release).map((d) => buildContextOf(project, d)));
}

