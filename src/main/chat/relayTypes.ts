/**
 * The slice of the relay client (src/main/relay) the chat service uses, declared
 * structurally so the real `streamChat` fits and tests can pass a scripted generator.
 */
import type { ChatParams } from '../../shared/types/chat';
import type { AttachmentRef } from '../../shared/attachment';
import type { ContentPart } from '../relay/types';

export type { ContentPart };

export interface RelayChatMessage {
  role: 'system' | 'user' | 'assistant';
  /** Text, or parts once the message's attachments were expanded (images, files' text). */
  content: string | ContentPart[];
  /** Files of a question, expanded into parts just before sending (never sent as such). */
  attachments?: readonly AttachmentRef[];
}

export interface RelayChatRequest {
  baseUrl: string;
  apiKey?: string;
  model: string;
  messages: RelayChatMessage[];
  params?: ChatParams;
}

export interface RelayStreamOptions {
  signal: AbortSignal;
  connectTimeoutMs?: number;
  idleTimeoutMs?: number;
  maxRetries?: number;
  fallbackBaseUrls?: readonly string[];
  /** Told when a retry starts waiting, before the wait. */
  onRetryWait?: (wait: { attempt: number; delayMs: number; code: string }) => void;
}

export type RelayStreamEvent =
  | { type: 'delta'; content?: string; reasoning?: string }
  | { type: 'usage'; promptTokens: number; completionTokens: number; totalTokens: number }
  | { type: 'done'; finishReason: string | null };

export type StreamChat = (
  request: RelayChatRequest,
  options: RelayStreamOptions,
) => AsyncIterable<RelayStreamEvent>;

/**
 * Where a conversation's turn goes: resolved per turn from its profile (the key from the
 * keychain). The key is non-enumerable: absent from JSON.stringify, util.inspect and spreads.
 */
export interface ChatTarget {
  readonly profileId: string | null;
  readonly baseUrl: string;
  readonly apiKey?: string;
  readonly model: string;
  readonly fallbackBaseUrls?: readonly string[];
  readonly connectTimeoutMs?: number;
  readonly idleTimeoutMs?: number;
}
