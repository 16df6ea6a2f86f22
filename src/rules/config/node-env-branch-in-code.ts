import { defineRule } from '../rule.js';
import { TOOL_CONFIG, parsedSources } from '../../project/js/query.js';

const BROWSER_CODE = /(^|\/)(frontend|client|public|static|www|app\/javascript)\/|(^|\/)serviceWorker\.[cm]?[jt]sx?$|\.(jsx|tsx)$/;
const DEPLOY_ENVS = /^(production|prod|development|dev|staging|stage|qa|uat|preview)$/i;

export default defineRule({
  id: 'config/node-env-branch-in-code',
  factor: 'config',
  severity: 'info',
  swarm: 'none',
  recommended: false,
  inputs: ['source'],
  sourcePrefilter: /NODE_ENV/,
  docs: {
    summary: 'Behaviour branches on `NODE_ENV === "production"`',
    rationale:
      'Factor III: config is a set of independent environment variables, not named groups of settings ("environments"). Code that switches on `NODE_ENV` bundles many settings under one name: a staging deploy must pretend to be "production" to get production behaviour, and each new deploy needs a code change. Reported once per file, at the first comparison, as a hint (not in the recommended preset: many libraries rely on NODE_ENV for legitimate optimizations).',
    fix: 'Give each behaviour its own variable (`LOG_FORMAT=json`, `COOKIE_SECURE=true`, `DB_POOL_SIZE=20`) with a sensible default, and keep NODE_ENV for library optimizations only.',
    swarm: 'Nothing Swarm-specific: every service of a stack gets the variables its `environment:` lists.',
    bad: "const cookie = { secure: process.env.NODE_ENV === 'production' };",
    good: "const cookie = { secure: process.env.COOKIE_SECURE === 'true' };",
    exampleLanguage: 'js',
  },
  messages: {
    branch: 'Behaviour branches on NODE_ENV === "{{value}}"{{more}}: settings hidden behind one environment name cannot be changed per deploy. Read each setting from its own variable',
  },
  check({ project, report }) {
    for (const file of parsedSources(project)) {
      // In browser bundles NODE_ENV is the bundler's build mode, not deploy config.
      if (TOOL_CONFIG.test(file.path) || BROWSER_CODE.test(file.path)) continue;
      const checks = file.facts.nodeEnvChecks.filter((c) => DEPLOY_ENVS.test(c.value) && !c.devGuard);
      if (checks.length === 0) continue;
      const more = checks.length > 1 ? ` (and ${checks.length - 1} more place${checks.length > 2 ? 's' : ''} in this file)` : '';
      report({ file: file.path, range: checks[0].range, messageId: 'branch', data: { value: checks[0].value, more } });
    }
  },
});
