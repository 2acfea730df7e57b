/**
 * Most of an answer is prose, and while it streams its growing last block is formatted again in
 * every frame. A block that is one line of plain prose needs no parser: Markdown shows it as a
 * paragraph holding exactly its text, the element react-markdown would make, for a fraction of
 * the cost (`npm run bench:markdown`). So does a heading (`## Step 1: install`) whose text is
 * plain: the heading element holding its text.
 *
 * "Plain" is decided from characters alone, and conservatively: a block that holds any character
 * some construct needs is left to the parser.
 * - inline markup: `\` escapes, `` ` `` code, `*` `_` `~` emphasis and strike-through, `[` `]`
 *   links, images, footnotes and task boxes, `<` HTML and autolinks, `&` character references,
 *   `$` math;
 * - GFM's literal autolinks: `@` (e-mail, `mailto:`, `xmpp:`), `www.`, `://`;
 * - what only acts at the start of a line: indentation, `#` headings, `>` quotes, `-` `+`
 *   (and `*`) list items and rules, `1.` `1)` numbered items (a heading's text is inline, so
 *   these do not count there; a `#` does, anywhere in it, as it may close the heading);
 * - anything across lines (setext headings, tables, hard breaks): one line only. A tab, a
 *   carriage return, a NUL or a byte-order mark (which the parser rewrites or drops) sends the
 *   block to the parser too.
 */
const MARKUP = /[\\`*_~[\]<&$@\t\r\n\0\uFEFF]|:\/\/|www\./i;
const BLOCK_START = /^(?:[ #>+-]|\d{1,9}[.)])/;

const HEADING = /^(#{1,6}) +([^#]*)$/;

export interface ProseBlock {
  readonly tag: 'p' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  readonly text: string;
}

/**
 * The element and its text when `source` is one line of plain prose, or a heading of plain text,
 * else null. Trailing spaces are dropped as the parser drops them; one trailing line end is
 * allowed.
 */
export function proseBlock(source: string, maxChars: number): ProseBlock | null {
  const line = source.endsWith('\n') ? source.slice(0, -1) : source;
  if (line.length === 0 || line.length > maxChars || MARKUP.test(line)) return null;
  const heading = HEADING.exec(line);
  if (heading) {
    const text = (heading[2] ?? '').replace(/ +$/, '');
    const level = heading[1]?.length ?? 0;
    return text.length > 0 ? { tag: `h${level}` as ProseBlock['tag'], text } : null;
  }
  if (BLOCK_START.test(line)) return null;
  const text = line.replace(/ +$/, '');
  return text.length > 0 ? { tag: 'p', text } : null;
}
