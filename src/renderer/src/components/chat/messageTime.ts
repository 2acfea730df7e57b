// Intl formatters are costly to build and a long conversation shows many times: one per locale.
const shortTime = new Map<string, Intl.DateTimeFormat>();
const shortDate = new Map<string, Intl.DateTimeFormat>();
const fullDate = new Map<string, Intl.DateTimeFormat>();

function cached(
  cache: Map<string, Intl.DateTimeFormat>,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    cache.set(locale, format);
  }
  return format;
}

/**
 * When a message was written, in the reader's language: the time alone for today, the date and
 * time otherwise; `full` (weekday, date and seconds) is for the tooltip.
 */
export function formatMessageTime(
  at: number,
  locale: string,
  now: number = Date.now(),
): { short: string; full: string } {
  const date = new Date(at);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const short = sameDay
    ? cached(shortTime, locale, { timeStyle: 'short' }).format(date)
    : cached(shortDate, locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  const full = cached(fullDate, locale, { dateStyle: 'full', timeStyle: 'medium' }).format(date);
  return { short, full };
}
