import { defineRule } from '../rule.js';
import { allStartCommands, shellSegments } from '../util/start-command.js';

/** Build or install steps that belong in the image build, not in the start command. */
const BUILD_STEP = [
  /^(npm|pnpm)\s+(install|i|ci|run\s+build|rebuild)\b/,
  /^yarn(\s+install)?(\s+--[\w-]+)*$|^yarn\s+(install|build|run\s+build)\b/,
  /^(pip3?|python3?\s+-m\s+pip)\s+install\b/,
  /^(poetry|pipenv)\s+install\b/,
  /^bundle\s+install\b/,
  /^composer\s+install\b/,
  /^(npx\s+)?tsc\b/,
  /^go\s+(build|get|mod\s+download)\b/,
  /^(mvn|\.\/mvnw|gradle|\.\/gradlew)\s+(\S+\s+)*(package|install|build|compile)\b/,
  /^git\s+(pull|clone|fetch|checkout)\b/,
  /^(apt-get|apt|apk|yum|dnf)\s+(install|add|update|upgrade)\b/,
  /^cargo\s+build\b/,
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
      'Factor V: strictly separate build, release and run. A container that runs `npm install`, `tsc` or `git pull` when it starts builds a different artefact on every start, starts slowly and fails when the registry or network is down.',
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
    for (const command of allStartCommands(project)) {
      const text = command.exec && /^(sh|bash|ash|\/bin\/(ba)?sh)$/.test(command.words[0] ?? '') && command.words[1] === '-c' ? command.words.slice(2).join(' ') : command.text;
      for (const segment of shellSegments(text)) {
        const step = segment.replace(/^(exec|sudo)\s+/, '');
        if (BUILD_STEP.some((re) => re.test(step))) {
          report({ file: command.file, range: command.range, messageId: 'buildStep', data: { step: step.length > 60 ? `${step.slice(0, 57)}...` : step } });
          break;
        }
      }
    }
  },
});
