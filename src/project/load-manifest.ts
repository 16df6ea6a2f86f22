import { parse as parseToml } from 'smol-toml';
import type { Manifest, TextFile } from './model.js';
import { pointRange } from './range.js';

/** Reads the dependency names of a manifest; never throws (a broken manifest gets parseError). */
export function loadManifest(file: TextFile, ecosystem: string): Manifest {
  const manifest: Manifest = { ...file, ecosystem, dependencies: [] };
  try {
    if (file.path.endsWith('.json')) {
      const data = JSON.parse(file.text) as Record<string, unknown>;
      manifest.data = data;
      for (const key of ['dependencies', 'devDependencies', 'optionalDependencies', 'require', 'require-dev']) {
        const deps = data?.[key];
        manifest.dependencies.push(...keysOf(deps));
      }
    } else if (file.path.endsWith('.toml') || /(^|\/)Pipfile$/.test(file.path)) {
      const data = parseToml(file.text) as Record<string, any>;
      manifest.data = data;
      // Any value may have any type in a file we did not write: only tables give names, only strings give specs.
      const deps = [
        ...keysOf(data.dependencies),
        ...keysOf(data.packages),
        ...keysOf(data.tool?.poetry?.dependencies),
        ...(Array.isArray(data.project?.dependencies) ? (data.project.dependencies as unknown[]).filter((d): d is string => typeof d === 'string').map((d) => d.split(/[\s<>=!~;[]/)[0]) : []),
      ];
      manifest.dependencies.push(...deps);
    } else if (ecosystem === 'pip') {
      for (const line of file.lines) {
        const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line);
        if (m && !line.trim().startsWith('-')) manifest.dependencies.push(m[1]);
      }
    } else if (ecosystem === 'go') {
      for (const line of file.lines) {
        const m = /^\s*(?:require\s+)?([\w.-]+\.[\w.-]+\/[\w./-]+)\s+v/.exec(line);
        if (m) manifest.dependencies.push(m[1]);
      }
    } else if (ecosystem === 'bundler') {
      for (const line of file.lines) {
        const m = /^\s*gem\s+['"]([^'"]+)['"]/.exec(line);
        if (m) manifest.dependencies.push(m[1]);
      }
    }
  } catch (error) {
    const message = (error as Error).message.split('\n')[0];
    const pos = /line (\d+)/i.exec((error as Error).message) ?? /position (\d+)/.exec(message);
    let line = 1;
    if (pos && /line/i.test(pos[0])) line = Number(pos[1]);
    else if (pos) line = file.text.slice(0, Number(pos[1])).split('\n').length;
    manifest.parseError = { message, range: pointRange(line) };
  }
  return manifest;
}

/** The keys of a table/object value; nothing for strings, numbers, arrays or null. */
function keysOf(value: unknown): string[] {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}
