/** Minified or generated bundles (very long lines): vendored output, not code anyone wrote here. */
export function bundleReason(file: { path: string; text: string; lines: readonly string[] }): string | undefined {
  if (/\.min\.[cm]?js$/.test(file.path)) return 'a minified bundle';
  if (file.text.length > 20_000 && file.text.length / Math.max(1, file.lines.length) > 300) return 'generated or minified code (lines average over 300 characters)';
  return undefined;
}
