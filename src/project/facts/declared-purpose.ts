/**
 * What a deploy file says about itself: its leading comments (`# Docker compose for
 * development purposes only.`) or a README paragraph that names it (`This
 * docker-compose.yml is configured for local testing only, and is not intended for
 * production use.`). Maintainers write this where a file name does not say it.
 */
import type { Project, TextFile } from '../model.js';
import { basename, dirname, joinPath } from '../paths.js';

/** Words that declare a file is not for production use. */
const NOT_FOR_PRODUCTION = new RegExp(
  [
    String.raw`\bfor\s+(?:local\s+)?(?:development|dev|testing|test|debugging)(?:\s+(?:purposes?|use|usage|environments?))?\s+only\b`,
    String.raw`\b(?:development|dev|local[\s-]+development|local[\s-]+testing|testing|local)\s+(?:purposes?\s+|use\s+|usage\s+|environments?\s+)?only\b`,
    String.raw`\bnot\s+(?:\w+\s+)?(?:intended|meant|suitable|designed|recommended|ready|supposed\s+to\s+be\s+used)\s+(?:for|in)\s+(?:a\s+)?production\b`,
    String.raw`\b(?:do\s+not|don't|never)\s+(?:use|run|deploy)\s+(?:this|it)?\s*(?:\w+\s+)?in\s+(?:a\s+)?production\b`,
    String.raw`\bnot\s+for\s+production\b`,
    // `THIS IS NOT TO BE USED FOR PERSONAL DEPLOYMENTS!`, `used for internal testing deployments`
    String.raw`\bnot\s+to\s+be\s+used\s+(?:for|in)\s+(?:\w+\s+)?(?:deployments?|production)\b`,
    String.raw`\bfor\s+internal\s+(?:testing|test|development|dev)\b`,
    // `This configuration is intended for development purpose, it's your responsibility to harden it for production` (JHipster)
    String.raw`\b(?:intended|meant|designed)\s+(?:only\s+)?for\s+(?:local\s+)?(?:development|dev|testing)(?:\s+(?:purposes?|use|only))?\b`,
    String.raw`\b(?:is|are)\s+for\s+(?:the\s+|a\s+)?(?:local\s+)?(?:development|dev)\s+(?:setup|environment|env|purposes?|use|stack)\b`,
  ].join('|'),
  'i',
);

export interface DeclaredPurpose {
  purpose: 'development' | 'example';
  /** For messages: `its comments say "for development purposes only"`. */
  reason: string;
}

/** The first comment block of a YAML file or Dockerfile (`#` lines before the first other line). */
function leadingComments(lines: readonly string[]): string {
  const out: string[] = [];
  for (const line of lines.slice(0, 40)) {
    const t = line.trim();
    if (t === '' || t === '---' || /^#\s*(syntax|escape|check)\s*=/i.test(t)) continue; // blank lines, YAML start, parser directives
    if (!t.startsWith('#')) break;
    out.push(t.replace(/^#+\s?/, ''));
  }
  return out.join(' ');
}

/** A compose/stack file or Dockerfile named in prose: `docker-compose.yml`, `deploy/stack.yaml`, `Dockerfile.dev`. */
const FILE_NAME = /[\w./-]*(?:compose|stack)[\w.-]*\.ya?ml\b|[\w./-]*Dockerfile(?:\.[\w-]+)?\b/gi;

/** The first line of a document that is not blank or an underline (`===`), without `#` marks. */
function titleOf(text: string): string | undefined {
  for (const line of text.split(/\r?\n/).slice(0, 10)) {
    const t = line.replace(/^#+\s*/, '').trim();
    if (t && !/^[=\-]+$/.test(t)) return t.slice(0, 80);
  }
  return undefined;
}

/** Sentences and list items of a document: a claim is about the files named in the same sentence. */
function sentences(text: string): string[] {
  return text.split(/\n\s*\n|\n\s*(?:[-*+]|\d+\.)\s+|(?<=[.!?])\s+(?=[A-Z`*_])/);
}

const quote = (m: RegExpExecArray): string => m[0].replace(/\s+/g, ' ').trim();

/** What the file itself or a README says it is for; undefined when nothing is declared. */
export function declaredPurpose(project: Project, file: TextFile): DeclaredPurpose | undefined {
  // Markdown emphasis in comments (`**development**`) does not change what they say.
  const header = leadingComments(file.lines).replace(/[*_]{1,3}(\w[^*_]*\w)[*_]{1,3}/g, '$1');
  const own = NOT_FOR_PRODUCTION.exec(header);
  if (own) return { purpose: 'development', reason: `its comments say "${quote(own)}"` };
  // A folder whose README is titled as examples (`Docker-Compose Examples`) holds examples; the root README names the project.
  const folder = dirname(file.path);
  const folderReadme = folder === '.' ? undefined : project.readmes.find((r) => dirname(r.path) === folder);
  const title = folderReadme ? titleOf(folderReadme.text) : undefined;
  if (folderReadme && title && /\b(examples|samples)\b/i.test(title)) return { purpose: 'example', reason: `${folderReadme.path} is titled "${title}"` };
  const name = basename(file.path);
  const sameName = [...project.composeFiles, ...project.dockerfiles].filter((f) => basename(f.path) === name).length;
  for (const readme of project.readmes) {
    const dir = dirname(readme.path);
    for (const sentence of sentences(readme.text)) {
      const m = NOT_FOR_PRODUCTION.exec(sentence);
      if (!m) continue;
      // The sentence names the file: by its path from the README, or by its name when no other file has it.
      const names = [...sentence.matchAll(FILE_NAME)].map((x) => x[0].replace(/^\.\//, ''));
      if (names.some((n) => joinPath(dir, n) === file.path || (n === name && sameName === 1))) {
        return { purpose: 'development', reason: `${readme.path} says it is "${quote(m)}"` };
      }
    }
  }
  return undefined;
}
