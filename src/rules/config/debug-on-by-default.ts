import { defineRule } from '../rule.js';
import { TOOL_CONFIG, parsedSources } from '../../project/js/query.js';
import type { Value } from '../../project/js/facts.js';

/** Switches that put a web framework in debug mode (tracebacks to the browser, no caching, secrets in error pages). */
const DEBUG_SWITCH = /^(DJANGO_DEBUG|DEBUG|FLASK_DEBUG|APP_DEBUG|DEBUG_MODE)$/;

function truthy(v: Value | undefined): boolean {
  if (!v) return false;
  if (v.k === 'bool') return v.v;
  if (v.k === 'num') return v.v !== 0;
  return v.k === 'str' && /^(true|1|yes|on|t|y)$/i.test(v.v.trim());
}

export default defineRule({
  id: 'config/debug-on-by-default',
  factor: 'config',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  inputs: ['source'],
  sourcePrefilter: /DEBUG/,
  sourceLanguages: ['python', 'ruby', 'php'],
  docs: {
    summary: 'Debug mode is on unless the deploy turns it off (`DEBUG` read with a default of true)',
    rationale:
      'Factor III: the code reads its config from the environment, and the safe value is the one a deploy gets when it says nothing. `DEBUG = os.environ.get("DEBUG", "True") == "True"` or `env.bool("DEBUG", default=True)` runs production in debug mode the day someone forgets the variable: Django and Flask then show tracebacks, settings and SQL to anyone who triggers an error. Reported where a debug switch (`DEBUG`, `DJANGO_DEBUG`, `FLASK_DEBUG`, `APP_DEBUG`) is read with a true default in code that runs in the deployed image; development settings modules (`settings/dev.py`, `local_settings.py`) are left alone.',
    fix: 'Default to off and turn debug on where you develop: `DEBUG = os.environ.get("DEBUG", "False") == "True"`, `env.bool("DEBUG", default=False)`, and `DEBUG=True` in your development `.env` or compose override.',
    swarm: 'Nothing Swarm-specific: a stack file that does not list DEBUG leaves the default in force on every replica.',
    bad: "DEBUG = os.environ.get('DEBUG', 'True') == 'True'",
    good: "DEBUG = os.environ.get('DEBUG', 'False') == 'True'",
    exampleLanguage: 'python',
  },
  messages: {
    debugDefault: '{{name}} defaults to {{value}}: a deploy that does not set it runs in debug mode (tracebacks and settings shown on errors); default to off and turn it on where you develop',
  },
  check({ project, report }) {
    for (const file of parsedSources(project, 'runtime', ['js', 'ts', 'python', 'ruby', 'php'])) {
      if (TOOL_CONFIG.test(file.path)) continue;
      for (const r of file.facts.envReads) {
        if (!DEBUG_SWITCH.test(r.name) || !r.hasDefault || !truthy(r.fallback)) continue;
        const value = r.fallback?.k === 'str' ? `"${r.fallback.v}"` : String((r.fallback as { v: unknown }).v);
        report({ file: file.path, range: r.range, messageId: 'debugDefault', data: { name: r.name, value } });
      }
    }
  },
});
