import { z } from 'zod';
import { event, route } from './define';
import {
  FRAME_INTERVAL_MAX_MS,
  FRAME_INTERVAL_MIN_MS,
  MESSAGE_TEXT_MAX,
  TEMPERATURE_MAX,
  TEMPERATURE_MIN,
} from '../rules/limits';
import { ATTACHMENT_MAX_COUNT } from '../rules/attachmentLimits';
import type { ChatDelta, ChatDone, ChatRetryWait, TurnMessages } from '../types/chat';
import type { Message } from '../message';

export type { ChatDelta, ChatDone, ChatUsage, TurnFailureInfo, TurnMessages } from '../types/chat';

const id = z.string().min(1).max(200);
// Lives with the other bounds (no zod there, so the renderer can import it without zod).
export { MESSAGE_TEXT_MAX };
const hash = z
  .string()
  .length(64)
  .regex(/^[0-9a-f]{64}$/);

/**
 * A question from the composer, as `chat.send` and `chat.compare` take it: its conversation
 * (omitted: a new one), its text, the files attached, and for a new conversation its system
 * prompt and temperature (a saved prompt's).
 */
export const questionFields = {
  conversationId: id.optional(),
  // May be empty when files are attached (the service refuses an empty question without).
  text: z.string().max(MESSAGE_TEXT_MAX),
  attachments: z
    .array(z.object({ hash, name: z.string().min(1).max(1000) }).strict())
    .max(ATTACHMENT_MAX_COUNT)
    .optional(),
  systemPrompt: z.string().max(100_000).optional(),
  temperature: z.number().min(TEMPERATURE_MIN).max(TEMPERATURE_MAX).optional(),
};

export const chatRoutes = {
  'chat.send': route<TurnMessages>()(
    z
      .object({
        ...questionFields,
        model: z.string().max(200).optional(),
        profileId: id.optional(),
      })
      .strict(),
  ),
  'chat.stop': route<{ stopped: boolean }>()(z.object({ messageId: id }).strict()),
  'chat.continue': route<TurnMessages>()(z.object({ messageId: id }).strict()),
  'chat.regenerate': route<TurnMessages>()(z.object({ messageId: id }).strict()),
  /** Summarises the conversation so far: the summary is a new message that later prompts send instead. */
  'chat.summarise': route<Message>()(z.object({ conversationId: id }).strict()),
  /** Stops the summary being asked for (`chat.summarise` then fails with `aborted`; nothing is added). */
  'chat.stopSummary': route<{ stopped: boolean }>()(z.object({ conversationId: id }).strict()),
  'chat.editAndResend': route<TurnMessages>()(
    z.object({ messageId: id, text: z.string().max(MESSAGE_TEXT_MAX) }).strict(),
  ),
  /**
   * What a streaming message has emitted so far (text and last seq), to resynchronise after a
   * lost event, or to re-attach when a (reloaded) window opens a conversation whose answer is
   * still streaming; null when the message is not streaming any more.
   */
  'chat.snapshot': route<{ content: string; reasoning: string; seq: number } | null>()(
    z.object({ messageId: id }).strict(),
  ),
  /**
   * The window's frames, as it measures them while answers stream: when one began (epoch ms, as
   * ChatDelta.receivedAt) and how far apart they come. While several answers stream, main sends
   * their text just before the next one.
   */
  'chat.frameClock': route<null>()(
    z
      .object({
        at: z.number().positive().finite(),
        interval: z.number().min(FRAME_INTERVAL_MIN_MS).max(FRAME_INTERVAL_MAX_MS),
      })
      .strict(),
  ),
};

export const chatEvents = {
  /**
   * Text appended to streaming answers, in the order it was made: the deltas of every answer
   * streaming that came since the last list (a few milliseconds' worth; with several answers
   * streaming, up to a frame's worth, sent just before the window's next frame).
   */
  'chat.deltas': event<ChatDelta[]>(),
  'chat.done': event<ChatDone>(),
  /** A retry is waiting (a 429's Retry-After, or a backoff): the answer shows a countdown. */
  'chat.retryWait': event<ChatRetryWait>(),
};
