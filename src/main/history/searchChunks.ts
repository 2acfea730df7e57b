import { tokenize } from '../../shared/rules/searchText';

/**
 * How a long message is cut into search-index rows. One row of a megabyte takes the main thread
 * ~60–600 ms to fold and index (Chinese is the slow end: one token per character), so a message
 * longer than CHUNK_CHARS is indexed as several rows, written a few at a time between other work.
 *
 * Rows: a message up to CHUNK_CHARS keeps one row at rowid = seq (as before chunks existed);
 * chunk k of a longer message sits at LONG_BASE + seq * MAX_CHUNKS + k. Both ranges are ordered
 * by seq, so each can still be walked newest first and stopped at a page.
 */
export const CHUNK_CHARS = 8192;
export const MAX_CHUNKS = 1024;
export const LONG_BASE = 2 ** 50;
/**
 * Each chunk repeats the last tokens of the one before it, as many as the longest phrase a query
 * may hold (searchQuery.ts), so a phrase that straddles a cut is still inside one row.
 */
export const OVERLAP_TOKENS = 64;
/** How far back from a cut the overlap and the cut itself are looked for, in UTF-16 units. */
const LOOK_BACK = 4096;
/** The longest overlap a chunk can start with, in UTF-16 units. */
export const OVERLAP_CHARS = LOOK_BACK;

export function chunkRowid(seq: number, chunk: number): number {
  return LONG_BASE + seq * MAX_CHUNKS + chunk;
}

export function chunkOfRowid(rowid: number): { seq: number; chunk: number } {
  const rel = rowid - LONG_BASE;
  return { seq: Math.floor(rel / MAX_CHUNKS), chunk: rel % MAX_CHUNKS };
}

/** Characters per step for a text of `length`: large enough that no text needs MAX_CHUNKS rows. */
export function chunkSize(length: number): number {
  return Math.max(CHUNK_CHARS, Math.ceil(length / (MAX_CHUNKS - 124)) + LOOK_BACK);
}

export interface Chunk {
  /** Where the indexed text starts (the overlap included), in UTF-16 units of the message. */
  start: number;
  /** Where this chunk's own part ends; the next chunk's own part starts here. */
  end: number;
}

/**
 * The chunk after the one that ended at `prevEnd` (0 for the first), or null at the end. Cuts
 * fall at the end of a token, so no word, surrogate pair or letter with its marks is split.
 */
export function nextChunk(text: string, prevEnd: number, size: number): Chunk | null {
  if (prevEnd >= text.length) return null;
  const start = prevEnd === 0 ? 0 : overlapStart(text, prevEnd);
  const target = prevEnd + size;
  return { start, end: target >= text.length ? text.length : cutNear(text, prevEnd, target) };
}

/** The end of the last token that ends at or before `target` (a safe place to cut). */
function cutNear(text: string, prevEnd: number, target: number): number {
  const from = Math.max(prevEnd, target - LOOK_BACK);
  let cut = -1;
  for (const token of tokenize(text, from)) {
    if (token.end > target) break;
    cut = token.end;
  }
  if (cut > prevEnd) return cut;
  // One word longer than LOOK_BACK (or none at all): cut at the target, never inside a pair.
  const code = text.charCodeAt(target);
  return code >= 0xdc00 && code <= 0xdfff ? target - 1 : target;
}

/** Start of the OVERLAP_TOKENS-th token before `end`, never inside a token. */
function overlapStart(text: string, end: number): number {
  const from = Math.max(0, end - LOOK_BACK);
  const starts: number[] = [];
  for (const token of tokenize(text, from)) {
    if (token.start >= end) break;
    starts.push(token.start);
    if (starts.length > OVERLAP_TOKENS + 1) starts.shift();
  }
  // With fewer tokens than that, the first one may have been entered halfway: skip it.
  if (starts.length > OVERLAP_TOKENS) return starts[starts.length - OVERLAP_TOKENS] ?? end;
  if (from === 0) return starts[0] ?? end;
  return starts[1] ?? end;
}
