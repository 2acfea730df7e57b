import type { Handlers } from '../../shared/contract';
import type { ChatService } from '../chat/ChatService';

type ChatHandlers = Pick<
  Handlers,
  | 'chat.send'
  | 'chat.stop'
  | 'chat.continue'
  | 'chat.regenerate'
  | 'chat.editAndResend'
  | 'chat.snapshot'
  | 'chat.active'
>;

export function chatHandlers(chat: ChatService): ChatHandlers {
  return {
    'chat.send': (input) => chat.send(input),
    'chat.stop': async ({ messageId }) => ({ stopped: await chat.stop(messageId) }),
    'chat.continue': ({ messageId }) => chat.continue(messageId),
    'chat.regenerate': ({ messageId }) => chat.regenerate(messageId),
    'chat.editAndResend': ({ messageId, text }) => chat.editAndResend(messageId, text),
    'chat.snapshot': ({ messageId }) => chat.snapshot(messageId),
    'chat.active': () => ({ messageIds: chat.activeStreams().map((s) => s.messageId) }),
  };
}
