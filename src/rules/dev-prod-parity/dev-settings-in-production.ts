import { defineRule } from '../rule.js';
import { interpolationOf } from '../../project/load-compose.js';
import { serviceEnvironment } from '../util/compose.js';
import { envPairs } from '../config/secret-in-dockerfile.js';
import { chainInstructions } from '../util/runtime-container.js';
import { isProductionName } from '../util/runtime-environments.js';

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
    for (const file of project.composeFiles) {
      if (!isProductionName(file.path)) continue;
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
    for (const env of project.envFiles) {
      if (env.isTemplate || !isProductionName(env.path)) continue;
      for (const e of env.entries) {
        if (isDevSetting(e.key, e.value)) report({ file: env.path, range: e.range, messageId: 'env', data: { file: env.path, key: e.key, value: e.value } });
      }
    }
    for (const d of project.dockerfiles) {
      if (!isProductionName(d.path)) continue;
      for (const inst of chainInstructions(d)) {
        if (inst.keyword !== 'ENV') continue;
        for (const { name, value } of envPairs(inst.args, 'ENV')) {
          if (value !== undefined && isDevSetting(name, value)) report({ file: d.path, range: inst.range, messageId: 'dockerfile', data: { file: d.path, key: name, value } });
        }
      }
    }
  },
});
