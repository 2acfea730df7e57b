import type { EmitEvent, HandlersFor } from '../../shared/contract';
import type { compareRoutes } from '../../shared/contract/compare';
import type { ChatService } from '../chat/ChatService';
import { conversationChange } from '../history/conversationChange';
import type { HistoryStore } from '../history/HistoryStore';
import { FleeceError } from '../errors/FleeceError';

export interface CompareRouteDeps {
  chat: Pick<ChatService, 'compare'>;
  history: Pick<
    HistoryStore,
    | 'getMessage'
    | 'comparisonOfAnswer'
    | 'keepComparedAnswer'
    | 'listMessages'
    | 'compareStats'
    | 'getConversation'
  >;
  emit: EmitEvent;
  /** A profile's name now; null when it was deleted. */
  profileName: (profileId: string) => string | null;
}

/** Several models at once: the question to all of them, the answer kept, the figures. */
export function compareHandlers(deps: CompareRouteDeps): HandlersFor<typeof compareRoutes> {
  const { chat, history, emit } = deps;
  return {
    'chat.compare': (input) => chat.compare(input),
    // Answers still streaming go on: keeping one changes only what is on screen and what follows.
    'chat.keep': ({ messageId, limit }) => {
      const answer = history.getMessage(messageId);
      if (!answer) throw new FleeceError('not_found', { text: 'message_gone' });
      const comparison = answer.role === 'assistant' ? history.comparisonOfAnswer(messageId) : null;
      if (!comparison) throw new FleeceError('bad_request', { text: 'keep_not_compared' });
      history.keepComparedAnswer(comparison.id, answer);
      const { conversationId } = answer;
      emit('conversations.changed', conversationChange(history, conversationId));
      return { conversationId, page: history.listMessages(conversationId, limit ? { limit } : {}) };
    },
    'compare.stats': ({ last }) => history.compareStats(last, deps.profileName),
  };
}
