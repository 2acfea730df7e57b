import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENCIES } from '../../../../shared/types/choices';
import type { Currency } from '../../../../shared/types/usage';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { parseAmount } from './money';

/** The display currency and the user's rates; HolySheep's ¥1 = $1 billing is said beside them. */
export function CurrencyForm() {
  const { t } = useTranslation('usage');
  const store = useStoreApi();
  const settings = useAppStore((s) => s.usage.settings);
  const holySheep = useAppStore((s) => s.profiles.some((p) => p.preset === 'holysheep'));
  const [rates, setRates] = useState<{ CNY?: string; VND?: string }>({});
  const [message, setMessage] = useState<'saved' | 'invalid' | null>(null);
  if (!settings) return null;
  const actions = store.getState().usageActions;

  const setCurrency = async (currency: Currency): Promise<void> => {
    const res = await actions.updateSettings({ currency });
    if (!res.ok) store.getState().ui.showToast(res.error);
  };
  const save = async (): Promise<void> => {
    const cny = parseAmount(rates.CNY ?? String(settings.rates.CNY));
    const vnd = parseAmount(rates.VND ?? String(settings.rates.VND));
    if (typeof cny !== 'number' || typeof vnd !== 'number' || cny <= 0 || vnd <= 0)
      return setMessage('invalid');
    const res = await actions.updateSettings({ rates: { CNY: cny, VND: vnd } });
    if (res.ok) {
      setRates({});
      setMessage('saved');
    } else store.getState().ui.showToast(res.error);
  };
  const rateInput = (code: 'CNY' | 'VND') => (
    <label>
      {t(code === 'CNY' ? 'currency.rateCNY' : 'currency.rateVND')}
      <input
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        value={rates[code] ?? String(settings.rates[code])}
        onChange={(e) => {
          setMessage(null);
          setRates({ ...rates, [code]: e.target.value });
        }}
      />
    </label>
  );

  return (
    <section aria-labelledby="usage-currency-title" className="usage-section">
      <h2 id="usage-currency-title">{t('currency.title')}</h2>
      <label>
        {t('currency.show')}
        <select
          value={settings.currency}
          onChange={(e) => void setCurrency(e.target.value as Currency)}
        >
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {t(`currency.names.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        {rateInput('CNY')}
        {rateInput('VND')}
        <button type="button" onClick={() => void save()}>
          {t('currency.save')}
        </button>
      </div>
      {holySheep ? (
        <p className="usage-holysheep-note" data-testid="holysheep-note">
          {t('currency.holySheep')}
        </p>
      ) : null}
      {message === 'saved' ? <p role="status">{t('currency.saved')}</p> : null}
      {message === 'invalid' ? (
        <p role="alert" className="error">
          {t('currency.invalid')}
        </p>
      ) : null}
    </section>
  );
}
