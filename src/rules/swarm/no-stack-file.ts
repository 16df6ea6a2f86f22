import { defineRule } from '../rule.js';

export default defineRule({
  id: 'swarm/no-stack-file',
  factor: 'swarm',
  severity: 'info',
  swarm: 'deploy-input',
  recommended: true,
  inputs: ['files', 'compose'],
  docs: {
    summary: 'The project builds images (it has a Dockerfile) but has no compose or stack file to deploy them with',
    rationale:
      'docker stack deploy needs a compose file that names the images, their replicas, networks, secrets and configs. Without one, how the project runs in production lives somewhere else (or nowhere).',
    fix: 'Add a `docker-stack.yml` (Compose file format 3.x) that deploys the images by tag; twelvelint then checks it against what Swarm accepts.',
    swarm: 'Nothing to deploy: `docker stack deploy -c <file>` needs the file.',
  },
  messages: {
    noStack: 'The project has {{count}} Dockerfile{{plural}} but no compose or stack file: docker stack deploy needs one',
  },
  check({ project, report }) {
    if (project.singleFiles || project.composeFiles.length > 0 || project.files.some((f) => f.kind === 'compose')) return;
    const dockerfiles = project.files.filter((f) => f.kind === 'dockerfile');
    if (dockerfiles.length === 0) return;
    report({ file: dockerfiles[0].path, range: { line: 1, column: 1, endLine: 1, endColumn: 1 }, messageId: 'noStack', data: { count: dockerfiles.length, plural: dockerfiles.length === 1 ? '' : 's' } });
  },
});
