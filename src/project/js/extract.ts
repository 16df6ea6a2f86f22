import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { callsVisitor } from './extract/calls.js';
import { dbChoicesVisitor } from './extract/db-choices.js';
import { envVisitor } from './extract/env.js';
import { importsVisitor } from './extract/imports.js';
import { Scope, type OffsetTree } from './extract/scope.js';
import { stringsVisitor } from './extract/strings.js';
import { Walk } from './extract/walk.js';
import type { JsFacts } from './facts.js';

export { KNOWN_SECRET_FORMAT } from './extract/strings.js';

/**
 * Walks one ESTree program and returns the facts source rules read. Pure and
 * synchronous; runs in the main thread or a worker. Never throws on odd trees:
 * anything it does not understand becomes `unknown`.
 *
 * One walk feeds every visitor; each produces its facts after it, when every
 * declaration is known. `tree` describes a tree from oxc-parser (positions as
 * offsets, another key order); typescript-estree's trees need nothing more.
 */
export function extractFacts(program: TSESTree.Program, tree?: OffsetTree): JsFacts {
  const scope = new Scope(tree);
  const imports = importsVisitor(scope);
  const calls = callsVisitor(scope);
  const env = envVisitor(scope);
  const strings = stringsVisitor(scope);
  const dbChoices = dbChoicesVisitor(scope);
  new Walk(scope).run(program, [imports, calls, env, strings, dbChoices]);
  const { calls: callFacts, signalHandlers } = calls.finish();
  const { envReads, envWrites, nodeEnvChecks } = env.finish();
  return { imports: imports.finish(), calls: callFacts, envReads, envWrites, nodeEnvChecks, strings: strings.finish(), signalHandlers, dbChoices: dbChoices.finish() };
}
