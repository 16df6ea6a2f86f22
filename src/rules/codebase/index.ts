import type { AnyRule } from '../rule.js';
import notAGitRepository from './not-a-git-repository.js';
import codeFetchedAtBuild from './code-fetched-at-build.js';
import untrackedBuildContext from './untracked-build-context.js';

/** Rules of the codebase family, registered in src/rules/index.ts. */
export const rules: readonly AnyRule[] = [notAGitRepository, codeFetchedAtBuild, untrackedBuildContext];
