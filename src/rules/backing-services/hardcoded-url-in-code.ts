import { defineRule } from '../rule.js';
import { TOOL_CONFIG, devOnly, parsedSources } from '../../project/js/query.js';
import { backingAddress } from '../../project/js/backing.js';

/** Hosts that are placeholders in docs and error messages. */
const PLACEHOLDER_HOST = /^(host|hostname|your[-_]?host|server|example\.(com|org|net)|[\w.-]*\.example(\.\w+)?|db-host|dbhost|<[^>]*>)$/i;

export default defineRule({
  id: 'backing-services/hardcoded-url-in-code',
  factor: 'backing-services',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  inputs: ['source'],
  sourcePrefilter: /(?:mongodb(?:\+srv)?|postgres(?:ql)?|mysql2?|mariadb|rediss?|amqps?|nats|mssql):\/\//,
  docs: {
    summary: 'A connection string to a backing service is hard-coded',
    rationale:
      'Factor IV: a deploy should be able to swap a local MySQL for a managed one, or one Redis for another, without any change to the code. A connection string written in the source (`mongodb://mongo:27017/app`, `redis://cache:6379`) ties the code to one deploy. Localhost addresses are reported by backing-services/localhost-in-code; fallbacks after `process.env.X ||` and code under `development:`/`test:` keys are left alone.',
    fix: 'Read the URL from an environment variable (`process.env.DATABASE_URL`) and set it in the service\'s environment or from a Swarm secret.',
    swarm: 'Per-service `environment:` (or a secret) in the stack file is where the address of each backing service belongs; the same image then runs in every stack.',
    bad: "const redis = new Redis('redis://cache:6379/0');",
    good: 'const redis = new Redis(process.env.REDIS_URL);',
    exampleLanguage: 'js',
  },
  messages: {
    url: 'The {{kind}} connection string {{address}} is hard-coded: the backing service cannot be changed per deploy without a code change. Read it from an environment variable such as {{suggest}}',
  },
  check({ project, report }) {
    for (const file of parsedSources(project)) {
      if (TOOL_CONFIG.test(file.path)) continue;
      for (const s of file.facts.strings) {
        if (s.envFallback || devOnly(s.ctx)) continue;
        const address = backingAddress(s);
        if (!address || address.local || address.templated) continue;
        const host = /^[a-z0-9+.-]+:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#,]+)/i.exec(s.value)?.[1] ?? '';
        if (PLACEHOLDER_HOST.test(host) || host === '' || host.includes('${')) continue;
        const suggest = /mongo/i.test(address.kind) ? 'MONGODB_URL' : /redis/i.test(address.kind) ? 'REDIS_URL' : /amqp/i.test(address.kind) ? 'AMQP_URL' : 'DATABASE_URL';
        report({ file: file.path, range: s.range, messageId: 'url', data: { kind: address.kind, address: address.shown, suggest } });
      }
    }
  },
});
