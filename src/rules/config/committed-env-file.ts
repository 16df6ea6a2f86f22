import { defineRule } from '../rule.js';
import { basename } from '../../project/paths.js';
import { DUMMY_CREDENTIAL, isPlaceholderValue, isSecretName, redact, urlPassword, urlUser } from '../../project/facts/secrets.js';
import { isFixturePath, pathPurpose } from '../../project/facts/deploy.js';

/** Env files for tests, CI and local development hold throwaway values by convention. */
const NON_DEPLOY_ENV = /(^|[.\-_])(test|testing|ci|e2e|dev|develop|development)([.\-_]|$)/i;

export default defineRule({
  id: 'config/committed-env-file',
  factor: 'config',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  securitySeverity: 7.5,
  inputs: ['env', 'git'],
  docs: {
    summary: 'An env file with real secrets is committed to git',
    rationale:
      'Factor III: config varies between deploys and is kept out of the codebase; a litmus test is whether the code could be made open source without leaking a credential. A `.env` (or `.env.production`, `app.env`) tracked by git puts passwords and tokens in the history of every clone, for good. Templates (`.env.example`, `.env.sample`, `.env.template`), files for tests, CI and development (`.env.test`, `.env.development`, or in folders such as `.devcontainer/`, `e2e/`, `examples/`), placeholder values (`changeme`, `<your-key>`, `${VAR}`, `defaultSecretKey`), local defaults (a password that repeats the user or database name of the file, `teable`/`teable123`, a URL or `user:password` pair whose password is its user name) and untracked files are left alone.',
    fix: 'Remove the file from git (`git rm --cached .env`, add it to `.gitignore`), commit a `.env.example` with placeholder values instead, and rotate every credential it held: it stays in the history. Supply the values per deploy (Swarm secrets, CI variables).',
    swarm: '`docker stack deploy` does not read `.env` at all (it only uses the shell environment and `env_file:`); values for a stack belong in Swarm secrets or the deploy pipeline.',
    bad: '# .env (tracked)\nSTRIPE_SECRET_KEY=sk_live_51H…',
    good: '# .env.example (tracked)\nSTRIPE_SECRET_KEY=\n# .gitignore\n.env',
    exampleLanguage: 'sh',
  },
  messages: {
    secret: '{{file}} is committed to git and sets {{key}} to a real-looking secret ({{redacted}}); untrack the file (git rm --cached {{file}}), keep a .env.example with placeholders, and rotate the credential',
    urlPassword: '{{file}} is committed to git and sets {{key}} to a URL with a password ({{redacted}}); untrack the file (git rm --cached {{file}}), keep a .env.example with placeholders, and rotate the credential',
  },
  check({ project, report }) {
    const git = project.git;
    if (!git || !git.isRepo || git.unavailable) return;
    for (const env of project.envFiles) {
      if (env.isTemplate || !git.tracked.has(env.path) || isFixturePath(env.path)) continue;
      const name = basename(env.path);
      if (NON_DEPLOY_ENV.test(name.replace(/^\.env/, '').replace(/\.env$/, ''))) continue;
      // `.devcontainer/backend.env`, `e2e/.env`: the folder says development or tests, like the name would.
      const purpose = pathPurpose(env.path);
      if (purpose === 'development' || purpose === 'test' || purpose === 'example') continue;
      // `POSTGRES_USER=teable` then `POSTGRES_PASSWORD=teable`: a password that repeats a name in the file is a local default.
      const names = new Set(env.entries.filter((x) => /(USER(NAME)?|_DB|DATABASE|_NAME|ACCESS_KEY(_ID)?)$/i.test(x.key)).map((x) => x.value.trim()).filter(Boolean));
      // `DATABASE_CREDENTIALS=dispatch:dispatch`: a user:password pair whose password is its user name.
      const localDefault = (v: string): boolean => /^([^:\s@/]+):\1$/.test(v) || names.has(v) || [...names].some((n) => n.length >= 3 && v.toLowerCase().startsWith(n.toLowerCase()) && /^\d*$/.test(v.slice(n.length))) || /^(default|dummy|example|sample|fake)[-_]?[a-z]*$/i.test(v);
      for (const e of env.entries) {
        const value = e.value.trim();
        if (/\$\{?[A-Za-z_]/.test(value)) continue;
        // A committed env file with `password` as the password is a template someone fills in.
        if (isSecretName(e.key) && !isPlaceholderValue(value) && !DUMMY_CREDENTIAL.test(value) && !localDefault(value)) {
          report({ file: env.path, range: e.range, messageId: 'secret', data: { file: env.path, key: e.key, redacted: redact(value) } });
          continue;
        }
        const pw = urlPassword(value);
        if (pw && pw !== urlUser(value) && !DUMMY_CREDENTIAL.test(pw) && !localDefault(pw)) report({ file: env.path, range: e.range, messageId: 'urlPassword', data: { file: env.path, key: e.key, redacted: redact(pw) } });
      }
    }
  },
});
