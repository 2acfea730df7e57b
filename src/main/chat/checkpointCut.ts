import { MIN_KEY_LENGTH } from './maskEchoedKey';

/**
 * Where the next checkpoint of a growing `text` may end, given that everything before `from`
 * is on disk: at most `maxChars` further (a long burst is written over several tasks), never
 * inside a surrogate pair, and never inside an echoed API key. Text at the end that may be the
 * start of a key still arriving waits for the next checkpoint, and a key that has fully arrived
 * is never cut in two, so masking each written piece on its own masks every key and no part of
 * a key ever reaches the disk.
 */
export function checkpointEnd(
  text: string,
  from: number,
  maxChars: number,
  apiKey: string | undefined,
): number {
  let end = Math.min(text.length, from + maxChars);
  const key = apiKey?.trim() ?? '';
  if (key.length >= MIN_KEY_LENGTH) {
    // The earliest place from which the rest of the text could begin a key (shorter than it).
    for (let i = Math.max(from, text.length - key.length + 1); i < end; i++) {
      if (key.startsWith(text.slice(i))) {
        end = i;
        break;
      }
    }
    for (;;) {
      // Only a key starting in the last key.length - 1 characters before `end` can straddle it.
      const lo = Math.max(0, end - key.length + 1);
      const at =
        end > lo ? text.slice(lo, end + key.length - 1).lastIndexOf(key, end - 1 - lo) : -1;
      if (at === -1) break;
      end = lo + at;
    }
  }
  if (end <= from) return from;
  if (end < text.length) {
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  }
  return Math.max(from, end);
}
