import { defineRule } from '../rule.js';
import { basename } from '../../project/paths.js';
import { runText } from '../../project/facts/image.js';
import { short as shorten } from '../util/text.js';

const ENV_NAME = '(production|prod|staging|stage|development|dev|qa|uat|preprod|test|testing)';
/** Variables whose job is to name a deploy environment. */
const ENV_VAR = '(NODE_ENV|RAILS_ENV|RACK_ENV|APP_ENV|APP_ENVIRONMENT|ENV|ENVIRONMENT|DEPLOY_ENV|BUILD_ENV|TARGET_ENV|FLASK_ENV|DJANGO_ENV|MIX_ENV|STAGE|SPRING_PROFILES_ACTIVE|ASPNETCORE_ENVIRONMENT|DOTNET_ENVIRONMENT)';
const RUNTIME_CONFIG_EXT = '(json|json5|ya?ml|toml|ini|env|properties|js|cjs|mjs|ts|py|rb|php|exs)';

/** Deploy environments a file can be named for (development and test files are not release config). */
const DEPLOY_ENV_NAME = '(production|prod|staging|stage|preprod|uat|qa)';
/** `config/production.json`, `settings/prod.py`, `.env.production`, `config.prod.yaml`, `application-prod.yml`, `appsettings.Production.json`. */
const ENV_CONFIG_FILE = new RegExp(
  `^(\\.env[.\\-_]${DEPLOY_ENV_NAME}|${DEPLOY_ENV_NAME}\\.${RUNTIME_CONFIG_EXT}|${DEPLOY_ENV_NAME}\\.env|[\\w.-]*(config|settings|conf|application|appsettings|environment|secrets|parameters)[\\w-]*[.\\-_]${DEPLOY_ENV_NAME}\\.${RUNTIME_CONFIG_EXT})$`,
  'i',
);
/** Build-tool configs decide how the image is built, not how a deploy runs. */
const BUILD_TOOL_CONFIG = /^(webpack|vite|rollup|tsconfig|babel|\.babelrc|jest|vitest|karma|eslint|\.eslintrc|prettier|postcss|tailwind|angular|nest-cli|next\.config|nuxt\.config|svelte\.config|astro\.config|craco|gulpfile|gruntfile|docker-compose|compose|playwright|cypress|esbuild|turbo)\b/i;

/** `if [ "$NODE_ENV" = "production" ]`, `test "${APP_ENV}" != prod`, `case "$RAILS_ENV" in production)`. */
const ENV_BRANCH = [
  new RegExp(`(\\[\\[?|\\btest)\\s+["']?\\$\\{?${ENV_VAR}\\}?["']?\\s*(==?|!=)\\s*["']?${ENV_NAME}\\b`, 'i'),
  new RegExp(`(\\[\\[?|\\btest)\\s+["']?${ENV_NAME}["']?\\s*(==?|!=)\\s*["']?\\$\\{?${ENV_VAR}\\}?`, 'i'),
  new RegExp(`\\bcase\\s+["']?\\$\\{?${ENV_VAR}\\}?["']?\\s+in\\b`, 'i'),
];

const ENV_VAR_REF = new RegExp(`\\$\\{?${ENV_VAR}\\b`);

/** `[ "$RAILS_ENV" != "development" ]` only sets development apart: staging and production still get one image. */
function onlyDevComparisons(text: string): boolean {
  const names = [...text.matchAll(new RegExp(`(?:==?|!=)\\s*["']?${ENV_NAME}\\b|\\b${ENV_NAME}["']?\\s*(?:==?|!=)`, 'gi'))].map((m) => (m[1] ?? m[2]).toLowerCase());
  return names.length > 0 && names.every((n) => /^(development|dev|test|testing)$/.test(n));
}

export default defineRule({
  id: 'config/environment-config-in-image',
  factor: 'config',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  inputs: ['dockerfile'],
  docs: {
    summary: 'The image is built for one environment (per-environment config files or build branches)',
    rationale:
      'Factor III: config is stored in the environment, not in named groups of files such as `production.json` or `settings/prod.py`; and Factor V: one build is released to every environment with that environment\'s config. An image that copies `config/production.json` or `.env.production` into its final stage, copies a file chosen by `$NODE_ENV`, or runs `if [ "$NODE_ENV" = "production" ]` in a `RUN` step is a production-only image: staging tests a different artefact, and a new deploy needs a new build. `ENV NODE_ENV=production` on its own is fine; so are build-tool configs (`webpack.prod.js`), files copied from another stage, and Dockerfiles named for development.',
    fix: 'Build one image and read the settings that differ per deploy from environment variables (or Swarm configs and secrets mounted at run time). Keep defaults in code, not in per-environment files; if a framework insists on them (`config/production.json`), make every value in them come from the environment.',
    swarm: 'Swarm can inject per-deploy config into the same image with `environment:`, `configs:` and `secrets:` in each stack file.',
    bad: 'COPY config/production.json /app/config/\nRUN if [ "$NODE_ENV" = "production" ]; then npm ci --omit=dev; else npm install; fi',
    good: 'COPY config/default.json /app/config/\nRUN npm ci --omit=dev\n# DATABASE_URL, LOG_LEVEL … come from the stack file',
    exampleLanguage: 'dockerfile',
  },
  messages: {
    copyDotenv: '{{keyword}} puts {{source}} into the image as defaults for one environment: variables the deploy sets still win (dotenv loaders do not override the environment), but every unset one takes this file\'s value; prefer defaults in code and the values in the stack file',
    copyFile: '{{keyword}} puts the per-environment config file {{source}} into the image: the image only fits that environment; read those settings from environment variables (or a Swarm config) instead',
    copyByVariable: '{{keyword}} picks {{source}} by {{variable}}: the image is built for one environment; build one image and supply per-deploy settings at run time',
    branch: 'RUN branches on {{variable}} ("{{snippet}}"): the build differs per environment, so staging and production run different images; build one image for all deploys',
  },
  check({ project, report }) {
    for (const d of project.dockerfiles) {
      const shipped = new Set(project.facts.images().filter((i) => i.dockerfile === d).flatMap((i) => i.chain.map((s) => s.index)));
      for (const inst of d.instructions) {
        if (inst.keyword === 'RUN') {
          const text = inst.exec ? inst.exec.join(' ') : runText(inst);
          if (ENV_BRANCH.some((re) => re.test(text)) && !onlyDevComparisons(text)) {
            const variable = new RegExp(`\\$\\{?${ENV_VAR}`).exec(text)?.[1] ?? 'the environment name';
            const at = text.search(/\b(if|case|test)\b|\[/);
            report({ file: d.path, range: inst.range, messageId: 'branch', data: { variable: `$${variable}`, snippet: shorten(text.slice(Math.max(0, at)), 50) } });
          }
          continue;
        }
        if ((inst.keyword !== 'COPY' && inst.keyword !== 'ADD') || !shipped.has(inst.stage)) continue;
        if (inst.flags.from !== undefined) continue;
        const words = inst.exec ?? inst.args.split(/\s+/).filter(Boolean);
        const sources = words.slice(0, -1);
        for (const src of sources) {
          const byVar = ENV_VAR_REF.exec(src);
          if (byVar) {
            report({ file: d.path, range: inst.range, messageId: 'copyByVariable', data: { keyword: inst.keyword, source: src, variable: `$${byVar[1]}` } });
            break;
          }
          const name = basename(src.replace(/\/+$/, ''));
          if (/^[a-z]+:\/\//i.test(src) || /[*?[]/.test(name) || BUILD_TOOL_CONFIG.test(name)) continue;
          if (ENV_CONFIG_FILE.test(name)) {
            // `.env.production`: dotenv loaders (phpdotenv, dotenv, python-dotenv) never override variables the
            // environment sets, so the file holds defaults a deploy can still change: worth knowing, not a fixed image.
            if (/^\.env\b/.test(name)) report({ file: d.path, range: inst.range, messageId: 'copyDotenv', severity: 'info', data: { keyword: inst.keyword, source: src } });
            else report({ file: d.path, range: inst.range, messageId: 'copyFile', data: { keyword: inst.keyword, source: src } });
            break;
          }
        }
      }
    }
  },
});
