/** Locale-aware number, money and duration formatting for the UI. Pure functions. */

// Building an Intl formatter costs far more than using one, and every answer's footer formats
// several numbers: one formatter per locale and options, kept (a handful in practice).
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = options ? `${locale}|${JSON.stringify(options)}` : locale;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

export function formatInteger(n: number, locale: string): string {
  return numberFormat(locale).format(Math.round(n));
}

/** "12.4K": short counts, as the context meter shows them. */
export function formatCompact(n: number, locale: string): string {
  return numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

export function formatMs(ms: number, locale: string): string {
  if (ms < 1000) return `${numberFormat(locale).format(Math.round(ms))} ms`;
  return `${numberFormat(locale, { maximumFractionDigits: 1 }).format(ms / 1000)} s`;
}

/** Costs of single answers are tiny: show significant digits (never "$0.00" for a real cost). */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const abs = Math.abs(amount);
  if (abs > 0 && abs < 0.01 && currency !== 'VND') {
    return numberFormat(locale, {
      style: 'currency',
      currency,
      minimumSignificantDigits: 2,
      maximumSignificantDigits: 3,
    }).format(amount);
  }
  const digits = currency === 'VND' ? 0 : abs < 1 && abs > 0 ? 4 : 2;
  return numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

/** Output tokens per second over the streaming part of the answer (after the first token). */
export function tokensPerSecond(
  completionTokens: number | null,
  durationMs: number | null,
  ttftMs: number | null,
): number | null {
  if (completionTokens === null || durationMs === null || completionTokens <= 0) return null;
  const streamingMs = durationMs - (ttftMs ?? 0);
  if (streamingMs <= 0) return null;
  return (completionTokens / streamingMs) * 1000;
}

export function formatDateTime(ts: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ts);
}
