const MIN_CHUNK_LINES = 16;
const MAX_CHUNK_LINES = 48;

/**
 * `code` cut into pieces that are highlighted (and memoised) separately, so a growing code block
 * costs one piece per delta instead of its whole length. A piece ends after a blank line once it
 * has MIN_CHUNK_LINES lines (between top-level statements in most languages, so highlighting
 * state does not cross the cut), or at MAX_CHUNK_LINES regardless. Cuts depend only on the text
 * before them, so they stay put while the code grows. The pieces concatenate back to `code`.
 */
export function chunkCode(code: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  let lines = 0;
  let previousBlank = false;
  let lineStart = 0;
  for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) {
    const blank = code.slice(lineStart, i).trim() === '';
    lines++;
    if ((lines >= MIN_CHUNK_LINES && blank && !previousBlank) || lines >= MAX_CHUNK_LINES) {
      chunks.push(code.slice(start, i + 1));
      start = i + 1;
      lines = 0;
    }
    previousBlank = blank;
    lineStart = i + 1;
  }
  if (start < code.length || chunks.length === 0) chunks.push(code.slice(start));
  return chunks;
}
