import { normaliseBaseUrl } from './base-url';
import { ChatAttempt, type AttemptSettings } from './chat-attempt';
import { FleeceError } from '../errors/FleeceError';
import { coded } from '../../shared/codes';
import { abortedError } from './relay-error';
import { isRetryable, retryDelay, sleep } from './retry-policy';
import { scrubError } from './secret-scrub';
import type { RelayEvent, RelayRequest, StreamOptions } from './types';

const DEFAULTS = {
  connectTimeoutMs: 10_000,
  idleTimeoutMs: 60_000,
  maxRetries: 2,
  retryBaseDelayMs: 500,
};

/**
 * Streams one chat completion. Yields deltas, then `usage` (when the relay reports it), then
 * `done`, always last on success. Failures throw FleeceError, with the partial text once the
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
  let lastError: FleeceError | undefined;
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
        caught instanceof FleeceError
          ? caught
          : reading
            ? attempt.readFailure(caught)
            : unexpected(caught),
        request.apiKey,
      );
      if (error.code === 'aborted') throw withPartial(error, attempt.partial);
      // Once anything was delivered, retrying would duplicate text: fail with what we have.
      if (yielded)
        throw withPartial(error.code === 'network' ? interruption(error) : error, attempt.partial);
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
      await sleep(delay, options.signal).catch((error: FleeceError) => {
        throw withPartial(error, { content: '', reasoning: '' });
      });
      target = { baseUrl: target.baseUrl, retry: target.retry + 1 };
    } else {
      const next = fallbacks[fallbackIndex++];
      target = next === undefined ? undefined : { baseUrl: next, retry: maxRetries };
    }
  }
  throw lastError ?? new FleeceError('network', { text: 'relay_unreachable' });
}

function withPartial(
  error: FleeceError,
  partial: { content: string; reasoning: string },
): FleeceError {
  error.partial = partial;
  return error;
}

/** A connection that broke after text arrived: the answer is incomplete, say so as such. */
function interruption(error: FleeceError): FleeceError {
  // The card says the answer was cut off; the line under it says how (the connection's own text).
  return new FleeceError('interrupted', {
    text: error.text.code,
    ...(error.text.params === undefined ? {} : { params: error.text.params }),
    ...(error.detail === undefined ? {} : { detail: error.detail }),
    hint: coded('hint_continue'),
    cause: error,
  });
}

function unexpected(error: unknown): FleeceError {
  return new FleeceError('protocol', { text: 'relay_read_failure', cause: error });
}
