import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { selectBudgetRows } from '../../store/slices/usageSlice';
import { budgetInputValue, parseAmount, toUsd } from './money';
import { useUsageFormat } from './useUsageFormat';

/** One optional monthly budget per profile, typed in the display currency, stored in USD. */
export function BudgetForm() {
  const { t } = useTranslation('usage');
  const f = useUsageFormat();
  const store = useStoreApi();
  const profiles = useAppStore((s) => s.profiles);
  const summary = useAppStore((s) => s.usage.summary);
  const settings = f.settings;
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<'saved' | 'invalid' | null>(null);
  if (!settings) return null;
  const rows = selectBudgetRows(settings, summary);
  const value = (id: string): string =>
    draft[id] ?? budgetInputValue(settings.budgets[id], settings);

  const save = async (): Promise<void> => {
    const budgets: Record<string, number | null> = {};
    for (const p of profiles) {
      if (draft[p.id] === undefined) continue;
      const amount = parseAmount(draft[p.id] ?? '');
      if (amount === 'invalid' || amount === 0) return setMessage('invalid');
      budgets[p.id] = amount === null ? null : toUsd(amount, settings);
    }
    const res = await store.getState().usageActions.updateSettings({ budgets });
    if (res.ok) {
      setDraft({});
      setMessage('saved');
    } else store.getState().ui.showToast(res.error);
  };

  return (
    <section aria-labelledby="usage-budgets-title" className="usage-section">
      <h2 id="usage-budgets-title">{t('budgets.title')}</h2>
      <p className="muted">{t('budgets.help')}</p>
      {profiles.length === 0 ? <p className="muted">{t('budgets.noProfiles')}</p> : null}
      {profiles.map((p) => {
        const status = rows.find((r) => r.profileId === p.id);
        return (
          <div key={p.id} className="row usage-budget-row">
            <label>
              {t('budgets.input', { profile: p.name, currency: f.currency })}
              <input
                type="number"
                inputMode="decimal"
                min={0}
                step="any"
                value={value(p.id)}
                onChange={(e) => {
                  setMessage(null);
                  setDraft({ ...draft, [p.id]: e.target.value });
                }}
              />
            </label>
            {status ? (
              <span
                className={
                  status.level === 100 ? 'error' : status.level === 80 ? 'warning' : 'muted'
                }
                data-testid="budget-status"
              >
                {t('budgets.status', {
                  spent: f.money(status.spentUsd),
                  budget: f.money(status.budgetUsd),
                  percent: f.percent(status.ratio),
                })}
              </span>
            ) : null}
          </div>
        );
      })}
      {profiles.length > 0 ? (
        <button type="button" onClick={() => void save()}>
          {t('budgets.save')}
        </button>
      ) : null}
      {message === 'saved' ? <span role="status"> {t('budgets.saved')}</span> : null}
      {message === 'invalid' ? (
        <p role="alert" className="error">
          {t('budgets.invalid')}
        </p>
      ) : null}
    </section>
  );
}
