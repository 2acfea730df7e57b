import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_IDLE_TIMEOUT_MS } from '../../shared/rules/limits';
import { normaliseBaseUrl } from './base-url';
import { ChatAttempt, type AttemptSettings } from './chat-attempt';
import { RelayError, abortedError } from './relay-error';
import { sleep } from '../../shared/sleep';
import { isRetryable, retryDelay } from './retry-policy';
import { scrubError } from './secret-scrub';
import type { RelayEvent, RelayRequest, StreamOptions } from './types';

const DEFAULTS = {
  connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS,
  idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_MS,
  maxRetries: 2,
  retryBaseDelayMs: 500,
};

/**
 * Streams one chat completion. Yields deltas, then `usage` (when the relay reports it), then
 * `done`, always last on success. Failures throw RelayError, with the partial text once the
 * stream had started. Retries and fallbacks happen only before anything was yielded.
 */
export function streamChat(
  request: RelayRequest,
  options: StreamOptions = {},
): AsyncIterable<RelayEvent> {
  return { [Symbol.asyncIterator]: () => run(request, options) };
}

interface Target {
  baseUrl: string;
  /** 0 for the first try on a base URL; retries count up from 1. */
  retry: number;
}

async function* run(
  request: RelayRequest,
  options: StreamOptions,
): AsyncGenerator<RelayEvent, void, undefined> {
  const settings: AttemptSettings = {
    fetch: options.fetch ?? globalThis.fetch,
    signal: options.signal,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULTS.idleTimeoutMs,
  };
  const maxRetries = Math.max(0, options.maxRetries ?? DEFAULTS.maxRetries);
  const baseDelay = options.retryBaseDelayMs ?? DEFAULTS.retryBaseDelayMs;
  const primary = normaliseBaseUrl(request.baseUrl);
  const fallbacks = (options.fallbackBaseUrls ?? [])
    .map(normaliseBaseUrl)
    .filter((url) => url !== primary);

  let target: Target | undefined = { baseUrl: primary, retry: 0 };
  let fallbackIndex = 0;
  let lastError: RelayError | undefined;
  while (target !== undefined) {
    if (options.signal?.aborted) throw withPartial(abortedError(), { content: '', reasoning: '' });
    const attempt = new ChatAttempt(request, target.baseUrl, settings);
    let yielded = false;
    let reading = false;
    try {
      await attempt.open();
      for (;;) {
        let batch = attempt.take();
        if (batch === null) {
          reading = true;
          const result = await attempt.read();
          reading = false;
          batch = attempt.accept(result);
        }
        if (batch === undefined) return;
        for (let i = 0; i < batch.length; i++) {
          yielded = true;
          yield batch[i] as RelayEvent;
        }
      }
    } catch (caught) {
      // Every failure leaves through here: the relay's own words may quote the key back.
      const error = scrubError(
        caught instanceof RelayError
          ? caught
          : reading
            ? attempt.readFailure(caught)
            : unexpected(caught),
        request.apiKey,
      );
      if (error.kind === 'aborted') throw withPartial(error, attempt.partial);
      // Once anything was delivered, retrying would duplicate text: fail with what we have.
      if (yielded)
        throw withPartial(error.kind === 'network' ? interruption(error) : error, attempt.partial);
      if (!isRetryable(error))
        throw attempt.bodyStarted ? withPartial(error, attempt.partial) : error;
      lastError = error;
    } finally {
      attempt.dispose();
    }
    // Before the first content byte: try again here, or move on to the next fallback.
    const delay =
      target.retry < maxRetries && target.baseUrl === primary
        ? retryDelay(target.retry + 1, baseDelay, lastError)
        : undefined;
    if (delay !== undefined) {
      await sleep(delay, { signal: options.signal, abortError: abortedError }).catch(
        (error: RelayError) => {
          throw withPartial(error, { content: '', reasoning: '' });
        },
      );
      target = { baseUrl: target.baseUrl, retry: target.retry + 1 };
    } else {
      const next = fallbacks[fallbackIndex++];
      target = next === undefined ? undefined : { baseUrl: next, retry: maxRetries };
    }
  }
  throw lastError ?? new RelayError('network', 'The relay could not be reached.');
}

function withPartial(
  error: RelayError,
  partial: { content: string; reasoning: string },
): RelayError {
  error.partial = partial;
  return error;
}

/** A connection that broke after text arrived: the answer is incomplete, say so as such. */
function interruption(error: RelayError): RelayError {
  return new RelayError('interrupted', `The answer was cut off: ${lowerFirst(error.message)}`, {
    hint: 'The text so far is kept; use Continue to ask for the rest.',
    cause: error,
  });
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function unexpected(error: unknown): RelayError {
  return new RelayError(
    'protocol',
    `Unexpected failure while reading the answer: ${error instanceof Error ? error.message : String(error)}`,
    {
      cause: error,
    },
  );
}
