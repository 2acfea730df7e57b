import type { Currency, UsageSettings } from '../../../../shared/types/usage';
import { formatMoney } from '../../format';

/** Stored amounts are USD; the page shows them in the chosen currency at the user's rate. */
export function rateOf(settings: Pick<UsageSettings, 'currency' | 'rates'> | null): {
  currency: Currency;
  rate: number;
} {
  if (!settings || settings.currency === 'USD') return { currency: 'USD', rate: 1 };
  return { currency: settings.currency, rate: settings.rates[settings.currency] };
}

export function toDisplay(
  usd: number,
  settings: Pick<UsageSettings, 'currency' | 'rates'> | null,
): number {
  return usd * rateOf(settings).rate;
}

/** A display-currency amount typed by the user, back to USD (how budgets are stored). */
export function toUsd(
  amount: number,
  settings: Pick<UsageSettings, 'currency' | 'rates'> | null,
): number {
  return amount / rateOf(settings).rate;
}

/** Money in the display currency; `null` (no known price) is "—", never 0. */
export function showMoney(
  usd: number | null,
  settings: Pick<UsageSettings, 'currency' | 'rates'> | null,
  locale: string,
): string {
  if (usd === null) return '—';
  const { currency, rate } = rateOf(settings);
  return formatMoney(usd * rate, currency, locale);
}

/** A budget as typed in the display currency: rounded like money shown in it. */
export function budgetInputValue(
  usd: number | undefined,
  settings: Pick<UsageSettings, 'currency' | 'rates'> | null,
): string {
  if (usd === undefined) return '';
  const { currency, rate } = rateOf(settings);
  const digits = currency === 'VND' ? 0 : 2;
  return String(Number((usd * rate).toFixed(digits)));
}

/** The value of an `<input type="number">` (the browser normalises it): blank → null, else ≥ 0. */
export function parseAmount(text: string): number | null | 'invalid' {
  const clean = text.trim();
  if (clean === '') return null;
  const n = Number(clean);
  return Number.isFinite(n) && n >= 0 ? n : 'invalid';
}
