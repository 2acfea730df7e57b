/** Auto titles are short summaries of the first message. */
export const TITLE_MAX = 60;
/** The one limit on any stored title (typed, derived, imported), in code points. */
export const TITLE_MAX_LENGTH = 200;

// Bidi embeddings/overrides/isolates and marks: they can flip how a title (and the list) reads.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// Zero-width and invisible format characters; a ZWJ inside an emoji sequence is kept below.
const INVISIBLES = /[\u200B-\u200D\u2060-\u2064\uFEFF\u180E\u00AD]/g;
const EMOJI_ZWJ = /(\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/gu;
const ZWJ_PLACEHOLDER = '\u0000';
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0001-\u001f\u007f-\u009f]/g;

/**
 * What any title goes through before it is stored: no bidi overrides, no zero-width or control
 * characters, whitespace collapsed, at most TITLE_MAX_LENGTH code points. A title made only of
 * invisible characters comes out empty (and so counts as no title).
 */
export function cleanTitle(text: string): string {
  const visible = text
    .replaceAll(ZWJ_PLACEHOLDER, ' ')
    .replace(EMOJI_ZWJ, `$1${ZWJ_PLACEHOLDER}`)
    .replace(BIDI_CONTROLS, '')
    .replace(INVISIBLES, '')
    .replace(CONTROLS, ' ')
    .replaceAll(ZWJ_PLACEHOLDER, '\u200D')
    .replace(/\s+/g, ' ')
    .trim();
  const points = Array.from(visible);
  return points.length <= TITLE_MAX_LENGTH
    ? visible
    : points.slice(0, TITLE_MAX_LENGTH).join('').trimEnd();
}

/** A title from the first user message: cleaned, cut at a word boundary near 60 chars. */
export function deriveTitle(text: string, max = TITLE_MAX): string {
  const flat = cleanTitle(text.length > 4 * max ? text.slice(0, 4 * max) : text);
  if (flat.length <= max) return flat;
  const head = flat.slice(0, max + 1);
  const space = head.lastIndexOf(' ');
  // Scripts without spaces (Chinese) have no word boundary: cut at the limit, whole code points.
  let cut = space >= max / 2 ? space : max;
  const code = flat.charCodeAt(cut);
  if (code >= 0xdc00 && code <= 0xdfff) cut -= 1;
  return flat.slice(0, cut).replace(/[\s,.;:!?、，。-]+$/u, '') + '…';
}
