/**
 * Edits of compose files that `--fix` may make: whole lines only, never touching bytes outside them.
 */
import type { ComposeFile, ComposeService, Project } from '../model.js';
import type { Range } from '../range.js';
import { lastLine, type YEntry } from '../yaml-tree.js';


/**
 * Removes a service key and its value, lines and all (`container_name: web`, a `links:` list). Undefined when that
 * cannot be done by whole lines: a key merged from an anchor, a flow map (`{image: x, links: [db]}`), another key or
 * value sharing one of its lines.
 */
export function removeEntry(file: ComposeFile, service: ComposeService, entry: YEntry): { range: Range; text: string } | undefined {
  if (entry.merged || service.node.kind !== 'map') return undefined;
  const first = entry.keyRange.line;
  const last = lastLine(entry.value.range);
  if (last < first) return undefined;
  const others = service.node.entries.filter((e) => e !== entry && !e.merged);
  if (others.some((e) => (e.keyRange.line >= first && e.keyRange.line <= last) || lastLine(e.value.range) === first)) return undefined;
  // Only spaces before the key: a block mapping entry on its own lines.
  if (!/^\s*$/.test((file.lines[first - 1] ?? '').slice(0, entry.keyRange.column - 1))) return undefined;
  const end = last < file.lines.length ? { endLine: last + 1, endColumn: 1 } : { endLine: last, endColumn: (file.lines[last - 1] ?? '').length + 1 };
  return { range: { line: first, column: 1, ...end }, text: '' };
}

/** A file written for docker stack deploy (named as a stack file, or with --stack): keys Swarm ignores do nothing in it. */
export function stackFile(project: Project, file: ComposeFile): boolean {
  const role = project.facts.composeStatus(file).role;
  return role === 'stack' || role === 'chosen';
}
