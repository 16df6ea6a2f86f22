/**
 * The facts layer: everything more than one rule needs, derived from the loaded
 * project once, on first use, and cached. Rules query facts; they never derive
 * them again and never import each other.
 */
import type { ComposeFile, ComposeService, Dockerfile, Project, SourceFile } from '../model.js';
import { composeStatuses, devRegions, dockerfileStatuses, inDevRegion, pathPurpose, sameApp, type ComposeStatus, type DevRegion, type DockerfileStatus } from './deploy.js';
import { imageFacts, type ImageFacts } from './image.js';
import { deployInputs, type InputTest } from './image-inputs.js';
import { imageProcess, serviceProcess, type ContainerProcess, type ProcessStep } from './process.js';
import { envFilePaths, serviceEnv, type ServiceEnv } from './service.js';
import { referencedNames } from '../compose/docker-cli.js';
import { instructionPairs } from '../load-dockerfile.js';
import { getValue } from '../yaml-tree.js';
import { releaseLanguages, type RuntimeLanguage } from './runtimes.js';

export interface Facts {
  /** Deploy status of each compose file. */
  composeStatus(file: ComposeFile): ComposeStatus;
  /** The compose files that speak for the project's deploy (possibly none). */
  deployedComposeFiles(): ComposeFile[];
  /** Release status of each Dockerfile. */
  dockerfileStatus(d: Dockerfile): DockerfileStatus;
  /** Development-only files and parts of files, by path. */
  devRegions(): ReadonlyMap<string, DevRegion[]>;
  inDevRegion(path: string, line: number): DevRegion | undefined;
  /** The image a Dockerfile builds (its last stage, or a target). */
  image(d: Dockerfile, target?: string): ImageFacts;
  /** The process the image starts on its own. */
  imageProcess(d: Dockerfile, target?: string): ContainerProcess | undefined;
  /** Every image a Dockerfile builds for release (one per build target), or its last stage when it is not released. */
  images(): ImageFacts[];
  /** The process a compose service starts. */
  serviceProcess(service: ComposeService): ContainerProcess | undefined;
  /**
   * Every process a container of the project starts: each image's own (ENTRYPOINT + CMD), and each
   * compose service's that overrides `command` or `entrypoint` (the others start their image's).
   */
  startedProcesses(): ContainerProcess[];
  /**
   * The steps a finding about this process may be about: for a compose service, those its image does
   * not run on its own (a step from the image's ENTRYPOINT that the image runs anyway is the image's finding).
   */
  stepsToJudge(proc: ContainerProcess): ProcessStep[];
  /**
   * Whether a file reaches a deployed container: copied into a release image from its build context,
   * or bind-mounted by a deployed service. Undefined when it cannot be told (no release image, a COPY
   * source with a variable).
   */
  deployInputs(): InputTest | undefined;
  /**
   * Whether the release images run (or compile) a language: false for Python in a project whose only
   * images are PHP or Go. True when it cannot be told (no release Dockerfile, a base image not placed).
   */
  runsLanguage(language: SourceFile['language']): boolean;
  /** Variables a compose service sets (environment + env_file). */
  serviceEnv(service: ComposeService): ServiceEnv;
  /**
   * The environment a deploy file describes: `production` for what is deployed (and files named so),
   * `development`/`test` for the rest; undefined for examples, unused files and other tools' files.
   */
  environmentOf(path: string): 'production' | 'development' | 'test' | undefined;
  /** Two files describe one app in two different environments (dev and prod compose files of one folder, say). */
  environmentsOfOneApp(a: string, b: string): boolean;
  /**
   * Variable names the deploy side sets or names: compose `environment`/`env_file`, `${VAR}` interpolations,
   * Dockerfile ENV/ARG, env files (templates too), `--env`, and Swarm secrets and configs (code that copies
   * `/run/secrets/*` into the environment gets them under their upper-case names).
   */
  deployEnvNames(): ReadonlySet<string>;
}

/** `.env.example`, `.env.sample`, `example.env`, `.env.production.template` … */
const ENV_TEMPLATE_NAME = /(^|\/)(\.env(\.[\w-]+)*\.(example|sample|template|dist|defaults?|tmpl|tpl)|(example|sample)\.env|env\.(example|sample|template))$/i;

export function createFacts(project: Project): Facts {
  let compose: Map<ComposeFile, ComposeStatus> | undefined;
  let dockerfiles: Map<Dockerfile, DockerfileStatus> | undefined;
  let regions: Map<string, DevRegion[]> | undefined;
  const envs = new WeakMap<ComposeService, ServiceEnv>();
  let deployNames: Set<string> | undefined;
  let started: ContainerProcess[] | undefined;
  let inputs: { test: InputTest | undefined } | undefined;
  let languages: { set: ReadonlySet<RuntimeLanguage> | undefined } | undefined;
  const composeMap = () => (compose ??= composeStatuses(project));
  const dockerfileMap = () => (dockerfiles ??= dockerfileStatuses(project, composeMap()));
  const regionMap = () => (regions ??= devRegions(project, composeMap(), dockerfileMap()));
  const startedProcesses = (): ContainerProcess[] => {
    const out: ContainerProcess[] = [];
    for (const d of project.dockerfiles) for (const t of dockerfileMap().get(d)!.targets) {
      const proc = imageProcess(project, d, t);
      if (proc) out.push(proc);
    }
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        if (!getValue(service.node, 'command') && !getValue(service.node, 'entrypoint')) continue;
        const proc = serviceProcess(project, service);
        if (proc) out.push(proc);
      }
    }
    return out;
  };
  return {
    composeStatus: (file) => composeMap().get(file) ?? { file, role: 'main', deployed: true, speaksForProject: true, reason: 'the compose file audited' },
    deployedComposeFiles: () => [...composeMap().values()].filter((s) => s.deployed).map((s) => s.file),
    dockerfileStatus: (d) => dockerfileMap().get(d) ?? { dockerfile: d, release: true, reason: 'the Dockerfile audited', targets: [undefined], releaseStages: new Set(d.stages.map((s) => s.index)) },
    devRegions: regionMap,
    inDevRegion: (path, line) => inDevRegion(regionMap(), path, line),
    image: (d, target) => imageFacts(d, target),
    images: () => project.dockerfiles.flatMap((d) => dockerfileMap().get(d)!.targets.map((t) => imageFacts(d, t))),
    imageProcess: (d, target) => imageProcess(project, d, target),
    serviceProcess: (service) => serviceProcess(project, service),
    startedProcesses: () => (started ??= startedProcesses()),
    stepsToJudge(proc) {
      if (!proc.service || !proc.image) return proc.steps;
      // Only when the image's own process is judged too (it is one of the started processes).
      if (!dockerfileMap().get(proc.image.dockerfile)?.targets.includes(proc.image.target)) return proc.steps;
      const own = imageProcess(project, proc.image.dockerfile, proc.image.target);
      if (!own) return proc.steps;
      // The same command at the same place; or the image's exec-form ENTRYPOINT itself with the service's
      // arguments appended (`ENTRYPOINT ["go", "run", "."]` + `command: serve`). A CMD the service replaces is its own.
      const entrypoint = proc.image.entrypoint?.exec;
      const words = (s: ProcessStep) => s.command.words.join('\u0000');
      const same = (a: ProcessStep, b: ProcessStep) =>
        a.file === b.file &&
        a.via.join('\u0000') === b.via.join('\u0000') &&
        (words(a) === words(b) || (b.via.length === 0 && entrypoint !== undefined && words(b) === entrypoint.join('\u0000') && b.command.words.every((w, i) => a.command.words[i] === w)));
      return proc.steps.filter((s) => !own.steps.some((o) => same(s, o)));
    },
    runsLanguage(language) {
      languages ??= { set: releaseLanguages(dockerfileMap().values()) };
      return !languages.set || (languages.set as ReadonlySet<string>).has(language);
    },
    deployInputs: () => (inputs ??= { test: deployInputs(project, composeMap(), dockerfileMap()) }).test,
    environmentOf(path) {
      const file = project.composeFiles.find((f) => f.path === path);
      if (file) {
        const s = composeMap().get(file);
        if (!s) return undefined;
        if (s.deployed) return 'production';
        if (s.role === 'test') return 'test';
        if (s.role === 'development' || s.role === 'override' || s.role === 'dev-infrastructure' || s.role === 'main' || s.role === 'production' || s.role === 'stack') return 'development';
        return undefined;
      }
      const d = project.dockerfiles.find((x) => x.path === path);
      if (d) return dockerfileMap().get(d)?.release ? (pathPurpose(path) === 'test' ? 'test' : 'production') : pathPurpose(path) === 'test' ? 'test' : 'development';
      const purpose = pathPurpose(path);
      if (purpose === 'production' || purpose === 'test' || purpose === 'development') return purpose;
      if (purpose !== undefined) return undefined;
      const readByDeployed = [...composeMap().values()].some((s) => s.deployed && s.file.services.some((x) => envFilePaths(x).some((e) => e.path === path)));
      return readByDeployed ? 'production' : 'development';
    },
    environmentsOfOneApp(a, b) {
      if (!sameApp(a, b)) return false;
      const ea = this.environmentOf(a);
      const eb = this.environmentOf(b);
      return ea !== undefined && eb !== undefined && ea !== eb;
    },
    deployEnvNames() {
      if (deployNames) return deployNames;
      const names = new Set<string>(project.deployEnv.keys());
      for (const f of project.composeFiles) {
        for (const s of f.services) {
          for (const name of this.serviceEnv(s).vars.keys()) names.add(name);
          for (const key of ['secrets', 'configs'] as const) {
            for (const ref of referencedNames(f, getValue(s.node, key))) names.add(ref.name.toUpperCase());
          }
        }
        for (const defs of [f.secrets, f.configs]) for (const name of defs.keys()) names.add(name.toUpperCase());
        for (const i of f.interpolation.values()) for (const v of i.vars) names.add(v.name);
      }
      for (const d of project.dockerfiles) {
        for (const inst of d.instructions) {
          if (inst.keyword !== 'ENV' && inst.keyword !== 'ARG') continue;
          for (const p of instructionPairs(inst.args, inst.keyword)) names.add(p.name);
        }
      }
      for (const e of project.envFiles) {
        for (const entry of e.entries) names.add(entry.key);
        // A template documents its optional settings as comments: `# DEMO_MODE=true`.
        if (ENV_TEMPLATE_NAME.test(e.path)) for (const line of e.lines) {
          const m = /^\s*#\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=/.exec(line);
          if (m) names.add(m[1]);
        }
      }
      return (deployNames = names);
    },
    serviceEnv(service) {
      let env = envs.get(service);
      if (!env) envs.set(service, (env = serviceEnv(project, service)));
      return env;
    },
  };
}
