import {
  ANSWER_LIMIT_MB_MAX,
  DEFAULT_ANSWER_LIMIT_MB,
  DEFAULT_ANSWER_LIMIT_MINUTES,
} from '../../shared/types/profiles';
import type { BodyReader } from './body-reader';
import { FleeceError } from '../errors/FleeceError';

/**
 * Bounds on what a relay can make Fleece hold. Without them an endless stream grows main's memory
 * and the stored message without limit (a hostile relay streamed 111 MB into one answer in 30 s).
 */
export const DEFAULT_MAX_ANSWER_CHARS = DEFAULT_ANSWER_LIMIT_MB * 1024 * 1024;
export const DEFAULT_MAX_DURATION_MS = DEFAULT_ANSWER_LIMIT_MINUTES * 60_000;
/** OpenRouter's list is over a megabyte; anything much larger is not a model list. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Bytes the stream may send without adding any text: keep-alive comments and usage chunks are
 * tiny, so this only trips on a line that never ends or a flood of events that carry nothing.
 */
export function maxIdleBytes(maxAnswerChars: number): number {
  return 2 * maxAnswerChars + 1024 * 1024;
}

export function answerTooLarge(limitChars: number): FleeceError {
  return new FleeceError('too_large', {
    text: 'relay_answer_too_large',
    params: { mb: Math.round((limitChars / 1024 / 1024) * 10) / 10 },
  });
}

export function answerTooLong(limitMs: number): FleeceError {
  return new FleeceError('too_long', {
    text: 'relay_answer_too_long',
    params: { minutes: Math.round((limitMs / 60_000) * 10) / 10 },
  });
}

export function bodyTooLarge(limitBytes: number, url: string): FleeceError {
  return new FleeceError('too_large', {
    text: 'relay_body_too_large',
    params: { url, mb: Math.round((limitBytes / 1024 / 1024) * 10) / 10 },
  });
}

/** Whole body as text; a body over `limit` bytes is refused (`too_large`), never cut silently. */
export async function readWhole(reader: BodyReader, limit: number, url: string): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (let chunk = await reader.read(); chunk !== undefined; chunk = await reader.read()) {
    size += chunk.byteLength;
    if (size > limit) {
      reader.cancel();
      throw bodyTooLarge(limit, url);
    }
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}

/** The user's limits (Settings → Preferences) as stream options. */
export function answerLimitOptions(prefs: {
  answerLimitMb?: number;
  answerLimitMinutes?: number;
}): {
  maxAnswerChars: number;
  maxDurationMs: number;
} {
  // A character of text is counted as a byte: exact for ASCII, close enough for a safety bound.
  return {
    maxAnswerChars:
      Math.min(prefs.answerLimitMb ?? DEFAULT_ANSWER_LIMIT_MB, ANSWER_LIMIT_MB_MAX) * 1024 * 1024,
    maxDurationMs: (prefs.answerLimitMinutes ?? DEFAULT_ANSWER_LIMIT_MINUTES) * 60_000,
  };
}
