/**
 * Chat turn shapes that cross the IPC boundary: the ids a turn returns and the two events the
 * chat service emits while it streams (see DESIGN.md, "A chat turn").
 */
import type { RelayFailure } from '../relay';
import type { MessageStatus } from './history';

export interface TurnIds {
  conversationId: string;
  userMessageId: string;
  assistantMessageId: string;
}

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
  params?: ChatParams;
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
}

export interface ChatDone {
  conversationId: string;
  messageId: string;
  status: Exclude<MessageStatus, 'streaming'>;
  finishReason: string | null;
  /** Totals recorded on the message (after a Continue: both streams together). */
  usage: ChatUsage | null;
  cost: number | null;
  ttftMs: number | null;
  durationMs: number | null;
  /** Time spent reasoning ("Thought for N s"), as recorded on the message; null without reasoning. */
  reasoningMs: number | null;
  error?: Pick<RelayFailure, 'kind' | 'text' | 'hint' | 'detail' | 'retryAfterMs'>;
}

/**
 * A streaming message as the renderer should hold it after event `seq`: the text already sent in
 * `chat.delta` events (after a Continue, with the text the message had before). Deltas numbered
 * above `seq` apply on top: how a window resynchronises after a lost event or a reload.
 */
export interface ChatSnapshot {
  content: string;
  reasoning: string;
  seq: number;
}

export interface ChatEventPayloads {
  'chat.delta': ChatDelta;
  'chat.done': ChatDone;
}

export interface ActiveStream {
  conversationId: string;
  messageId: string;
}
