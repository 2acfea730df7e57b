import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { BudgetForm } from './BudgetForm';
import { useCodedText } from '../../i18n/codedText';
import { CurrencyForm } from './CurrencyForm';
import { PriceTableEditor } from './PriceTableEditor';
import { RangePicker } from './RangePicker';
import { SpendPerDay } from './SpendPerDay';
import { UsageOverview } from './UsageOverview';
import { ModelTable, ProfileTable } from './UsageTables';
import { CompareStatsView } from './CompareStatsView';
import { Tabs } from '../../ui/Tabs';
import { Columns3, Wallet } from 'lucide-react';
import type { UsageTab } from '../../store/slices/uiSlice';
import './usage.css';

/** What was spent, on what, and how fast: for a range of days (default: this month). */
export function UsageView() {
  const { t } = useTranslation('usage');
  const { report } = useCodedText();
  const store = useStoreApi();
  const loading = useAppStore((s) => s.usage.loading);
  const error = useAppStore((s) => s.usage.error);
  const hasSummary = useAppStore((s) => s.usage.summary !== null);
  const tab = useAppStore((s) => s.usageTab);
  useEffect(() => {
    void store.getState().usageActions.load();
  }, [store]);
  return (
    <section className="usage-view" aria-labelledby="usage-title" aria-busy={loading}>
      <h1 id="usage-title">{t('title')}</h1>
      <Tabs
        label={t('tabs.label')}
        value={tab}
        onChange={(v) => store.getState().ui.setUsageTab(v as UsageTab)}
        tabs={[
          {
            value: 'usage',
            label: t('tabs.usage'),
            icon: <Wallet size={15} />,
            content: (
              <>
                <p className="muted">{t('intro')}</p>
                <RangePicker />
                {loading && !hasSummary ? <p role="status">{t('loading')}</p> : null}
                {error ? (
                  <p role="alert" className="error">
                    {t('loadError')} <span className="muted">{report(error)}</span>
                  </p>
                ) : null}
                <UsageOverview />
                <SpendPerDay />
                <ModelTable />
                <ProfileTable />
                <BudgetForm />
                <CurrencyForm />
                <PriceTableEditor />
              </>
            ),
          },
          {
            value: 'compare',
            label: t('tabs.compare'),
            icon: <Columns3 size={15} />,
            content: <CompareStatsView />,
          },
        ]}
      />
    </section>
  );
}
