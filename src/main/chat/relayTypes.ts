/**
 * The slice of the relay client (src/main/relay, issue 3) the chat service uses, declared
 * structurally so the real `streamChat` fits and tests can pass a scripted generator.
 */
import type { ChatParams } from '../../shared/types/chat';

export interface RelayChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
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
  fallbackBaseUrls?: string[];
}

export type RelayStreamEvent =
  | { type: 'delta'; content?: string; reasoning?: string }
  | { type: 'usage'; promptTokens: number; completionTokens: number; totalTokens: number }
  | { type: 'done'; finishReason: string | null };

export type StreamChat = (
  request: RelayChatRequest,
  options: RelayStreamOptions,
) => AsyncIterable<RelayStreamEvent>;

/** Where a conversation's turn goes: resolved per turn from its profile (the key from the keychain). */
export interface ChatTarget {
  profileId: string | null;
  baseUrl: string;
  apiKey?: string;
  model: string;
  fallbackBaseUrls?: string[];
  connectTimeoutMs?: number;
  idleTimeoutMs?: number;
}
