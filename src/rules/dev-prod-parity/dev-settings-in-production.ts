import { defineRule } from '../rule.js';
import { interpolationOf } from '../../project/load-compose.js';
import { envFilePaths, serviceEnvironment } from '../../project/facts/service.js';
import { instructionPairs } from '../../project/load-dockerfile.js';
import { pathPurpose } from '../../project/facts/deploy.js';

const TRUE = /^(true|1|yes|on)$/i;
const DEV = /^(development|dev)$/i;

/** Settings that switch frameworks into development or debug mode. */
const DEV_SETTINGS: [RegExp, RegExp][] = [
  [/^NODE_ENV$/, DEV],
  [/^(DEBUG|DJANGO_DEBUG|FLASK_DEBUG|APP_DEBUG|WORDPRESS_DEBUG|WP_DEBUG|PYTHONDEVMODE)$/, TRUE],
  [/^(FLASK_ENV|RAILS_ENV|RACK_ENV|MIX_ENV|SYMFONY_ENV)$/, DEV],
  [/^(APP_ENV|ENVIRONMENT|APP_ENVIRONMENT)$/, /^(development|dev|local)$/i],
  [/^(ASPNETCORE_ENVIRONMENT|DOTNET_ENVIRONMENT)$/, /^development$/i],
  [/^SPRING_PROFILES_ACTIVE$/, /(^|,)\s*(dev|development|local)\s*(,|$)/i],
  [/^GIN_MODE$/, /^debug$/i],
];

export function isDevSetting(key: string, value: string): boolean {
  return DEV_SETTINGS.some(([k, v]) => k.test(key) && v.test(value.trim()));
}

export default defineRule({
  id: 'dev-prod-parity/dev-settings-in-production',
  factor: 'dev-prod-parity',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  inputs: ['compose', 'env', 'dockerfile'],
  docs: {
    summary: 'A production or stack file sets development/debug mode (`NODE_ENV=development`, `DEBUG=true`, `FLASK_DEBUG=1`, `RAILS_ENV=development` …)',
    rationale:
      'Factor X: the gap between development and production stays small, but production still runs the production configuration. Development mode left in a production file turns on debuggers, verbose error pages that leak stack traces and settings, unminified assets and dev-only code paths, and usually costs performance.',
    fix: 'Set the production value in the production file (`NODE_ENV=production`, `DEBUG=false`, `RAILS_ENV=production`), or leave it to the deploy environment with a required variable (`${NODE_ENV:?}`).',
    swarm: 'Swarm passes the environment through as written; nothing warns that a stack runs in development mode.',
    bad: '# docker-stack.yml\nservices:\n  web:\n    environment:\n      NODE_ENV: development\n      DEBUG: "true"',
    good: '# docker-stack.yml\nservices:\n  web:\n    environment:\n      NODE_ENV: production',
    exampleLanguage: 'yaml',
  },
  messages: {
    compose: 'Service "{{service}}" sets {{key}}={{value}} in {{file}}, a production file: that is development/debug mode; use the production value',
    composeDefault: 'Service "{{service}}" gets {{key}}={{value}} in {{file}}, a production file, from the default of ${{{variable}}} when it is not set at deploy time: that is development/debug mode; make the production value the default or require the variable',
    env: '{{file}} sets {{key}}={{value}}: that is development/debug mode in a production env file; use the production value',
    dockerfile: '{{file}} sets ENV {{key}}={{value}}: development/debug mode baked into the production image; use the production value',
  },
  check({ project, report }) {
    const deployed = project.facts.deployedComposeFiles();
    for (const file of deployed) {
      for (const service of file.services) {
        for (const v of serviceEnvironment(service)) {
          if (v.value === undefined || !isDevSetting(v.key, v.value)) continue;
          const fromDefault = interpolationOf(file, v.node)?.vars.find((x) => x.origin === 'default');
          report({
            file: file.path,
            range: v.range,
            messageId: fromDefault ? 'composeDefault' : 'compose',
            data: { service: service.name, key: v.key, value: v.value, file: file.path, ...(fromDefault ? { variable: fromDefault.name } : {}) },
          });
        }
      }
    }
    // Env files a deployed service reads, and env files named for production.
    const deployedEnv = new Set(deployed.flatMap((f) => f.services.flatMap((s) => envFilePaths(s).map((e) => e.path))));
    for (const env of project.envFiles) {
      if (env.isTemplate || !(deployedEnv.has(env.path) || pathPurpose(env.path) === 'production')) continue;
      for (const e of env.entries) {
        if (isDevSetting(e.key, e.value)) report({ file: env.path, range: e.range, messageId: 'env', data: { file: env.path, key: e.key, value: e.value } });
      }
    }
    const seen = new Set<unknown>();
    for (const image of project.facts.images()) {
      const d = image.dockerfile;
      for (const inst of image.instructions) {
        if (inst.keyword !== 'ENV' || seen.has(inst)) continue;
        seen.add(inst);
        for (const { name, value } of instructionPairs(inst.args, 'ENV')) {
          // Only the value the image ends up with: a later ENV may set production again.
          if (value !== undefined && isDevSetting(name, value) && image.env.get(name) === value) report({ file: d.path, range: inst.range, messageId: 'dockerfile', data: { file: d.path, key: name, value } });
        }
      }
    }
  },
});
