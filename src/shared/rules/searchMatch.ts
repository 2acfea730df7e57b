import { parseQuery } from './searchQuery';
import { tokenize, type Token } from './searchText';

/** The folded phrases of a user's search text (what the index matched), for highlighting. */
export function queryPhrases(query: string): string[][] {
  return parseQuery(query).phrases;
}

export function phraseAt(tokens: readonly Token[], at: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) if (tokens[at + k]?.text !== phrase[k]) return false;
  return true;
}

/** All phrase occurrences in `tokens`, as original-text ranges, in order, without overlaps. */
export function findTokenRanges(
  tokens: readonly Token[],
  phrases: readonly (readonly string[])[],
): [number, number][] {
  const ranges: [number, number][] = [];
  let coveredTo = -1;
  for (let i = 0; i < tokens.length; i++) {
    for (const phrase of phrases) {
      if (phrase.length === 0 || !phraseAt(tokens, i, phrase)) continue;
      const first = tokens[i];
      const lastTok = tokens[i + phrase.length - 1];
      if (first && lastTok && first.start >= coveredTo) {
        ranges.push([first.start, lastTok.end]);
        coveredTo = lastTok.end;
      }
      break;
    }
  }
  return ranges;
}

/**
 * Where the phrases of a search occur in `text`, matched the way the index matches them
 * (diacritics and case folded, so "tiet kiem" finds "Tiết kiệm"; each CJK character a token, so
 * "中转" finds the inside of "中转站"): [start, end) UTF-16 offsets into `text`.
 */
export function findPhraseRanges(
  text: string,
  phrases: readonly (readonly string[])[],
): [number, number][] {
  if (phrases.length === 0 || text === '') return [];
  return findTokenRanges(Array.from(tokenize(text)), phrases);
}
