/**
 * Chat turn shapes that cross the IPC boundary: the messages a turn returns and the two events
 * the chat service emits while it streams (see DESIGN.md, "A chat turn").
 */
import type { Message } from '../message';
import type { RelayErrorKind, RelayFailure } from '../relay';

/**
 * What send, continue, regenerate and edit-and-resend return: the question and the answer as
 * stored when the turn started (the answer `streaming`). The window shows exactly these.
 */
export interface TurnMessages {
  conversationId: string;
  /** The question the answer replies to; null only when none precedes it (an imported answer). */
  user: Message | null;
  assistant: Message;
  /** For the question and the answer when they have other versions: the ids of all of them. */
  versions?: Record<string, string[]>;
}

/** Why a turn did not complete, as `chat.done` reports it (the message keeps the same fields). */
export type TurnFailureInfo = Pick<
  RelayFailure,
  'kind' | 'text' | 'hint' | 'detail' | 'retryAfterMs'
>;

/** Sampling parameters passed to the relay as-is (OpenAI names). */
export interface ChatParams {
  temperature?: number;
  max_tokens?: number;
  top_p?: number;
  [name: string]: unknown;
}

export interface ChatSendInput {
  /** Omitted: a new conversation is created. */
  conversationId?: string;
  text: string;
  /** Overrides (and becomes) the conversation's model. */
  model?: string;
  /** Overrides (and becomes) the conversation's profile: the model picked may be another relay's. */
  profileId?: string;
  /** A new conversation only: replaces the profile's system prompt (a saved prompt's). */
  systemPrompt?: string;
  /** A new conversation only: replaces the profile's temperature. */
  temperature?: number;
  params?: ChatParams;
  /** Files attached in the composer (already stored by `attachments.add`), in order. */
  attachments?: { hash: string; name: string }[];
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** Counted locally because the relay sent no usage. */
  estimated: boolean;
}

/** Text appended to a streaming message since the previous event of the same stream. */
export interface ChatDelta {
  conversationId: string;
  messageId: string;
  /** 1, 2, 3… per stream (a Continue starts a new stream at 1); a gap means a lost event. */
  seq: number;
  content: string;
  reasoning: string;
  /**
   * When main received the first bytes of this event's text (epoch ms, sub-millisecond): the
   * start of the token-to-pixel delay bench:ui measures. Absent from events made elsewhere.
   */
  receivedAt?: number;
}

export interface ChatDone {
  conversationId: string;
  /** The answer as stored at the end of its stream (after a Continue: both streams together). */
  message: Message;
  failure?: TurnFailureInfo;
  /**
   * The disk refused the final record (code: storage_full…): the answer is held in memory and
   * its status is `error` until a later `chat.done` for the same message reports it saved.
   */
  unsaved?: { code: string };
}

/**
 * A streaming message as the renderer should hold it after event `seq`: the text already sent in
 * `chat.deltas` events (after a Continue, with the text the message had before). Deltas numbered
 * above `seq` apply on top: how a window resynchronises after a lost event or a reload.
 */
export interface ChatSnapshot {
  content: string;
  reasoning: string;
  seq: number;
}

/**
 * The relay refused an attempt before any text (a 429, a 5xx, a failed connection) and main waits
 * before the next one. `until` is wall-clock time (ms since the epoch) when the retry goes out.
 */
export interface ChatRetryWait {
  conversationId: string;
  messageId: string;
  until: number;
  /** The retry about to be made: 1, 2… */
  attempt: number;
  /** Why the last attempt failed (`rate_limited` for a 429). */
  code: RelayErrorKind;
}

export interface ChatEventPayloads {
  'chat.deltas': ChatDelta[];
  'chat.done': ChatDone;
  'chat.retryWait': ChatRetryWait;
}

export interface ActiveStream {
  conversationId: string;
  messageId: string;
}
