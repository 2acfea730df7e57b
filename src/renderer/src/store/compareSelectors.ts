import type { AppState } from './index';

/**
 * The pending comparison at the end of a conversation (its answers on screen, none kept yet),
 * by id; null when there is none. A string, so it is stable between deltas.
 */
export function selectPendingComparison(s: AppState, conversationId: string | null): string | null {
  if (!conversationId) return null;
  const ids = s.chat.threads[conversationId]?.ids;
  const last = ids?.[ids.length - 1];
  if (!last) return null;
  for (const c of Object.values(s.chat.comparisons))
    if (c.conversationId === conversationId && c.answerIds.includes(last)) return c.id;
  return null;
}

/** True while some answer of that comparison still streams. */
export function selectComparisonStreaming(s: AppState, comparisonId: string | null): boolean {
  if (!comparisonId) return false;
  const c = s.chat.comparisons[comparisonId];
  return c ? c.answerIds.some((id) => s.chat.messages[id]?.status === 'streaming') : false;
}
