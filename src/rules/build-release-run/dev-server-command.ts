import { defineRule } from '../rule.js';
import { basename } from '../../project/facts/shell.js';
import { reportPart, type ContainerProcess, scriptStepKey } from '../../project/facts/process.js';
import { short } from '../util/text.js';

/** Package-runner prefixes in front of a tool (`npx nodemon`, `pnpm exec vite`, `bunx next dev`). */
function unwrapRunner(words: string[]): string[] {
  let w = words;
  for (let i = 0; i < 3; i++) {
    if (w[0] === 'npx' || w[0] === 'bunx' || w[0] === 'pnpx') w = w.slice(1).filter((x, k) => !(k === 0 && x.startsWith('-')));
    else if ((w[0] === 'pnpm' || w[0] === 'yarn' || w[0] === 'npm') && w[1] === 'exec') w = w.slice(2);
    else if (w[0] === 'bundle' && w[1] === 'exec') w = w.slice(2);
    else if (/^(\.\/)?node_modules\/\.bin\//.test(w[0] ?? '')) w = [w[0].replace(/^.*\//, ''), ...w.slice(1)];
    else if (/^python\d?(\.\d+)?$/.test(w[0] ?? '') && w[1] === '-m') w = w.slice(2);
    else break;
  }
  return w;
}

/** Why a command is a development server, or undefined. */
export function devServerReason(input: readonly string[]): string | undefined {
  const unwrapped = unwrapRunner([...input]);
  const w = unwrapped[0] && /^\/(usr\/)?(local\/)?bin\//.test(unwrapped[0]) ? [basename(unwrapped[0]), ...unwrapped.slice(1)] : unwrapped;
  const [cmd, sub] = w;
  if (!cmd) return undefined;
  const has = (re: RegExp) => w.slice(1).some((x) => re.test(x));
  if (/^(nodemon|ts-node-dev|tsnd|node-dev|webpack-dev-server)$/.test(cmd)) return `${cmd} restarts the app on file changes`;
  if ((cmd === 'node' || cmd === 'bun' || cmd === 'deno') && has(/^--(watch|hot)\b/)) return `${cmd} --watch restarts the app on file changes`;
  if (cmd === 'tsx' && sub === 'watch') return 'tsx watch restarts the app on file changes';
  if (/^(next|nuxt|nuxi|astro|remix|svelte-kit)$/.test(cmd) && sub === 'dev') return `${cmd} dev compiles pages on demand in development mode`;
  if (cmd === 'gatsby' && sub === 'develop') return 'gatsby develop is the development server';
  if (cmd === 'vite' && (sub === undefined || sub === 'dev' || sub === 'serve' || sub.startsWith('-'))) return 'vite without build is the development server';
  if ((cmd === 'ng' || cmd === 'ember') && sub === 'serve') return `${cmd} serve is the development server`;
  if (cmd === 'react-scripts' && sub === 'start') return 'react-scripts start is the development server';
  if (cmd === 'vue-cli-service' && sub === 'serve') return 'vue-cli-service serve is the development server';
  if (cmd === 'webpack' && (sub === 'serve' || has(/^--watch$/))) return 'webpack serve is the development server';
  if (/^(npm|yarn|pnpm|bun)$/.test(cmd)) {
    const script = sub === 'run' || sub === 'run-script' ? w[2] : cmd !== 'npm' ? sub : undefined;
    if (script && /^(dev|develop|start:dev|dev:[\w:-]+|watch)$/.test(script)) return `the "${script}" script is the development mode`;
    return undefined;
  }
  if (cmd === 'flask' && sub === 'run') return 'flask run is Werkzeug\'s development server';
  if ((cmd === 'manage.py' || cmd === './manage.py' || cmd === 'django-admin' || /manage\.py$/.test(cmd) || (/^python/.test(cmd) && /manage\.py$/.test(sub ?? ''))) && w.includes('runserver')) return 'runserver is Django\'s development server';
  if (/^(uvicorn|gunicorn|hypercorn)$/.test(cmd) && has(/^--reload\b/)) return `${cmd} --reload watches files and runs a single reloading worker`;
  if (cmd === 'fastapi' && sub === 'dev') return 'fastapi dev runs with auto-reload in development mode';
  if ((cmd === 'rails' || cmd === 'bin/rails' || cmd === './bin/rails') && (sub === 's' || sub === 'server') && w.some((x, i) => (x === '-e' || x === '--environment') && /^dev/.test(w[i + 1] ?? '') || /^--environment=dev/.test(x))) return 'rails server in the development environment';
  if (cmd === 'bin/dev' || cmd === './bin/dev') return 'bin/dev starts the development process set';
  if (cmd === 'php' && sub === 'artisan' && w[2] === 'serve') return 'artisan serve is PHP\'s built-in development server';
  if (cmd === 'php' && w.includes('-S')) return 'php -S is PHP\'s built-in development server';
  if (cmd === 'air') return 'air rebuilds and restarts the app on file changes';
  if (cmd === 'dotnet' && sub === 'watch') return 'dotnet watch rebuilds and restarts the app on file changes';
  if ((cmd === 'jekyll' && sub === 'serve') || (cmd === 'mkdocs' && sub === 'serve') || (cmd === 'hugo' && (sub === 'server' || sub === 'serve'))) return `${cmd} ${sub} is a development preview server`;
  return undefined;
}

export default defineRule({
  id: 'build-release-run/dev-server-command',
  factor: 'build-release-run',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['dockerfile', 'compose', 'manifest'],
  docs: {
    summary: 'A container starts a development server (nodemon, `next dev`, `flask run`, `runserver`, `--reload` …)',
    rationale:
      'Factor V: the run stage runs the release that the build stage produced. Development servers blur that line: they watch the file system and rebuild or reload code at run time (`nodemon`, `next dev`, `vite`, `uvicorn --reload`), or are explicitly not meant for production traffic (`flask run`, `manage.py runserver`, `php -S`). Checked: `CMD`/`ENTRYPOINT` of Dockerfiles and `command`/`entrypoint` of compose services, including an `npm start` whose package.json script runs one of them. Files named for development (`Dockerfile.dev`, `compose.override.yml`, `docker-compose.dev.yml`), Dockerfiles whose final stage is named `dev`/`development`, and services built from such a stage are left alone.',
    fix: 'Build the app in the image and start the production server: `next build` then `next start`, `vite build` served by nginx, `node dist/server.js`, `gunicorn -w 4 app:app`, `uvicorn app.main:app --workers 4`, `rails server -e production`. Keep the development server in `compose.override.yml` or a `Dockerfile.dev`.',
    swarm: 'Swarm runs the command on every replica: file watchers burn CPU and memory on each node, reloads restart requests mid-flight, and debug modes may expose stack traces or consoles.',
    bad: 'CMD ["npx", "nodemon", "src/server.js"]',
    good: 'RUN npm run build\nCMD ["node", "dist/server.js"]',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    devServer: 'The container starts "{{command}}": {{reason}}, not a production server; start the built app instead and keep this for a development override',
    devScript: 'The container starts "{{command}}", whose package.json script "{{script}}" runs "{{scriptText}}": {{reason}}, not a production server; start the built app instead',
  },
  check({ project, report }) {
    const seen = new Set<unknown>();
    const inspect = (proc: ContainerProcess | undefined) => {
      if (!proc) return;
      const at = reportPart(proc);
      if (seen.has(at.range)) return;
      for (const step of project.facts.stepsToJudge(proc)) {
        const reason = devServerReason(step.command.words);
        if (!reason) continue;
        const key = scriptStepKey(step);
        if (key && seen.has(key)) return;
        seen.add(at.range).add(key);
        const script = [...step.via].reverse().find((v) => / script "/.test(v));
        const top = proc.steps.find((s) => s.via.length === 0 || !s.via.some((v) => / script "/.test(v)));
        if (script && top) {
          report({ file: at.file, range: at.range, messageId: 'devScript', data: { command: short(top.command.words.join(' ')), script: /"([^"]*)"/.exec(script)?.[1] ?? '', scriptText: short(step.command.words.join(' ')), reason } });
        } else report({ file: at.file, range: at.range, messageId: 'devServer', data: { command: short(step.command.words.join(' ')), reason } });
        return;
      }
    };
    for (const proc of project.facts.startedProcesses()) inspect(proc);
  },
});
