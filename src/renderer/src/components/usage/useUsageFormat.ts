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
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return {
      locale,
      settings,
      currency: rateOf(settings).currency,
      money: (usd: number | null) => showMoney(usd, settings, locale),
      int: (n: number) => formatInteger(n, locale),
      ms: (n: number | null) => (n === null ? '—' : formatMs(n, locale)),
      percent: (ratio: number) => percent.format(ratio),
      decimal: (n: number | null) => (n === null ? '—' : decimal.format(n)),
    };
  }, [locale, settings]);
}
