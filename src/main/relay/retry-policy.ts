import type { FleeceError } from '../errors/FleeceError';
import type { RelayErrorKind } from '../../shared/relay';

/** Longest Retry-After we wait for; a longer one moves on to the fallbacks (or fails with it). */
export const RETRY_AFTER_CAP_MS = 60_000;
const BACKOFF_CAP_MS = 8_000;

const RETRYABLE: ReadonlySet<string> = new Set<RelayErrorKind>([
  'network',
  'timeout_connect',
  'rate_limited',
  'server',
]);

/** Worth another try, provided nothing of the answer was delivered yet. */
export function isRetryable(error: FleeceError): boolean {
  return RETRYABLE.has(error.code);
}

/**
 * Delay before retry number `retry` (1-based), or undefined when waiting is pointless (the relay
 * asked for more than the cap). Equal jitter: half fixed, half random, so clients that failed
 * together do not come back together.
 */
export function retryDelay(
  retry: number,
  baseMs: number,
  error: FleeceError,
  random: () => number = Math.random,
): number | undefined {
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs > RETRY_AFTER_CAP_MS ? undefined : error.retryAfterMs;
  }
  const step = Math.min(BACKOFF_CAP_MS, baseMs * 2 ** (retry - 1));
  return step / 2 + random() * (step / 2);
}
