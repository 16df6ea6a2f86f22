/** Presentation helpers for messages. */

/** Shortens a command or value for a message: whitespace collapsed, an ellipsis past `max` characters. */
export function short(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 3)}...` : t;
}
