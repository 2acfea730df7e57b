import { findPhraseRanges } from '../../../../shared/rules/searchMatch';

/** Text that is not what the user wrote or read: controls, hidden labels, editors. */
const SKIP = 'button, textarea, input, select, [aria-hidden="true"], .visually-hidden';
/** Text in two different blocks never joins into one word ("foo</p><p>bar" is not "foobar"). */
const BLOCK = 'p, li, pre, h1, h2, h3, h4, h5, h6, td, th, blockquote, dt, dd, div, article, tr';

/**
 * DOM ranges of the search phrases inside `root`, matched like the search index does
 * (Vietnamese typed without diacritics, Chinese substrings). A phrase may span inline elements
 * ("tiết <strong>kiệm</strong>"); text in separate blocks is kept apart.
 */
export function phraseRangesIn(root: Element, phrases: readonly (readonly string[])[]): Range[] {
  if (phrases.length === 0) return [];
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  let lastBlock: Element | null = null;
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const node = n as Text;
    const parent = node.parentElement;
    if (node.data === '' || !parent || parent.closest(SKIP)) continue;
    const block = parent.closest(BLOCK);
    if (nodes.length > 0 && block !== lastBlock) text += '\n';
    lastBlock = block;
    nodes.push(node);
    starts.push(text.length);
    text += node.data;
  }
  // The node holding offset `pos`: for a range end, the node the previous character is in.
  const locate = (pos: number, isEnd: boolean): [Text, number] | null => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = starts[mid] ?? 0;
      if (isEnd ? start < pos : start <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const node = nodes[found];
    return node ? [node, pos - (starts[found] ?? 0)] : null;
  };
  const ranges: Range[] = [];
  for (const [start, end] of findPhraseRanges(text, phrases)) {
    const from = locate(start, false);
    const to = locate(end, true);
    if (!from || !to) continue;
    const range = doc.createRange();
    range.setStart(from[0], from[1]);
    range.setEnd(to[0], to[1]);
    ranges.push(range);
  }
  return ranges;
}
