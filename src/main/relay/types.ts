import type { ChatParams } from '../../shared/types/chat';

export type { ChatParams };
export type { ProbeCheckName, ProbeFinding, ProbeResult, ProbeStatus } from '../../shared/relay';

/** The fetch the relay client uses: Node's global fetch in tests, Electron's `net.fetch` in the app. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | (string & {});
  content: string;
}

export interface RelayRequest {
  baseUrl: string;
  /** Omitted or empty: no Authorization header (local Ollama / LM Studio need none). */
  apiKey?: string;
  model: string;
  messages: ChatMessage[];
  params?: ChatParams;
}

export type RelayEvent =
  | { type: 'delta'; content?: string; reasoning?: string }
  | { type: 'usage'; promptTokens: number; completionTokens: number; totalTokens: number }
  | { type: 'done'; finishReason: string | null };

export interface RequestOptions {
  signal?: AbortSignal;
  fetch?: FetchLike;
  /** Until the response headers arrive. Default 10 s. */
  connectTimeoutMs?: number;
}

export interface StreamOptions extends RequestOptions {
  /** Longest wait for the next body byte (keep-alive comments count). Default 60 s. */
  idleTimeoutMs?: number;
  /** Retries per base URL, only before any content was received. Default 2. */
  maxRetries?: number;
  /** Tried in order, one attempt each, once the retries on `baseUrl` are exhausted. */
  fallbackBaseUrls?: readonly string[];
  /** First backoff step; doubles per retry, jittered. Default 500 ms. Tests pass a few ms. */
  retryBaseDelayMs?: number;
}

export interface EndpointRequest {
  baseUrl: string;
  apiKey?: string;
}

export interface ProbeRequest extends EndpointRequest {
  /** Model for the time-to-first-token check; without it that check is skipped. */
  model?: string;
}

export interface ProbeOptions extends RequestOptions {
  idleTimeoutMs?: number;
}
