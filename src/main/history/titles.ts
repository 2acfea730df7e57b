export const TITLE_MAX = 60;

/** A title from the first user message: whitespace collapsed, cut at a word boundary near 60 chars. */
export function deriveTitle(text: string, max = TITLE_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const head = flat.slice(0, max + 1);
  const space = head.lastIndexOf(' ');
  // Scripts without spaces (Chinese) have no word boundary: cut at the limit, whole code points.
  let cut = space >= max / 2 ? space : max;
  const code = flat.charCodeAt(cut);
  if (code >= 0xdc00 && code <= 0xdfff) cut -= 1;
  return flat.slice(0, cut).replace(/[\s,.;:!?、，。-]+$/u, '') + '…';
}
