import { defineRule } from '../rule.js';
import { releaseStartCommands, startCommandText } from '../util/infra-start.js';
import { shellCommands, shorten } from '../util/infra-shell.js';

/** Build or install steps that belong in the image build, not in the start command. */
const BUILD_STEP = [
  /^(npm|pnpm)\s+(install|i|ci|run\s+build|rebuild)\b/,
  /^yarn(\s+install)?(\s+--[\w-]+)*$|^yarn\s+(install|build|run\s+build)\b/,
  /^(pip3?|python3?\s+-m\s+pip|uv\s+pip)\s+install\b/,
  /^uv\s+sync\b/,
  /^bun\s+(install|i)\b/,
  /^(poetry|pipenv)\s+install\b/,
  /^bundle\s+install\b/,
  /^composer\s+install\b/,
  /^(npx\s+)?tsc\b/,
  /^go\s+(build|get|mod\s+download)\b/,
  /^(mvn|\.\/mvnw|gradle|\.\/gradlew)\s+(\S+\s+)*(package|install|build|compile)\b/,
  /^git\s+(pull|clone|fetch|checkout)\b/,
  /^(apt-get|apt|apk|yum|dnf)\s+(install|add|update|upgrade)\b/,
  /^cargo\s+(build|run)\b/,
  /^go\s+run\b/,
  /^dotnet\s+run\b/,
  /^(mvn|\.\/mvnw)\s+(\S+\s+)*spring-boot:run\b/,
  /^(gradle|\.\/gradlew)\s+(\S+\s+)*bootRun\b/,
  /^dotnet\s+(build|publish|restore)\b/,
];

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
    for (const command of releaseStartCommands(project)) {
      for (const c of shellCommands(startCommandText(command))) {
        const step = c.words.join(' ');
        if (BUILD_STEP.some((re) => re.test(step))) {
          report({ file: command.file, range: command.range, messageId: 'buildStep', data: { step: shorten(step) } });
          break;
        }
      }
    }
  },
});
