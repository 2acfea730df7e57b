import type { MessageRole, SearchResult } from '../../../../shared/types/history';

/** What matched: the conversation's title, a question (user message) or an answer. */
export type HitKind = 'title' | 'question' | 'answer' | 'instructions';

export function hitKind(role: MessageRole | null): HitKind {
  if (role === null) return 'title';
  if (role === 'user') return 'question';
  if (role === 'assistant') return 'answer';
  return 'instructions';
}

export interface SearchGroup {
  conversationId: string;
  title: string;
  /** In the order search returned them: the title hit first, then messages newest first. */
  hits: SearchResult[];
}

/**
 * Results gathered per conversation, groups in the order their first hit came (so a matching
 * title or the newest matching message leads). A later page adds to the groups already shown.
 */
export function groupSearchResults(results: readonly SearchResult[]): SearchGroup[] {
  const groups = new Map<string, SearchGroup>();
  for (const r of results) {
    let group = groups.get(r.conversationId);
    if (!group) {
      group = { conversationId: r.conversationId, title: r.conversationTitle, hits: [] };
      groups.set(r.conversationId, group);
    }
    if (!group.hits.some((h) => h.messageId === r.messageId)) group.hits.push(r);
  }
  return [...groups.values()];
}
