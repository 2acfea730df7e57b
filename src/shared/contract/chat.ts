import { z } from 'zod';
import { event, route } from './define';
import { MESSAGE_TEXT_MAX } from '../rules/limits';
import type { ChatDelta, ChatDone, ChatRetryWait, TurnMessages } from '../types/chat';

export type { ChatDelta, ChatDone, ChatUsage, TurnFailureInfo, TurnMessages } from '../types/chat';

const id = z.string().min(1).max(200);
// Lives with the other bounds (no zod there, so the renderer can import it without zod).
export { MESSAGE_TEXT_MAX };
const text = z.string().min(1).max(MESSAGE_TEXT_MAX);

export const chatRoutes = {
  'chat.send': route<TurnMessages>()(
    z
      .object({
        conversationId: id.optional(),
        text,
        model: z.string().max(200).optional(),
        profileId: id.optional(),
      })
      .strict(),
  ),
  'chat.stop': route<{ stopped: boolean }>()(z.object({ messageId: id }).strict()),
  'chat.continue': route<TurnMessages>()(z.object({ messageId: id }).strict()),
  'chat.regenerate': route<TurnMessages>()(z.object({ messageId: id }).strict()),
  'chat.editAndResend': route<TurnMessages>()(z.object({ messageId: id, text }).strict()),
  /**
   * What a streaming message has emitted so far (text and last seq), to resynchronise after a
   * lost event, or to re-attach when a (reloaded) window opens a conversation whose answer is
   * still streaming; null when the message is not streaming any more.
   */
  'chat.snapshot': route<{ content: string; reasoning: string; seq: number } | null>()(
    z.object({ messageId: id }).strict(),
  ),
};

export const chatEvents = {
  'chat.delta': event<ChatDelta>(),
  'chat.done': event<ChatDone>(),
  /** A retry is waiting (a 429's Retry-After, or a backoff): the answer shows a countdown. */
  'chat.retryWait': event<ChatRetryWait>(),
};
