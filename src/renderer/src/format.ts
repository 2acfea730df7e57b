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

/**
 * "12.4K", "128K", "1M": token counts, as the context meter and the model picker show them. In
 * every language: context windows are named so ("128K") by the relays and the model makers in
 * Vietnamese and Chinese too, where the locale's own short forms read "128 N" and "12.8万". The
 * number itself follows the locale ("12,4K" in Vietnamese).
 */
export function formatCompact(n: number, locale: string): string {
  const abs = Math.abs(n);
  const [divisor, suffix] =
    abs >= 999_950_000
      ? [1e9, 'B']
      : abs >= 999_950
        ? [1e6, 'M']
        : abs >= 1000
          ? [1e3, 'K']
          : [1, ''];
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(n / divisor) + suffix;
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
