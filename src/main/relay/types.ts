import type { RelayFailure } from '../../shared/relay';

/** The fetch the relay client uses: Node's global fetch in tests, Electron's `net.fetch` in the app. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | (string & {});
  content: string;
}

/** Sampling parameters passed through to the relay as-is (snake_case, like the OpenAI API). */
export interface ChatParams {
  temperature?: number;
  max_tokens?: number;
  top_p?: number;
  presence_penalty?: number;
  frequency_penalty?: number;
  seed?: number;
  stop?: string | string[];
  [name: string]: unknown;
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
  fallbackBaseUrls?: string[];
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

export type ProbeCheckName = 'reachable' | 'key' | 'models' | 'first_token' | 'burst';
export type ProbeStatus = 'ok' | 'warn' | 'fail' | 'skipped';

export interface ProbeFinding {
  check: ProbeCheckName;
  status: ProbeStatus;
  /** Plain language, shown as-is by "Test connection". */
  message: string;
}

/** Serialisable; `null` means the check could not be made. */
export interface ProbeResult {
  baseUrl: string;
  reachable: boolean;
  keyAccepted: boolean | null;
  modelCount: number | null;
  /** Round trip of `GET /models`, request sent to body fully read. */
  modelsRttMs: number | null;
  /** Request sent to first content (or reasoning) token. */
  ttftMs: number | null;
  /** True when the whole answer arrived at once: a buffering proxy sits in between. */
  burst: boolean | null;
  findings: ProbeFinding[];
  failure?: RelayFailure;
}
