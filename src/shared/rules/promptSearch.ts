/** Lower case without diacritics, so "dich" finds "Dịch" and "cafe" finds "Café". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * What "/" typed at the start of the composer asks for: the text after the slash, or null when
 * the composer is not asking for a prompt (no slash first, or the text has gone past one line).
 */
export function slashQuery(draft: string): string | null {
  const match = /^\/([^\n]*)$/.exec(draft);
  return match ? (match[1] ?? '') : null;
}

/**
 * The prompts matching `query`: names that start with it first, then names containing it,
 * then those whose system prompt contains it; otherwise in the given order. Every word of the
 * query must match.
 */
export function filterPrompts<T extends { name: string; systemPrompt: string }>(
  prompts: readonly T[],
  query: string,
): T[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...prompts];
  const ranked: { prompt: T; rank: number; index: number }[] = [];
  prompts.forEach((prompt, index) => {
    const name = foldForSearch(prompt.name);
    const body = foldForSearch(prompt.systemPrompt);
    let rank = 0;
    for (const word of words) {
      if (name.startsWith(word)) continue;
      if (name.includes(word)) rank = Math.max(rank, 1);
      else if (body.includes(word)) rank = 2;
      else return;
    }
    ranked.push({ prompt, rank, index });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).map((r) => r.prompt);
}
