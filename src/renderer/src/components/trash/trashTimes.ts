import { TRASH_RETENTION_MS } from '../../../../shared/rules/limits';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A signed time difference, rounded, in the largest unit that reads naturally (for
 * Intl.RelativeTimeFormat): under a minute is "now"; 29 days 23 hours is "30 days".
 */
export function relativeParts(deltaMs: number): [number, Intl.RelativeTimeFormatUnit] {
  const abs = Math.abs(deltaMs);
  const sign = deltaMs < 0 ? -1 : 1;
  if (abs < MINUTE) return [0, 'second'];
  if (abs < HOUR) return [sign * Math.round(abs / MINUTE), 'minute'];
  if (abs < DAY) return [sign * Math.round(abs / HOUR), 'hour'];
  return [sign * Math.round(abs / DAY), 'day'];
}

/** When a conversation deleted at `deletedAt` is deleted for good: never before now. */
export function purgeAt(deletedAt: number, now: number): number {
  return Math.max(now, deletedAt + TRASH_RETENTION_MS);
}

/** "3 days ago", "in 27 days" in the UI language. */
export function relativeTime(ts: number, now: number, locale: string): string {
  const [value, unit] = relativeParts(ts - now);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(value, unit);
}
