import { defineRule } from '../rule.js';
import { getValue } from '../../project/yaml-tree.js';
import { isInside, selfAndAncestors } from '../../project/paths.js';

export default defineRule({
  id: 'codebase/untracked-build-context',
  factor: 'codebase',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  inputs: ['compose', 'git'],
  docs: {
    summary: 'A service is built from a directory this repository does not track (a nested repository)',
    rationale:
      'Factor I: one codebase per app, tracked in revision control, many deploys. When a compose file builds a service from a directory whose files git does not track (another repository checked out inside this one, or code never committed) the deploy unit holds a second codebase that no commit of this repository records: a clone of the repository cannot rebuild the release, and nobody can say which code it ran. The exact condition: the compose file is tracked by git, the service\'s build context is a directory inside the audited project, files exist in it, and none of them is tracked; or the context is a gitlink (a repository added with `git add`) while the project has no `.gitmodules`. Submodules (a gitlink listed in `.gitmodules`) pin a commit and are left alone, as are several services built from the same tracked context.',
    fix: 'Either commit the code to this repository, add the other repository as a submodule pinned to a commit (`git submodule add <url> api`), or give it its own pipeline that builds and pushes an image, and reference that image (`image: registry.example.com/api:1.4.2`) instead of building it here.',
    swarm: 'Swarm ignores `build:`; the image it pulls must come from a pipeline that can rebuild it from one commit.',
    bad: '# api/ is a separate clone (api/.git), not tracked by this repository\nservices:\n  api:\n    build: ./api\n    image: registry.example.com/api:1.0',
    good: '# api/ is a submodule pinned to a commit, or its image comes from its own pipeline\nservices:\n  api:\n    image: registry.example.com/api:1.0',
    exampleLanguage: 'yaml',
  },
  messages: {
    untracked:
      'Service "{{service}}" is built from {{context}}/, but none of its {{count}} files is tracked by this git repository (a separate repository checked out here, or code never committed); commit it, make it a submodule pinned to a commit, or build its image in its own pipeline',
    embedded:
      'Service "{{service}}" is built from {{context}}/, which this repository records as an embedded git repository without a .gitmodules entry: a clone of this repository gets an empty {{context}}/; add it as a submodule (git submodule add) or commit its files',
  },
  check({ project, report }) {
    const git = project.git;
    if (project.singleFiles || !git || !git.isRepo || git.unavailable || git.tracked.size === 0) return;
    const hasGitmodules = project.files.some((f) => f.path === '.gitmodules') || git.tracked.has('.gitmodules');
    for (const file of project.composeFiles) {
      if (!git.tracked.has(file.path)) continue;
      for (const service of file.services) {
        const context = service.buildContext;
        if (!context || context === '.' || !isInside(context, '.')) continue;
        const build = getValue(service.node, 'build');
        const node = (build?.kind === 'map' ? getValue(build, 'context') : build) ?? build;
        if (!node) continue;
        const files = project.files.filter((f) => isInside(f.path, context));
        if (files.length === 0) continue;
        const gitlink = selfAndAncestors(context).find((d) => d !== '.' && git.tracked.has(d) && !project.files.some((f) => f.path === d));
        if (gitlink) {
          if (!hasGitmodules) report({ file: file.path, range: node.range, messageId: 'embedded', data: { service: service.name, context: gitlink } });
          continue;
        }
        if (files.some((f) => git.tracked.has(f.path))) continue;
        report({ file: file.path, range: node.range, messageId: 'untracked', data: { service: service.name, context, count: files.length } });
      }
    }
  },
});
