import { defineRule } from '../rule.js';

export default defineRule({
  id: 'concurrency/container-name',
  factor: 'concurrency',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose'],
  sameProblemAs: ['swarm/deprecated-option'],
  docs: {
    summary: 'A service sets `container_name`',
    rationale:
      'Factor VIII: scale out via the process model. A fixed container name allows exactly one container, so the service cannot run more than one instance.',
    fix: 'Remove `container_name` and address the service by its service name; scale with `deploy.replicas`.',
    swarm: 'docker stack deploy prints "Ignoring deprecated options: container_name: Setting the container name is not supported." and names tasks `<stack>_<service>.<n>` itself.',
    bad: 'services:\n  web:\n    container_name: web',
    good: 'services:\n  web:\n    deploy:\n      replicas: 2',
    exampleLanguage: 'yaml',
  },
  messages: {
    containerName: 'Service "{{service}}" sets container_name "{{name}}": docker compose can run only one container of it (no --scale), and anything that addresses "{{name}}" breaks where the name is not set; remove it and address the service by its service name',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        const entry = service.node.entries.find((e) => e.key === 'container_name');
        if (!entry) continue;
        const name = entry.value.kind === 'scalar' ? String(entry.value.value ?? '') : '';
        report({ file: file.path, range: entry.keyRange, messageId: 'containerName', data: { service: service.name, name } });
      }
    }
  },
});
