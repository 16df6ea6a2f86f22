import { defineRule } from '../rule.js';
import { GRAMMAR_LANGUAGES } from '../../project/lang/tree-sitter.js';
import { TOOL_CONFIG, listSites, parsedSources } from '../../project/js/query.js';
import type { Range } from '../../project/range.js';

/**
 * Variables the platform, the OS, Node, npm or CI set: nobody documents them. PORT is here too:
 * platforms set it, and port-binding/listen-port-in-code checks it against the deploy.
 */
const PLATFORM =
  /^(NODE_ENV|NODE_OPTIONS|NODE_DEBUG|NODE_PATH|NODE_EXTRA_CA_CERTS|NODE_TLS_REJECT_UNAUTHORIZED|NODE_APP_INSTANCE|NODE_V8_COVERAGE|UV_THREADPOOL_SIZE|PORT|HOSTNAME|HOME|PATH|PWD|OLDPWD|USER|USERNAME|LOGNAME|SHELL|TERM|LANG|LANGUAGE|LC_\w+|TZ|TMPDIR|TEMP|TMP|CI|DEBUG|FORCE_COLOR|NO_COLOR|COLORTERM|EDITOR|VISUAL|BROWSER|APPDATA|LOCALAPPDATA|USERPROFILE|SystemRoot|COMSPEC|PROGRAMFILES|XDG_\w+|HTTP_PROXY|HTTPS_PROXY|NO_PROXY|ALL_PROXY|http_proxy|https_proxy|no_proxy|npm_\w+|INIT_CWD|GITHUB_\w+|GITLAB_\w+|CIRCLECI\w*|TRAVIS\w*|BUILDKITE\w*|JENKINS_\w+|BUILD_\w+|RUNNER_\w+|VERCEL\w*|NETLIFY\w*|HEROKU_\w+|DYNO|OPENSHIFT_\w+|RENDER\w*|RAILWAY_\w+|FLY_\w+|K_SERVICE|K_REVISION|K_CONFIGURATION|KUBERNETES_\w+|AWS_LAMBDA_\w+|AWS_REGION|AWS_DEFAULT_REGION|AWS_EXECUTION_ENV|LAMBDA_TASK_ROOT|FUNCTION_\w+|GCP_PROJECT|GOOGLE_CLOUD_PROJECT|WEBSITE_\w+|JEST_WORKER_ID|VITEST\w*|MOCHA_\w+|TS_NODE_\w+|BABEL_ENV|MODE|BASE_URL|PROD|DEV|SSR|PUBLIC_URL|FAST_REFRESH|GENERATE_SOURCEMAP|NEXT_RUNTIME|NEXT_PHASE|__NEXT_\w+|PM2_\w+|pm_id|name|npm_lifecycle_event|SHLVL|HOSTTYPE|OSTYPE|MACHTYPE|WSL_\w+|DISPLAY|SSH_\w+|NOTIFY_SOCKET|LISTEN_FDS|LISTEN_PID|INVOCATION_ID|JOURNAL_STREAM)$/;

interface Site {
  file: string;
  line: number;
  range: Range;
  optional: boolean;
  condition: boolean;
  /** The code cannot do without it: Python `os.environ['X']`, Ruby `ENV.fetch('X')`, a required Go tag, TypeScript `process.env.X!`. */
  required: boolean;
}

export default defineRule({
  id: 'config/unset-env-in-code',
  factor: 'config',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  inputs: ['source', 'compose', 'dockerfile', 'env', 'manifest', 'procfile'],
  sourcePrefilter: /process\.env|import\.meta\.env|Bun\.env/,
  sourceLanguages: GRAMMAR_LANGUAGES,
  docs: {
    summary: 'Code reads an environment variable that no deploy file, env file or document sets or mentions',
    rationale:
      'Factor III: config that varies between deploys lives in environment variables, and a deploy has to know which ones to set. A variable read in code (`process.env.X`, `process.env["X"]`, `const { X } = process.env`, `import.meta.env.X`) that no compose service, Dockerfile `ENV`/`ARG`, env file (including `.env.example`), package script or README mentions is invisible to whoever deploys the app: it is undefined in production until someone reads the source. Each variable is reported once, at its first read, with every place that reads it. Variables read with a fallback somewhere (`process.env.X ?? "default"`) or as flags (`if (process.env.X)`, `process.env.X === "on"`), or checked anywhere in the code (`if (process.env.X)`, `ENV.key?("X")`, `"X" in os.environ`), or declared optional by the env schema of the app (`createEnv({ server: { X: z.string().optional() }, runtimeEnv: { X: process.env.X } })`, also `.default(…)`), are optional and left alone, as are variables the platform sets (NODE_ENV, PORT, HOME, CI, npm_*, …).',
    fix: 'Document the variable in `.env.example` (with a placeholder value) or the README, and set it for the service in the stack file (`environment:` or a Swarm secret).',
    swarm: 'A stack file sets variables per service (`environment:`, `env_file:`); `docker stack deploy` does not read a `.env` file, so a variable nobody listed is simply unset in every task.',
    bad: "const client = new Stripe(process.env.STRIPE_KEY); // nothing mentions STRIPE_KEY",
    good: '# .env.example\nSTRIPE_KEY=sk_test_replace_me',
    exampleLanguage: 'js',
  },
  messages: {
    unset: '{{name}} is required by the code ({{sites}}) but no compose service, Dockerfile, env file or doc sets or mentions it, so a deploy cannot know to provide it. Add it to .env.example or the README and set it for the service',
    unmentioned: '{{name}} is read in code ({{sites}}) and no deploy file, env file or doc mentions it; if the app needs it, document it in .env.example or the README so a deploy knows to set it',
  },
  check({ project, report }) {
    const reads = new Map<string, Site[]>();
    const written = new Set<string>();
    const declaredOptional = new Set<string>();
    for (const file of parsedSources(project, 'runtime', ['js', 'ts', ...GRAMMAR_LANGUAGES])) {
      for (const w of file.facts.envWrites) written.add(w);
      if (TOOL_CONFIG.test(file.path)) continue;
      for (const r of file.facts.envReads) {
        if (PLATFORM.test(r.name) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(r.name)) continue;
        if (r.declaredOptional) declaredOptional.add(r.name);
        const optional = r.hasDefault || Boolean(r.condition);
        // A plain `process.env.X` says nothing of whether the app needs X; the other languages' plain reads raise when it is unset.
        const required = file.language === 'js' || file.language === 'ts' ? Boolean(r.required) : !optional;
        reads.set(r.name, [...(reads.get(r.name) ?? []), { file: file.path, line: r.range.line, range: r.range, optional, condition: Boolean(r.condition), required }]);
      }
    }
    if (reads.size === 0) return;

    const known = new Set<string>([...written, ...project.facts.deployEnvNames(), ...(project.jsLinks?.buildEnv ?? [])]);
    const scriptText = [...project.manifests.map((m) => m.text), ...project.procfiles.map((p) => p.text)].join('\n');
    const documented = project.jsLinks?.documented;

    for (const [name, sites] of reads) {
      if (known.has(name) || documented?.has(name) || declaredOptional.has(name)) continue;
      // `DB_PASSWORD_FILE` is the optional secret-file variant of `DB_PASSWORD` (the Docker secrets convention).
      const base = /^(.+)_FILE$/.exec(name)?.[1];
      if (base && (known.has(base) || reads.has(base))) continue;
      // Optional: the code handles its absence somewhere: a read with a fallback (`process.env.AZURE_API_KEY || ''` in
      // the settings echo, a plain read in the azure branch), or a check whether it is set (`ENV.key?('OIDC_ISSUER')` in
      // application.rb decides whether devise.rb's `ENV.fetch` runs).
      if (sites.some((s) => s.optional)) continue;
      if (new RegExp(`(^|[^A-Za-z0-9_])${name}=`).test(scriptText)) continue;
      sites.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
      const first = sites[0];
      const lines = sites.filter((s, i) => i === 0 || s.file !== sites[i - 1].file || s.line !== sites[i - 1].line);
      // Only code that cannot run without the variable makes it something the deploy must provide; otherwise say what is known.
      if (sites.some((s) => s.required)) report({ file: first.file, range: first.range, messageId: 'unset', data: { name, sites: listSites(lines) } });
      else report({ file: first.file, range: first.range, messageId: 'unmentioned', data: { name, sites: listSites(lines) }, severity: 'info' });
    }
  },
});
