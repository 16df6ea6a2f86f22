/** Which files of a project describe one app in different environments. */
import { basename, dirname } from '../../project/classify.js';

/** Folders that hold per-environment files of the app one level up. */
const ENV_DIRS = /^(\.?docker|deploy|deployment|deployments|prod|production|staging|stage|dev|development|infra|ops|compose|stacks?|swarm|environments?|envs?|config|\.devcontainer)$/i;

/** Names of environments. */
export const ENV_NAME = /^(dev|develop|development|local|prod|production|prd|staging|stage|test|testing|ci|release|debug|live)$/i;

/** Two files belong to the same app: same folder, or one sits in an environment folder right below the other. */
export function sameApp(a: string, b: string): boolean {
  const da = dirname(a);
  const db = dirname(b);
  if (da === db) return true;
  const child = (parent: string, c: string) => dirname(c) === parent && ENV_DIRS.test(basename(c));
  if (child(da, db) || child(db, da)) return true;
  // docker/dev/… and docker/prod/…
  return dirname(da) === dirname(db) && ENV_NAME.test(basename(da)) && ENV_NAME.test(basename(db));
}

const PROD = /(^|[.\-_/])(prod|production|prd|live|release|stack|swarm|deploy|deployment)([.\-_/]|$)/i;
const NOT_PROD = /(^|[.\-_/])(dev|develop|development|local|test|tests|testing|ci|e2e|debug|example|sample|template)([.\-_/]|$)/i;

/** A file named for production or deployment (`docker-compose.prod.yml`, `docker-stack.yml`, `.env.production`, `deploy/compose.yml`). */
export function isProductionName(path: string): boolean {
  const name = basename(path).replace(/\.ya?ml$/i, '');
  const parent = basename(dirname(path));
  if (NOT_PROD.test(name)) return false;
  return PROD.test(name) || (/^(prod|production|deploy|deployment|stacks?|swarm)$/i.test(parent) && !NOT_PROD.test(parent));
}

/** A file named for development or tests. */
export function isDevelopmentName(path: string): boolean {
  return NOT_PROD.test(basename(path).replace(/\.ya?ml$/i, ''));
}
