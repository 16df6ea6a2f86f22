import { defineRule } from '../rule.js';
import { pointRange } from '../../project/range.js';

export default defineRule({
  id: 'codebase/not-a-git-repository',
  factor: 'codebase',
  severity: 'warning',
  swarm: 'none',
  recommended: true,
  inputs: ['git'],
  docs: {
    summary: 'The project is not tracked in a git repository',
    rationale:
      'Factor I: one codebase tracked in revision control, many deploys. Without version control there is no way to say which code a running service was built from, nor to roll back to it.',
    fix: 'Run `git init` and commit the project, or audit the checkout of the repository instead of a copy.',
    swarm: 'Swarm does not need git, but image tags that name a commit (`app:3f2c1e9`) are how a stack says which code runs; without a repository there is nothing to tag from.',
    bad: '$ git status\nfatal: not a git repository (or any of the parent directories): .git',
    good: '$ git init && git add -A && git commit -m "Initial commit"\n$ docker build -t registry.example.com/app:$(git rev-parse --short HEAD) .',
    exampleLanguage: 'sh',
  },
  messages: {
    notRepo: 'This directory is not inside a git repository; the codebase has no revision history to deploy from',
  },
  check({ project, report }) {
    if (project.singleFiles || !project.git || project.git.isRepo || project.git.unavailable) return;
    report({ file: '.', range: pointRange(1), messageId: 'notRepo' });
  },
});
