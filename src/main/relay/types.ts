import type { ChatParams } from '../../shared/types/chat';

export type { ChatParams };
export type { ProbeCheckName, ProbeFinding, ProbeResult, ProbeStatus } from '../../shared/relay';

/**
 * The fetch the relay client uses: `nodeFetch` in Node (tests, harness), Electron's `net.fetch` in
 * the app. `connectTimeoutMs` bounds TCP/TLS set-up where the implementation can see that phase
 * (undici can; Chromium's network stack applies its own and ignores the field).
 */
export type FetchLike = (
  url: string,
  init: RequestInit & { connectTimeoutMs?: number },
) => Promise<Response>;

/** OpenAI's content parts: text, or an image as a URL (a `data:` URL carries the bytes). */
export type ContentPart =
  { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | (string & {});
  content: string | ContentPart[];
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
  /** Until the response headers arrive (a chat stream: TCP/TLS set-up only). Default 10 s. */
  connectTimeoutMs?: number;
  /** Largest response body read whole (a model list). Default 16 MiB; more is `too_large`. */
  maxBodyBytes?: number;
}

export interface StreamOptions extends RequestOptions {
  /** From the request sent to the response headers; never retried. Default 120 s. */
  firstByteTimeoutMs?: number;
  /** Longest wait for the next body byte (keep-alive comments count). Default 60 s. */
  idleTimeoutMs?: number;
  /** Retries per base URL, only before any content was received. Default 2. */
  maxRetries?: number;
  /** Tried in order, one attempt each, once the retries on `baseUrl` are exhausted. */
  fallbackBaseUrls?: readonly string[];
  /** First backoff step; doubles per retry, jittered. Default 500 ms. Tests pass a few ms. */
  retryBaseDelayMs?: number;
  /** Longest answer (content + reasoning, in characters) before it is cut: `too_large`. */
  maxAnswerChars?: number;
  /** Longest a whole answer may take, retries included, before it is cut: `too_long`. */
  maxDurationMs?: number;
  /** Told when a retry starts waiting (a 429's Retry-After, or the backoff), before the wait. */
  onRetryWait?: (wait: RetryWait) => void;
}

export interface RetryWait {
  /** The retry that follows the wait: 1, 2… */
  attempt: number;
  delayMs: number;
  /** Why the last attempt failed. */
  code: string;
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
