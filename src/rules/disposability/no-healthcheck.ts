import { defineRule } from '../rule.js';
import type { ComposeService, Project } from '../../project/model.js';
import { programOf } from '../../project/facts/shell.js';
import { getValue } from '../../project/yaml-tree.js';
import { resolvedString } from '../../project/load-compose.js';
import { hasTransparentEntrypoint, imageName } from '../../project/facts/image.js';
import { isMigration } from '../../project/facts/commands.js';
import { buildTarget } from '../../project/facts/service.js';

function hasComposeHealthcheck(service: ComposeService): boolean {
  return Boolean(getValue(service.node, 'healthcheck') || (service.overriddenBy && getValue(service.overriddenBy.node, 'healthcheck')));
}

/** A CLI wrapper run with `docker compose run` (`entrypoint: ["composer"]`, `["php", "artisan"]`): no subcommand, so no server. */
function isCliWrapper(service: ComposeService, project: Project): boolean {
  const proc = project.facts.serviceProcess(service);
  if (!proc || proc.commands.length !== 1) return false;
  const { name, args } = programOf(proc.commands[0].words);
  const positional = args.filter((a) => !a.startsWith('-'));
  if (/^(composer|npm|npx|yarn|pnpm|pip3?|poetry|mvn|gradle|make|bundle|cargo|go|mix)$/.test(name)) return positional.length === 0;
  if (/^(php|python[\d.]*|node|ruby)$/.test(name)) return positional.length === 1 && /(^|\/)(artisan|manage\.py|console|bin\/rails|cli\.\w+)$/.test(positional[0]);
  return false;
}

/** Runs once and exits: a job, `restart: "no"`, or a command that is only a migration. */
function isOneOff(service: ComposeService, project: Project): boolean {
  if (getValue(service.node, 'profiles')) return true;
  if (isCliWrapper(service, project)) return true;
  const mode = resolvedString(service.file, getValue(getValue(service.node, 'deploy'), 'mode'));
  if (mode === 'replicated-job' || mode === 'global-job') return true;
  const restart = resolvedString(service.file, getValue(service.node, 'restart'));
  const condition = resolvedString(service.file, getValue(getValue(getValue(service.node, 'deploy'), 'restart_policy'), 'condition'));
  if (restart === 'no' || restart === 'false' || restart === 'on-failure' || condition === 'none' || condition === 'on-failure') return true;
  const proc = project.facts.serviceProcess(service);
  return Boolean(proc && proc.commands.length > 0 && proc.commands.every((c) => isMigration(c.words)));
}

/** Base images known to define no HEALTHCHECK of their own. */
function baseWithoutHealthcheck(image: string): boolean {
  const name = imageName(image);
  return hasTransparentEntrypoint(image) || name === 'scratch' || name.startsWith('gcr.io/distroless/');
}

export default defineRule({
  id: 'disposability/no-healthcheck',
  factor: 'disposability',
  severity: 'info',
  swarm: 'none',
  recommended: true,
  inputs: ['dockerfile', 'compose'],
  docs: {
    summary: 'A long-running service built from this project has no healthcheck (neither `HEALTHCHECK` in its Dockerfile nor `healthcheck:` in compose)',
    rationale:
      'Factor IX: processes start fast and are disposable, which only works when the platform can tell a started process from a ready one. Without a healthcheck a container counts as healthy the moment its process exists, even while it is still booting, deadlocked or unable to reach its database.',
    fix: 'Add a `healthcheck:` to the service (or `HEALTHCHECK` to the Dockerfile) that probes readiness cheaply, e.g. `test: ["CMD", "wget", "-qO-", "http://localhost:8000/healthz"]` with `start_period` covering the boot time. Use `disable: true` to say on purpose that a service has none.',
    swarm: 'Swarm uses the healthcheck to decide when a new task is running during a rolling update (`update_config.monitor`, `failure_action: rollback`) and replaces unhealthy tasks; without one an update rolls on even when the new version never becomes ready.',
    bad: 'services:\n  api:\n    build: ./api\n    image: registry.example.com/api:1.4.2',
    good: 'services:\n  api:\n    build: ./api\n    image: registry.example.com/api:1.4.2\n    healthcheck:\n      test: ["CMD", "wget", "-qO-", "http://localhost:8000/healthz"]\n      interval: 10s\n      start_period: 20s',
    exampleLanguage: 'yaml',
  },
  messages: {
    noHealthcheck: 'Service "{{service}}" is built from {{dockerfile}}, which has no HEALTHCHECK, and the service defines no healthcheck: Swarm counts a task as running before the app is ready; add a `healthcheck:` (or `disable: true` if none applies)',
  },
  check({ project, report }) {
    for (const file of project.facts.deployedComposeFiles()) {
      for (const service of file.services) {
        const d = service.dockerfile;
        if (!d || hasComposeHealthcheck(service)) continue;
        const image = project.facts.image(d, buildTarget(service));
        if (image.healthcheck) continue;
        const base = image.base;
        if (!base || !baseWithoutHealthcheck(base.image)) continue;
        if (isOneOff(service, project)) continue;
        report({ file: file.path, range: service.keyRange, messageId: 'noHealthcheck', data: { service: service.name, dockerfile: d.path } });
      }
    }
  },
});
