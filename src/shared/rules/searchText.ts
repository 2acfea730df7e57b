/**
 * Text folding shared by the search index and the query parser, so both sides agree:
 * NFKD, combining marks removed (Vietnamese "tiết kiệm" → "tiet kiem"), đ/Đ → d (it is a
 * letter of its own, not d + a mark, so NFKD keeps it), lower case, and every CJK character
 * made a token of its own so a phrase of characters is a substring match ("中转" → "中 转").
 */

const COMBINING_MARKS = /\p{Mn}/gu;
const CJK_CHAR = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;
// eslint-disable-next-line no-control-regex -- ASCII test: control characters are ASCII too
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u;
const CJK_ONE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The text stored in the FTS index for `text` (whole-string fast path). */
export function foldForIndex(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  const stripped = text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    // NFKD splits Hangul syllables into jamo; recompose them so one syllable stays one token.
    .normalize('NFC')
    .toLowerCase();
  return stripped.replace(CJK_CHAR, ' $1 ');
}

/** How one folded character behaves in a token stream. */
const SEPARATOR = 0;
const WORD = 1;
const CJK = 2;
type Piece = readonly [text: string, kind: number];

const pieceCache = new Map<string, readonly Piece[]>();

/**
 * Folds one code point (as a string) and classifies the result, cached: text repeats the same
 * few thousand characters, and the Unicode property tests are the slow part of tokenising.
 */
function piecesOf(ch: string): readonly Piece[] {
  let pieces = pieceCache.get(ch);
  if (pieces === undefined) {
    const folded = ch
      .normalize('NFKD')
      .replace(COMBINING_MARKS, '')
      .replace(/[đĐ]/g, 'd')
      .normalize('NFC')
      .toLowerCase();
    pieces = Array.from(folded, (c): Piece => [
      c,
      CJK_ONE.test(c) ? CJK : TOKEN_CHAR.test(c) ? WORD : SEPARATOR,
    ]);
    if (pieceCache.size < 50_000) pieceCache.set(ch, pieces);
  }
  return pieces;
}

export interface Token {
  /** Folded token text, as the index sees it. */
  text: string;
  /** UTF-16 offsets into the original string. */
  start: number;
  end: number;
}

function isAsciiTokenChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/**
 * Tokenises `text` the way the index does (letters, digits and private-use characters form
 * tokens; CJK characters are single tokens), yielding original offsets for highlighting.
 * Lazy, so a caller can stop at the first match in a 20 KB answer.
 */
export function* tokenize(text: string, from = 0): Generator<Token> {
  let current = '';
  let start = -1;
  let end = -1;
  for (let i = from; i < text.length;) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (isAsciiTokenChar(code)) {
        if (start < 0) start = i;
        current += code <= 90 && code >= 65 ? String.fromCharCode(code + 32) : text[i];
        end = i + 1;
      } else if (start >= 0) {
        yield { text: current, start, end };
        current = '';
        start = -1;
      }
      i += 1;
      continue;
    }
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    const pieces = piecesOf(text.slice(i, i + width));
    if (pieces.length === 0 && start >= 0) end = i + width; // a lone combining mark belongs to its letter
    for (const [ch, kind] of pieces) {
      if (kind === WORD) {
        if (start < 0) start = i;
        current += ch;
        end = i + width;
        continue;
      }
      if (start >= 0) yield { text: current, start, end };
      current = '';
      start = -1;
      if (kind === CJK) yield { text: ch, start: i, end: i + width };
    }
    i += width;
  }
  if (start >= 0) yield { text: current, start, end };
}

/** Folded tokens of a query fragment. */
export function queryTokens(fragment: string): string[] {
  return Array.from(tokenize(fragment), (t) => t.text);
}
