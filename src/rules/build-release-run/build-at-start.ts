import { defineRule } from '../rule.js';
import { isBuildStep } from '../../project/facts/commands.js';
import { describeStep, reportPart, type ContainerProcess, scriptStepKey } from '../../project/facts/process.js';
import { short } from '../util/text.js';

export default defineRule({
  id: 'build-release-run/build-at-start',
  factor: 'build-release-run',
  severity: 'error',
  swarm: 'degraded',
  recommended: true,
  inputs: ['dockerfile', 'compose'],
  docs: {
    summary: 'The start command installs dependencies, builds or pulls code',
    rationale:
      'Factor V: strictly separate build, release and run. A container that runs `npm install`, `tsc` or `git pull` when it starts builds a different artefact on every start, starts slowly and fails when the registry or network is down. Dockerfiles and compose files named for development (`Dockerfile.dev`, `compose.override.yml`, `docker-compose.dev.yml`) and services built from a dev stage are left alone.',
    fix: 'Move the step into a `RUN` instruction of the Dockerfile (or a build stage) and start the built artefact directly: `CMD ["node", "dist/server.js"]`.',
    swarm: 'Swarm restarts and reschedules tasks freely; every new task repeats the build, and a rolling update may run different code in each replica.',
    bad: 'CMD npm install && npm run build && node dist/server.js',
    good: 'RUN npm ci && npm run build\nCMD ["node", "dist/server.js"]',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    buildStep: 'The start command runs "{{step}}" every time a container starts; do it at build time (RUN) instead',
  },
  check({ project, report }) {
    const seen = new Set<unknown>();
    const inspect = (proc: ContainerProcess | undefined) => {
      if (!proc) return;
      const at = reportPart(proc);
      if (seen.has(at.range)) return;
      const step = project.facts.stepsToJudge(proc).find((s) => isBuildStep(s.command.words));
      if (!step) return;
      const key = scriptStepKey(step);
      if (key && seen.has(key)) return;
      seen.add(at.range).add(key);
      report({ file: at.file, range: at.range, messageId: 'buildStep', data: { step: short(describeStep(step), 80) } });
    };
    for (const proc of project.facts.startedProcesses()) inspect(proc);
  },
});
