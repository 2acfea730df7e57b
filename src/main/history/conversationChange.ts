import type { EventPayload } from '../../shared/contract';
import type { HistoryStore } from './HistoryStore';

export type ConversationChange = EventPayload<'conversations.changed'>;

/** The sidebar's view of one conversation after a change: gone once deleted or trashed. */
export function conversationChange(
  history: Pick<HistoryStore, 'getConversation'>,
  id: string,
): ConversationChange {
  const conversation = history.getConversation(id);
  return { id, conversation, removed: conversation === null || conversation.deletedAt !== null };
}
