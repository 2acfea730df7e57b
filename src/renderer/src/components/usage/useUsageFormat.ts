import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger, formatMs } from '../../format';
import { useAppStore } from '../../store/StoreContext';
import { rateOf, showMoney } from './money';

/** Number, money, duration and percent formatting in the UI language and the chosen currency. */
export function useUsageFormat() {
  const { i18n } = useTranslation('usage');
  const locale = i18n.language;
  const settings = useAppStore((s) => s.usage.settings);
  return useMemo(() => {
    // Built on first use: the notice area calls this hook at start-up, usually with nothing to
    // format, and the page's first Intl formatter costs a large part of a frame.
    let percentFormat: Intl.NumberFormat | undefined;
    const percent = {
      format: (n: number) =>
        (percentFormat ??= new Intl.NumberFormat(locale, {
          style: 'percent',
          maximumFractionDigits: 0,
        })).format(n),
    };
    return {
      locale,
      settings,
      currency: rateOf(settings).currency,
      money: (usd: number | null) => showMoney(usd, settings, locale),
      int: (n: number) => formatInteger(n, locale),
      ms: (n: number | null) => (n === null ? '—' : formatMs(n, locale)),
      percent: (ratio: number) => percent.format(ratio),
      /** Tokens per second, whole, as every answer's footer shows them. */
      speed: (n: number | null) => (n === null ? '—' : formatInteger(n, locale)),
    };
  }, [locale, settings]);
}
