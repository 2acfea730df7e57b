import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { useUsageFormat } from './useUsageFormat';

/** Budget notices from main (80 % and 100 % of a profile's month), until dismissed. Never a block. */
export function BudgetAlerts() {
  const { t } = useTranslation('usage');
  const { t: tc } = useTranslation();
  const f = useUsageFormat();
  const store = useStoreApi();
  const alerts = useAppStore((s) => s.usage.alerts);
  const profiles = useAppStore((s) => s.profiles);
  if (alerts.length === 0) return null;
  return (
    <>
      {alerts.map((a) => {
        const profile = profiles.find((p) => p.id === a.profileId)?.name ?? a.profileId;
        const values = {
          profile,
          spent: f.money(a.spentUsd),
          budget: f.money(a.budgetUsd),
          percent: f.percent(a.spentUsd / a.budgetUsd),
        };
        return (
          <div
            key={`${a.profileId}-${a.month}`}
            className="banner usage-budget-alert"
            role="status"
            data-testid="budget-alert"
            data-level={a.level}
          >
            {a.level === 100 ? t('budgets.reached100', values) : t('budgets.reached80', values)}{' '}
            <button type="button" onClick={() => store.getState().usageActions.dismissAlert(a)}>
              {tc('dismiss')}
            </button>
          </div>
        );
      })}
    </>
  );
}
