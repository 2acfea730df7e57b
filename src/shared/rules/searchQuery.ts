import { queryTokens } from './searchText';

/** A user's search text, parsed: each part is a phrase of folded tokens (a bare word is a phrase of one). */
export interface ParsedQuery {
  phrases: string[][];
  /** The FTS5 MATCH expression: every phrase quoted, implicit AND. Empty when nothing is searchable. */
  match: string;
}

const MAX_PHRASES = 16;
const MAX_TOKENS_PER_PHRASE = 64;

/**
 * Parses free text into an FTS5 expression. Everything is quoted, so FTS5 operators typed by
 * the user (AND, NEAR, *, -, :) are searched as text instead of failing or changing meaning.
 * Text inside double quotes is one phrase; a bare CJK run is also a phrase (= a substring);
 * an unbalanced quote runs to the end of the text.
 */
export function parseQuery(text: string): ParsedQuery {
  const fragments: string[] = [];
  const quoted = /"([^"]*)"?/g;
  let last = 0;
  for (let m = quoted.exec(text); m !== null; m = quoted.exec(text)) {
    fragments.push(...text.slice(last, m.index).split(/\s+/));
    fragments.push(m[1] ?? '');
    last = m.index + m[0].length;
  }
  fragments.push(...text.slice(last).split(/\s+/));

  const phrases: string[][] = [];
  const seen = new Set<string>();
  for (const fragment of fragments) {
    const tokens = queryTokens(fragment).slice(0, MAX_TOKENS_PER_PHRASE);
    const key = tokens.join(' ');
    if (tokens.length === 0 || seen.has(key)) continue;
    seen.add(key);
    phrases.push(tokens);
    if (phrases.length === MAX_PHRASES) break;
  }
  // Tokens are letters/digits only, so they never contain a quote that would need escaping.
  const match = phrases.map((p) => `"${p.join(' ')}"`).join(' ');
  return { phrases, match };
}
