import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import type { NoticeItem } from '../Banners';
import { useUsageFormat } from './useUsageFormat';

/** Budget notices from main (80 % and 100 % of a profile's month), until dismissed. Never a block. */
export function useBudgetNotices(): NoticeItem[] {
  const { t } = useTranslation('usage');
  const f = useUsageFormat();
  const store = useStoreApi();
  const alerts = useAppStore((s) => s.usage.alerts);
  const profiles = useAppStore((s) => s.profiles);
  return alerts.map((a) => {
    const profile = profiles.find((p) => p.id === a.profileId)?.name ?? a.profileId;
    const values = {
      profile,
      spent: f.money(a.spentUsd),
      budget: f.money(a.budgetUsd),
      percent: f.percent(a.spentUsd / a.budgetUsd),
    };
    return {
      key: `budget:${a.profileId}-${a.month}`,
      tone: a.level === 100 ? 'danger' : 'warning',
      testId: 'budget-alert',
      level: a.level,
      text: a.level === 100 ? t('budgets.reached100', values) : t('budgets.reached80', values),
      onDismiss: () => store.getState().usageActions.dismissAlert(a),
    };
  });
}
