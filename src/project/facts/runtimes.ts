/**
 * Which languages the release images run: a Playwright script in Python inside a PHP image, or a
 * maintainer's Python helper in a Go project, is not part of what ships, whatever the build context copies.
 * Read from the stages that reach a release image: their base images, what RUN installs or calls, and
 * the start command.
 */
import type { Dockerfile, SourceFile } from '../model.js';
import type { DockerfileStatus } from './deploy.js';
import { imageName } from './image.js';

export type RuntimeLanguage = Extract<SourceFile['language'], 'js' | 'ts' | 'python' | 'go' | 'ruby' | 'php' | 'java' | 'csharp' | 'rust'>;

/** Base images that say which language they run (the last path segment and the tag's variant are read). */
const IMAGE_LANGUAGE: [RegExp, RuntimeLanguage[]][] = [
  [/(^|[/-])(python|pypy|uvicorn|gunicorn|django|conda|miniconda3?|anaconda3?|jupyter)|astral-sh\/uv|distroless\/python/, ['python']],
  [/(^|[/-])(golang|tinygo)$/, ['go']],
  [/(^|[/-])(ruby|rails|passenger[\w-]*|jruby)/, ['ruby']],
  [/(^|[/-])(php|wordpress|drupal|joomla|nextcloud|laravel|composer|frankenphp|roadrunner|php-fpm|serversideup)/, ['php']],
  [/(^|[/-])(openjdk|java|eclipse-temurin|temurin|amazoncorretto|corretto|maven|gradle|tomcat|jetty|liberica[\w-]*|zulu[\w-]*|sapmachine|semeru[\w-]*|ibmjava|wildfly|payara[\w-]*|open-liberty|graalvm[\w-]*|jre|jdk)|distroless\/java/, ['java']],
  [/(^|[/-])(node|nodejs|bun|deno|oven\/bun)|distroless\/nodejs/, ['js', 'ts']],
  [/(^|\/)dotnet\//, ['csharp']],
  [/(^|[/-])rust$/, ['rust']],
];

/** Base images that bring no language of their own: what runs is what RUN installs or copies. */
const PLAIN_IMAGE = /^(alpine|debian|ubuntu|busybox|scratch|centos|fedora|rockylinux|almalinux|amazonlinux|archlinux|opensuse\/[\w-]+|redhat\/ubi\d+(-minimal|-micro)?|registry\.access\.redhat\.com\/ubi\d+(\/ubi(-minimal|-micro)?)?|ubi\d+|nginx|nginxinc\/nginx-unprivileged|httpd|caddy|traefik|haproxy|bitnami\/minideb|cgr\.dev\/chainguard\/(static|wolfi-base)|chainguard\/(static|wolfi-base)|gcr\.io\/distroless\/(static|base|cc)(-debian\d+)?|s6-overlay|lsiobase\/[\w-]+|ghcr\.io\/linuxserver\/baseimage-[\w-]+|linuxserver\/baseimage-[\w-]+|phusion\/baseimage)$/;

/** Words in RUN, CMD and ENTRYPOINT that install or run a language. */
const COMMAND_LANGUAGE: [RegExp, RuntimeLanguage[]][] = [
  [/\b(python[\d.]*|pip[\d.]*|pipenv|poetry|uvx?|gunicorn|uvicorn|hypercorn|daphne|celery|django-admin|py3-[\w-]+)\b/, ['python']],
  [/\bgo\s+(build|install|mod|run|generate|get)\b|\bgolang\b/, ['go']],
  [/\b(ruby[\d.]*|bundle|bundler|gem|rails|rake|puma|unicorn|sidekiq)\b/, ['ruby']],
  [/\b(php[\d.]*|php[\d.]*-[\w-]+|composer|artisan|php-fpm[\d.]*)\b/, ['php']],
  [/\b(java|javac|mvnw?|gradlew?|openjdk[\w-]*|default-jre[\w-]*|default-jdk[\w-]*)\b/, ['java']],
  [/\b(node|nodejs|npm|npx|yarn|pnpm|bun|deno)\b/, ['js', 'ts']],
  [/\bdotnet\b/, ['csharp']],
  [/\b(cargo|rustc)\b/, ['rust']],
];

/**
 * Languages the release images run or compile, or undefined when that cannot be told: no release
 * Dockerfile (the code may ship another way), or a stage built FROM an image this list does not place.
 */
export function releaseLanguages(dockerfiles: Iterable<DockerfileStatus>): ReadonlySet<RuntimeLanguage> | undefined {
  const out = new Set<RuntimeLanguage>();
  let releases = 0;
  for (const status of dockerfiles) {
    if (!status.release) continue;
    releases++;
    if (!addLanguages(status.dockerfile, status.releaseStages, out)) return undefined;
  }
  return releases > 0 ? out : undefined;
}

/** Adds what the given stages run; false when a base image cannot be placed. */
function addLanguages(d: Dockerfile, stages: ReadonlySet<number>, out: Set<RuntimeLanguage>): boolean {
  for (const stage of d.stages) {
    if (!stages.has(stage.index)) continue;
    if (!stage.fromStage) {
      const image = stage.imageResolved;
      if (!image || image.includes('$')) return false;
      const name = imageName(image).toLowerCase();
      const known = IMAGE_LANGUAGE.filter(([re]) => re.test(name));
      for (const [, langs] of known) for (const l of langs) out.add(l);
      if (known.length === 0 && !PLAIN_IMAGE.test(name)) return false;
    }
    for (const inst of d.instructions) {
      if (inst.stage !== stage.index || (inst.keyword !== 'RUN' && inst.keyword !== 'CMD' && inst.keyword !== 'ENTRYPOINT')) continue;
      for (const [re, langs] of COMMAND_LANGUAGE) if (re.test(inst.text)) for (const l of langs) out.add(l);
    }
  }
  return true;
}
