import { defineRule } from '../rule.js';
import { isSourceMount, serviceVolumes, SYSTEM_MOUNTS } from '../../project/facts/service.js';

export default defineRule({
  id: 'build-release-run/source-bind-mount',
  factor: 'build-release-run',
  severity: 'warning',
  swarm: 'degraded',
  recommended: true,
  inputs: ['compose', 'files', 'dockerfile'],
  docs: {
    summary: 'The project\'s source directory is bind-mounted into a service',
    rationale:
      'Factor V: the build stage turns a commit into an artefact, the release combines it with config, and the run stage runs that release unchanged. Mounting the source tree over the container (`.:/app`, `./src:/usr/src/app/src`) replaces the code built into the image with whatever happens to be on the host\'s disk, so the running code is no release at all. Checked: relative host directories (not single files) that are the service\'s build context or contain source files, a manifest or a Dockerfile. Compose files named for development (`compose.override.yml`, `docker-compose.dev.yml`) and services built from a dev stage are left alone: that is where live-reload mounts belong.',
    fix: 'Copy the code into the image (`COPY . .` in the Dockerfile) and remove the mount from the deployed compose/stack file. Keep live-reload mounts in `compose.override.yml`, which `docker compose` merges on a developer machine and `docker stack deploy` never reads.',
    swarm: 'On Swarm the bind-mount source must exist on whichever node runs the task ("invalid mount config for type \\"bind\\": bind source path does not exist" otherwise), and each node would run its own copy of the code.',
    bad: 'services:\n  api:\n    build: .\n    image: acme/api:1.4.2\n    volumes:\n      - .:/app',
    good: '# compose.yaml\nservices:\n  api:\n    build: .\n    image: acme/api:1.4.2\n# compose.override.yaml (development only)\nservices:\n  api:\n    volumes:\n      - .:/app',
    exampleLanguage: 'yaml',
  },
  messages: {
    source: 'Service "{{service}}" mounts the source directory {{source}} over {{target}}: the container runs whatever code is on the host, not the release built into the image; COPY the code in the Dockerfile and keep this mount in a development override',
  },
  check({ project, report }) {
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        for (const v of serviceVolumes(service)) {
          if (!v.source || !v.target || SYSTEM_MOUNTS.test(v.target)) continue;
          if (!isSourceMount(project, service, v)) continue;
          report({ file: file.path, range: v.node.range, messageId: 'source', data: { service: service.name, source: v.source, target: v.target } });
        }
      }
    }
  },
});
