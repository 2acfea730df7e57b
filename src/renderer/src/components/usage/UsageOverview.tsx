import { useTranslation } from 'react-i18next';
import { Download } from 'lucide-react';
import { Button } from '../../ui/Button';
import { saveTextFile } from '../../download';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { useUsageFormat } from './useUsageFormat';

/** Totals of the range, the month so far and its projection, what the totals leave out, export. */
export function UsageOverview() {
  const { t } = useTranslation('usage');
  const f = useUsageFormat();
  const store = useStoreApi();
  const summary = useAppStore((s) => s.usage.summary);
  const stale = useAppStore((s) => s.usage.stale);
  // "This month" already is the month so far: its card would say the same figure twice.
  const rangeIsMonth = useAppStore((s) => s.usage.range.preset === 'thisMonth');
  if (!summary) return null;
  const { totals, monthToDate: mtd } = summary;
  const [y, m] = mtd.month.split('-').map(Number);
  const monthName = new Intl.DateTimeFormat(f.locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1));
  const priced = (coverage: string) =>
    summary.models.some((x) => x.coverage === coverage && x.pricedAnswers > 0);
  const exportCsv = async (): Promise<void> => {
    const res = await store.getState().usageActions.exportCsv();
    if (res.ok) saveTextFile(res.data.fileName, res.data.csv, 'text/csv;charset=utf-8');
    else store.getState().ui.showToast(res.error);
  };

  return (
    <section aria-label={t('cards.spent')} className="usage-section">
      {stale ? (
        <p className="usage-stale" role="status">
          {t('stale')}{' '}
          <button type="button" onClick={() => void store.getState().usageActions.refresh()}>
            {t('refresh')}
          </button>
        </p>
      ) : null}
      <dl className="usage-cards">
        <div>
          <dt>{t('cards.spent')}</dt>
          <dd data-testid="usage-spent">
            {totals.answers > 0 && totals.pricedAnswers === 0 ? '—' : f.money(totals.costUsd)}
          </dd>
        </div>
        <div>
          <dt>{t('cards.answers')}</dt>
          <dd data-testid="usage-answers">{f.int(totals.answers)}</dd>
        </div>
        <div>
          <dt>{t('cards.tokens')}</dt>
          <dd data-testid="usage-tokens">
            {totals.estimatedAnswers > 0 ? (
              <>
                <abbr title={t('estimatedMark')}>≈</abbr>{' '}
              </>
            ) : null}
            {f.int(totals.promptTokens + totals.completionTokens)}
          </dd>
        </div>
        {rangeIsMonth ? null : (
          <div>
            <dt>{t('cards.monthToDate', { month: monthName })}</dt>
            <dd data-testid="usage-mtd">{f.money(mtd.spentUsd)}</dd>
          </div>
        )}
        <div>
          <dt>{t('cards.projected')}</dt>
          <dd data-testid="usage-projected">
            {f.money(mtd.projectedUsd)} <span className="muted">{t('cards.projectedHint')}</span>
          </dd>
        </div>
      </dl>
      {totals.answers === 0 ? <p className="muted">{t('empty')}</p> : null}
      <ul className="usage-notes muted">
        {totals.unpricedAnswers > 0 ? (
          <li>{t('notes.unpriced', { count: f.int(totals.unpricedAnswers) })}</li>
        ) : null}
        {totals.estimatedAnswers > 0 ? (
          <li>{t('notes.estimated', { count: f.int(totals.estimatedAnswers) })}</li>
        ) : null}
        {priced('output_only') ? <li>{t('notes.outputOnly')}</li> : null}
        {priced('input_only') ? <li>{t('notes.inputOnly')}</li> : null}
      </ul>
      <Button
        size="sm"
        icon={<Download size={16} aria-hidden="true" />}
        onClick={() => void exportCsv()}
      >
        {t('exportCsv')}
      </Button>
    </section>
  );
}
