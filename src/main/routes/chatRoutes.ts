import type { HandlersFor } from '../../shared/contract';
import type { chatRoutes } from '../../shared/contract/chat';
import type { ChatService } from '../chat/ChatService';
import type { FrameClock } from '../chat/FrameClock';

export function chatHandlers(
  chat: ChatService,
  frames: FrameClock,
): HandlersFor<typeof chatRoutes> {
  return {
    'chat.send': (input) => chat.send(input),
    'chat.stop': async ({ messageId }) => ({ stopped: await chat.stop(messageId) }),
    'chat.continue': ({ messageId }) => chat.continue(messageId),
    'chat.regenerate': ({ messageId }) => chat.regenerate(messageId),
    'chat.summarise': ({ conversationId }) => chat.summarise(conversationId),
    'chat.stopSummary': ({ conversationId }) => ({ stopped: chat.stopSummary(conversationId) }),
    'chat.editAndResend': ({ messageId, text }) => chat.editAndResend(messageId, text),
    'chat.snapshot': ({ messageId }) => chat.snapshot(messageId),
    'chat.frameClock': ({ at, interval }) => {
      frames.report(at, interval);
      return null;
    },
  };
}
