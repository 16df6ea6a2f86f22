/**
 * What reaches a deployed container from the repository: the paths the release
 * images COPY/ADD from their build contexts (in every stage whose output ships,
 * builder stages included), and the project folders a deployed compose service
 * bind-mounts. A file outside all of them never runs in the deploy: a
 * `tools/` script the IDE launches, a maintainer script, a sibling app.
 */
import type { ComposeFile, Dockerfile, Project } from '../model.js';
import { isInside, joinPath } from '../paths.js';
import { copyFact, imageFacts } from './image.js';
import { buildContextOf } from './process.js';
import { bindSourcePath, serviceVolumes } from './service.js';
import type { ComposeStatus, DockerfileStatus } from './deploy.js';

/** Tells whether a project-relative path reaches a deployed container. */
export type InputTest = (path: string) => boolean;

/**
 * The test, or undefined when it cannot be told: no release image, or a COPY source the audit
 * cannot resolve (`COPY $APP_DIR .`), which could be anything.
 */
export function deployInputs(
  project: Project,
  composeStatus: ReadonlyMap<ComposeFile, ComposeStatus>,
  dockerfileStatus: ReadonlyMap<Dockerfile, DockerfileStatus>,
): InputTest | undefined {
  const prefixes: string[] = [];
  const globs: RegExp[] = [];
  let releaseImages = 0;
  for (const d of project.dockerfiles) {
    const status = dockerfileStatus.get(d);
    if (!status?.release) continue;
    const context = buildContextOf(project, d);
    for (const target of status.targets) {
      releaseImages++;
      const image = imageFacts(d, target);
      for (const stage of d.stages) {
        if (!image.built.has(stage.index)) continue;
        for (const inst of stage.instructions) {
          const copy = copyFact(inst);
          if (!copy || copy.from !== undefined) continue;
          for (const raw of copy.sources) {
            if (/^[a-z][\w+.-]*:\/\//i.test(raw)) continue; // ADD <url>: not from the repository
            if (raw.includes('$')) return undefined;
            const source = raw.replace(/\/+$/, '') || '.';
            if (/[*?[]/.test(source)) globs.push(globToRegExp(joinPath(context, source)));
            else prefixes.push(joinPath(context, source));
          }
        }
      }
    }
  }
  if (releaseImages === 0) return undefined;
  for (const [file, status] of composeStatus) {
    if (!status.deployed) continue;
    for (const service of file.services) {
      for (const volume of serviceVolumes(service)) {
        if (volume.type !== 'bind' || !volume.source) continue;
        const path = bindSourcePath(service, volume.source);
        if (path !== undefined) prefixes.push(path);
      }
    }
  }
  return (path) => prefixes.some((p) => isInside(path, p)) || globs.some((g) => ancestorsOrSelf(path).some((a) => g.test(a)));
}

/** A path and the folders holding it: a glob that matches a folder copies what is inside. */
function ancestorsOrSelf(path: string): string[] {
  const out = [path];
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) out.push(path.slice(0, i));
  return out;
}

/** Docker's COPY globs (Go filepath.Match): `*` and `?` within one path segment, `[…]` classes. */
function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
