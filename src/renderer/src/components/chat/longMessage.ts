// A message this long is collapsed: a megabyte on one line laid out in full is a quarter of a
// million pixels tall, and laying it out (or formatting it) on every streamed delta is what makes
// a window stutter. The collapsed view shows a prefix; "Show all" shows everything.
export const COLLAPSE_OVER_CHARS = 20_000;
const COLLAPSED_CHARS = 4_000;

/**
 * The part of `text` shown while collapsed, or null when `text` is short enough to show whole.
 * The cut prefers the end of a paragraph, then of a line, and never splits a surrogate pair.
 */
export function collapsedPrefix(text: string): string | null {
  if (text.length <= COLLAPSE_OVER_CHARS) return null;
  let cut = COLLAPSED_CHARS;
  const paragraph = text.lastIndexOf('\n\n', cut);
  const line = text.lastIndexOf('\n', cut);
  if (paragraph > cut / 2) cut = paragraph;
  else if (line > cut / 2) cut = line;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return text.slice(0, cut);
}
