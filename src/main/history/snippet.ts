import { findTokenRanges, phraseAt } from '../../shared/rules/searchMatch';
import { tokenize, type Token } from '../../shared/rules/searchText';

export interface Snippet {
  snippet: string;
  /** [start, end) UTF-16 offsets into `snippet`. */
  ranges: [number, number][];
}

const CONTEXT_BEFORE = 60;
const SNIPPET_LENGTH = 200;
const ELLIPSIS = '…';

/** Index of the first phrase occurrence, scanning lazily (a long answer is not tokenised whole). */
function firstMatchStart(text: string, phrases: string[][], from: number): number {
  const longest = Math.max(1, ...phrases.map((p) => p.length));
  const window: Token[] = [];
  for (const token of tokenize(text, from)) {
    window.push(token);
    if (window.length > longest) window.shift();
    for (const phrase of phrases) {
      const at = window.length - phrase.length;
      if (at >= 0 && phraseAt(window, at, phrase)) return window[at]?.start ?? 0;
    }
  }
  return -1;
}

function snapBack(text: string, index: number, limit: number): number {
  for (let i = index; i > Math.max(0, index - limit); i--)
    if (/\s/.test(text[i - 1] ?? '')) return i;
  return index;
}

function avoidSplitPair(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

/**
 * A plain-text snippet of `text` around the first match, with match ranges for the renderer to
 * highlight (no markup: model output is never turned into HTML here). Whitespace is flattened
 * one-for-one so offsets stay simple. `from` (a token start) skips text known to hold no match:
 * for a long message, where its first matching index chunk begins.
 */
export function makeSnippet(text: string, phrases: string[][], from = 0): Snippet {
  const first = phrases.length > 0 ? firstMatchStart(text, phrases, from) : -1;
  let start = first <= CONTEXT_BEFORE ? 0 : snapBack(text, first - CONTEXT_BEFORE, 20);
  start = avoidSplitPair(text, start);
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) end = avoidSplitPair(text, end);

  const windowTokens = Array.from(tokenizeRange(text, start, end));
  const prefix = start > 0 ? ELLIPSIS : '';
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const ranges = findTokenRanges(windowTokens, phrases)
    .filter(([, e]) => e <= end)
    .map(([s, e]): [number, number] => [s - start + prefix.length, e - start + prefix.length]);
  return { snippet: prefix + body + (end < text.length ? ELLIPSIS : ''), ranges };
}

function* tokenizeRange(text: string, start: number, end: number): Generator<Token> {
  for (const token of tokenize(text, start)) {
    if (token.start >= end) return;
    yield token;
  }
}
