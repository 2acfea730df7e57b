import { z } from 'zod';
import { event, route } from './define';
import type { MessageStatus } from '../types/history';
import type { RelayFailure } from '../relay';

const id = z.string().min(1).max(200);
/** A 1 MB paste must work; 8 MB leaves room for UTF-16 and several pastes. */
const text = z.string().min(1).max(8 * 1024 * 1024);

export interface TurnIds {
  conversationId: string;
  userMessageId: string;
  assistantMessageId: string;
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** Counted locally because the relay sent no usage. */
  estimated: boolean;
}

/** Text appended to a streaming message since the previous event. */
export interface ChatDelta {
  conversationId: string;
  messageId: string;
  /** 1, 2, 3… per stream; a gap means an event was lost and the renderer should reload. */
  seq: number;
  content: string;
  reasoning: string;
}

export interface ChatDone {
  conversationId: string;
  messageId: string;
  status: Exclude<MessageStatus, 'streaming'>;
  finishReason: string | null;
  usage: ChatUsage | null;
  cost: number | null;
  ttftMs: number | null;
  durationMs: number | null;
  error?: RelayFailure;
}

export const chatRoutes = {
  'chat.send': route<TurnIds>()(
    z.object({ conversationId: id.optional(), text, model: z.string().max(200).optional() }).strict(),
  ),
  'chat.stop': route<{ stopped: boolean }>()(z.object({ messageId: id }).strict()),
  'chat.continue': route<TurnIds>()(z.object({ messageId: id }).strict()),
  'chat.regenerate': route<TurnIds>()(z.object({ messageId: id }).strict()),
  'chat.editAndResend': route<TurnIds>()(z.object({ messageId: id, text }).strict()),
  /** Messages streaming right now (a reloaded window re-attaches to them). */
  'chat.active': route<{ messageIds: string[] }>()(z.object({}).strict()),
};

export const chatEvents = {
  'chat.delta': event<ChatDelta>(),
  'chat.done': event<ChatDone>(),
};
