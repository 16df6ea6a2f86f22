import { defineRule } from '../rule.js';
import { TOOL_CONFIG, devOnly, parsedSources } from '../../project/js/query.js';
import { backingAddress, envVarProvided, hasDeployArtifacts } from '../../project/js/backing.js';

export default defineRule({
  id: 'backing-services/localhost-in-code',
  factor: 'backing-services',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['source', 'compose', 'dockerfile', 'env'],
  sourcePrefilter: /localhost|127\.0\.0\.1/,
  docs: {
    summary: 'Code connects to a database, cache or broker on `localhost`',
    rationale:
      "Factor IV: backing services are attached resources, located by config. A connection string or host hard-coded to `localhost`/`127.0.0.1` (Mongo, Postgres, MySQL, Redis, AMQP, Elasticsearch clients) only works when the service runs on the developer's machine; in a container localhost is the container itself. A fallback such as `process.env.MONGO_URL || 'mongodb://localhost/app'` is a common development convenience and is left alone when the deploy sets the variable or a doc or `.env.example` mentions it; it is reported when the project has deploy files and nothing provides the variable, because then every container uses the fallback. Code under `development:`/`test:` keys or in non-production branches is left alone.",
    fix: 'Read the address from the environment without a localhost default in production code paths, and set it per deploy to the service name (`mongodb://mongo:27017/app`) or the managed service\'s host.',
    swarm: 'Tasks reach other services by service name through Swarm DNS on an overlay network; localhost inside a task is that task alone.',
    bad: "mongoose.connect('mongodb://localhost:27017/app');",
    good: 'mongoose.connect(process.env.MONGODB_URL);',
    exampleLanguage: 'js',
  },
  messages: {
    literal: 'Connects to {{kind}} at {{address}}: inside a container localhost is the container itself, so the {{kind}} is unreachable. Read the address from an environment variable and set it per deploy',
    fallback: '{{name}} falls back to {{address}} and nothing in the deploy files, env files or docs provides {{name}}: every container uses the fallback, which points at the container itself. Set {{name}} for the service',
  },
  check({ project, report }) {
    const deploys = hasDeployArtifacts(project);
    for (const file of parsedSources(project)) {
      if (TOOL_CONFIG.test(file.path)) continue;
      for (const s of file.facts.strings) {
        if (devOnly(s.ctx)) continue;
        const address = backingAddress(s);
        if (!address || !address.local) continue;
        if (s.envFallback) {
          if (!deploys || envVarProvided(project, s.envFallback)) continue;
          report({ file: file.path, range: s.range, messageId: 'fallback', data: { name: s.envFallback, address: address.shown } });
          continue;
        }
        report({ file: file.path, range: s.range, messageId: 'literal', data: { kind: address.kind, address: address.shown } });
      }
    }
  },
});
