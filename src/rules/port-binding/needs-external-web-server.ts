import { defineRule } from '../rule.js';
import type { ComposeFile, ComposeService, Dockerfile, Project } from '../../project/model.js';
import type { Range } from '../../project/range.js';
import { parseImageRef } from '../../project/load-dockerfile.js';
import { serviceImage } from '../../project/facts/service.js';
import { imageFacts, imageName } from '../../project/facts/image.js';
import { programOf } from '../../project/facts/shell.js';

/** `php:8.3-fpm`, `php:fpm-alpine`, `bitnami/php-fpm`. */
export function isPhpFpmImage(ref: string): boolean {
  const name = imageName(ref);
  const tag = parseImageRef(ref.toLowerCase()).tag ?? '';
  if (name === 'php' || name.endsWith('/php')) return /(^|-)fpm(-|$)/.test(tag);
  return /(^|\/)php[\d.]*-fpm$/.test(name);
}

/** Images that can serve HTTP in front of PHP-FPM (FastCGI). */
const FRONT_IMAGE = /^(nginx|nginxinc\/[\w.-]+|bitnami\/nginx|openresty\/[\w.-]+|httpd|bitnami\/apache|caddy|lucaslorentz\/caddy-docker-proxy|lighttpd|[\w.-]+\/lighttpd|h2o|trafex\/php-nginx|webdevops\/[\w.-]+|dunglas\/frankenphp)$/;

/** Things in a Dockerfile that put a web server or a process manager into the PHP image itself. */
const OWN_SERVER = /\b(nginx|apache2?|httpd|caddy|lighttpd|openresty|frankenphp|supervisord?|s6-overlay|roadrunner|swoole|octane|php\s+-S|artisan\s+serve)\b/i;

function isFrontDockerfile(d: Dockerfile | undefined): boolean {
  const base = d && imageFacts(d).base;
  return Boolean(base && FRONT_IMAGE.test(imageName(base.image)));
}

function isFrontService(s: ComposeService): boolean {
  const image = serviceImage(s);
  if (image && FRONT_IMAGE.test(imageName(image.value))) return true;
  return isFrontDockerfile(s.dockerfile);
}

/** Compose files deployed together with this one: itself, its override, the file it overrides. */
function family(file: ComposeFile): ComposeFile[] {
  return [file, file.override, file.overrides].filter((f): f is ComposeFile => Boolean(f));
}

function frontIn(files: readonly ComposeFile[]): boolean {
  return files.some((f) => f.services.some(isFrontService));
}

/** The PHP-FPM image runs FPM itself (its default CMD, or php-fpm named). */
function runsFpm(project: Project, d: Dockerfile, target: string | undefined): boolean {
  const proc = project.facts.imageProcess(d, target);
  if (!proc) return true;
  return proc.steps.some((s) => /^php-fpm[\d.]*$/.test(programOf(s.command.words).name));
}

export default defineRule({
  id: 'port-binding/needs-external-web-server',
  factor: 'port-binding',
  severity: 'info',
  swarm: 'none',
  recommended: true,
  inputs: ['dockerfile', 'compose'],
  docs: {
    summary: 'A PHP-FPM image serves FastCGI, not HTTP, and no web server in the project fronts it',
    rationale:
      'Factor VII: a twelve-factor app is self-contained and exports HTTP by binding to a port. `php:*-fpm` listens on port 9000 for FastCGI only; it needs a separate web server (nginx, Caddy, Apache) to turn HTTP into FastCGI, and that server has to be deployed with it.',
    fix: 'Deploy a web server next to it (an nginx or Caddy service whose config passes `*.php` to `<service>:9000` with `fastcgi_pass`/`php_fastcgi`), or build on an image that serves HTTP itself (`php:*-apache`, FrankenPHP).',
    swarm: 'Swarm publishes whatever port you list, but publishing 9000 gives clients a FastCGI socket, not a website.',
    bad: '# Dockerfile\nFROM php:8.3-fpm\nCOPY . /var/www/html\n# compose.yaml: only the app service, no nginx',
    good: 'services:\n  app:\n    image: registry.example.com/app:1.4.2   # FROM php:8.3-fpm\n  web:\n    image: nginx:1.27\n    ports: ["80:80"]',
    exampleLanguage: 'yaml',
  },
  messages: {
    dockerfile: '{{dockerfile}} is built on {{image}}, which speaks FastCGI, not HTTP, and {{where}}; add an nginx or Caddy service, or use an image that serves HTTP',
    service: 'Service "{{service}}" runs {{image}}, which speaks FastCGI, not HTTP, and {{where}}; add an nginx or Caddy service, or use an image that serves HTTP',
  },
  check({ project, report }) {
    for (const image of project.facts.images()) {
      const d = image.dockerfile;
      const base = image.base;
      if (!base || !isPhpFpmImage(base.image)) continue;
      if (image.instructions.some((i) => i.keyword !== 'FROM' && OWN_SERVER.test(i.args)) || !runsFpm(project, d, image.target)) continue;
      const where = whereFor(project, d.usedBy);
      if (!where) continue;
      report({ file: d.path, range: base.from.range, messageId: 'dockerfile', data: { dockerfile: d.path, image: base.image, where } });
    }
    for (const file of project.composeFiles) {
      for (const service of file.services) {
        if (service.dockerfile) continue;
        const image = serviceImage(service);
        if (!image || !isPhpFpmImage(image.value)) continue;
        if (frontIn(family(file))) continue;
        report({ file: file.path, range: image.node.range as Range, messageId: 'service', data: { service: service.name, image: image.value, where: `${family(file).map((f) => f.path).join(', ')} ${family(file).length > 1 ? 'run' : 'runs'} no web server to front it` } });
      }
    }
  },
});

/** Where we looked for a web server, or undefined when one is there. */
function whereFor(project: Project, usedBy: readonly ComposeService[]): string | undefined {
  if (usedBy.length > 0) {
    const files = [...new Set(usedBy.flatMap((s) => family(s.file)))];
    if (frontIn(files)) return undefined;
    return `${files.map((f) => f.path).join(', ')} ${files.length > 1 ? 'run' : 'runs'} no web server to front it`;
  }
  if (frontIn(project.composeFiles) || project.dockerfiles.some(isFrontDockerfile)) return undefined;
  return 'no compose file or Dockerfile of this project runs a web server to front it';
}
