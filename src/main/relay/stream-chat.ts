import { DEFAULT_MAX_ANSWER_CHARS, DEFAULT_MAX_DURATION_MS, answerTooLong } from './answer-limits';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_IDLE_TIMEOUT_MS } from '../../shared/rules/limits';
import { normaliseBaseUrl } from './base-url';
import { ChatAttempt, type AttemptSettings } from './chat-attempt';
import { nodeFetch } from './node-fetch';
import { FleeceError } from '../errors/FleeceError';
import { coded } from '../../shared/codes';
import { abortedError } from './relay-error';
import { sleep } from '../../shared/sleep';
import { isRetryable, retryDelay } from './retry-policy';
import { scrubError } from './secret-scrub';
import type { RelayEvent, RelayRequest, StreamOptions } from './types';

const DEFAULTS = {
  connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS,
  firstByteTimeoutMs: 120_000,
  idleTimeoutMs: DEFAULT_IDLE_TIMEOUT_MS,
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
  // The whole answer, retries included, runs under the duration limit: when it passes, the
  // attempt is aborted like a Stop and the failure says why (`too_long`), with the text so far.
  // Kept in this generator: a wrapping generator would cost every event a hop.
  const limitMs = options.maxDurationMs ?? DEFAULT_MAX_DURATION_MS;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), limitMs);
  const signal =
    options.signal === undefined
      ? deadline.signal
      : AbortSignal.any([options.signal, deadline.signal]);
  const settings: AttemptSettings = {
    fetch: options.fetch ?? nodeFetch,
    signal,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULTS.connectTimeoutMs,
    firstByteTimeoutMs: options.firstByteTimeoutMs ?? DEFAULTS.firstByteTimeoutMs,
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULTS.idleTimeoutMs,
    maxAnswerChars: options.maxAnswerChars ?? DEFAULT_MAX_ANSWER_CHARS,
  };
  const maxRetries = Math.max(0, options.maxRetries ?? DEFAULTS.maxRetries);
  const baseDelay = options.retryBaseDelayMs ?? DEFAULTS.retryBaseDelayMs;
  const primary = normaliseBaseUrl(request.baseUrl);
  const fallbacks = (options.fallbackBaseUrls ?? [])
    .map(normaliseBaseUrl)
    .filter((url) => url !== primary);

  try {
    let target: Target | undefined = { baseUrl: primary, retry: 0 };
    let fallbackIndex = 0;
    let lastError: FleeceError | undefined;
    while (target !== undefined) {
      if (signal.aborted) throw withPartial(abortedError(), { content: '', reasoning: '' });
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
        const partial = attempt.partial;
        if (!yielded && partial.content === '' && partial.reasoning === '') {
          const untold = beforeAnyText(error);
          if (untold !== undefined) throw withPartial(untold, partial);
        }
        // Once anything was delivered, retrying would duplicate text: fail with what we have.
        if (yielded)
          throw withPartial(
            error.code === 'network' ? interruption(error) : error,
            attempt.partial,
          );
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
        options.onRetryWait?.({ attempt: target.retry + 1, delayMs: delay, code: lastError.code });
        await sleep(delay, { signal, abortError: abortedError }).catch((error: FleeceError) => {
          throw withPartial(error, { content: '', reasoning: '' });
        });
        target = { baseUrl: target.baseUrl, retry: target.retry + 1 };
      } else {
        const next = fallbacks[fallbackIndex++];
        target = next === undefined ? undefined : { baseUrl: next, retry: maxRetries };
      }
    }
    throw lastError ?? new FleeceError('network', { text: 'relay_unreachable' });
  } catch (error) {
    const late = deadline.signal.aborted && options.signal?.aborted !== true;
    if (late && error instanceof FleeceError && error.code === 'aborted') {
      const tooLong = answerTooLong(limitMs);
      if (error.partial !== undefined) tooLong.partial = error.partial;
      throw tooLong;
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
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

/**
 * A stall or a cut before any text: nothing is "kept" and nothing was "cut off", so say what it
 * is. Undefined for every other failure.
 */
function beforeAnyText(error: FleeceError): FleeceError | undefined {
  if (error.code === 'timeout_idle') {
    return new FleeceError('timeout_first_byte', {
      text: 'relay_no_text_in_time',
      ...(error.text.params === undefined ? {} : { params: error.text.params }),
      hint: coded('hint_nothing_arrived_wait'),
      cause: error,
    });
  }
  if (error.code === 'interrupted') {
    return new FleeceError('no_answer', {
      text: 'relay_closed_before_text',
      ...(error.detail === undefined ? {} : { detail: error.detail }),
      hint: coded('hint_nothing_arrived'),
      cause: error,
    });
  }
  return undefined;
}

function unexpected(error: unknown): FleeceError {
  return new FleeceError('protocol', { text: 'relay_read_failure', cause: error });
}
