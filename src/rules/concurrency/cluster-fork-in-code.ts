import { defineRule } from '../rule.js';
import { entriesRunning, parsedSources } from '../../project/js/query.js';

export default defineRule({
  id: 'concurrency/cluster-fork-in-code',
  factor: 'concurrency',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['source', 'dockerfile', 'compose', 'manifest', 'procfile'],
  sourcePrefilter: /\.fork\s*\(/,
  docs: {
    summary: '`cluster.fork()` runs several worker processes inside one container',
    rationale:
      "Factor VIII: the app scales out by running more processes, managed by the platform. `cluster.fork()` inside a container builds a process manager into the app: Swarm sees one task, cannot health-check, restart or place the workers separately, CPU and memory limits are shared by all of them, and scaling becomes replicas × workers. Reported only for code a container's start command runs.",
    fix: 'Run one Node process per container and scale with `deploy.replicas` (and `resources.limits.cpus`) instead of forking workers.',
    swarm: '`docker service scale web=4` gives four independently scheduled, health-checked and restartable processes; forked workers are invisible to Swarm.',
    bad: "if (cluster.isPrimary) { for (let i = 0; i < os.cpus().length; i++) cluster.fork(); } else { app.listen(3000); }",
    good: 'app.listen(3000); // deploy.replicas: 4',
    exampleLanguage: 'js',
  },
  messages: {
    fork: 'cluster.fork() starts worker processes inside the container started by {{via}}: Swarm cannot see, health-check or restart them separately, and they share the container\'s CPU and memory limits. Run one process per container and scale with deploy.replicas',
  },
  check({ project, report }) {
    for (const file of parsedSources(project)) {
      const forks = file.facts.calls.filter((c) => /^cluster:(default\.)?fork$/.test(c.callee));
      if (forks.length === 0) continue;
      const container = entriesRunning(project, file.path).find((e) => e.dockerfile);
      if (!container) continue;
      for (const call of forks) report({ file: file.path, range: call.range, messageId: 'fork', data: { via: container.via } });
    }
  },
});
