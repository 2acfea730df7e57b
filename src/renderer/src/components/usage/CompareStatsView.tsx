import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Columns3, MessageSquare } from 'lucide-react';
import { useClient, useStoreApi } from '../../store/StoreContext';
import type { CompareStats } from '../../../../shared/types/compare';
import type { AppError } from '../../../../shared/result';
import { useCodedText } from '../../i18n/codedText';
import { EmptyState } from '../../ui/EmptyState';
import { Select } from '../../ui/Select';
import { Button } from '../../ui/Button';
import { useUsageFormat } from './useUsageFormat';

/** How many of the last comparisons the table may cover. */
export const COMPARE_LAST_OPTIONS = [10, 20, 50, 100] as const;

/**
 * The figures of the last N comparisons, one row per model and profile: the price and latency
 * table, measured on the user's own machine and network.
 */
export function CompareStatsView() {
  const { t } = useTranslation('usage');
  const { report } = useCodedText();
  const client = useClient();
  const store = useStoreApi();
  const f = useUsageFormat();
  const labelId = useId();
  const [last, setLast] = useState<number>(20);
  const [stats, setStats] = useState<CompareStats | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  // The N the table on screen was loaded for: another choice loads again.
  const [loadedFor, setLoadedFor] = useState<number | null>(null);
  const loading = loadedFor !== last;

  useEffect(() => {
    let live = true;
    void client.call('compare.stats', { last }).then((res) => {
      if (!live) return;
      setLoadedFor(last);
      if (res.ok) {
        setStats(res.data);
        setError(null);
      } else setError(res.error);
    });
    return () => {
      live = false;
    };
  }, [client, last]);
  // Costs are shown in the chosen currency: the usage settings are loaded once if not yet.
  useEffect(() => {
    if (store.getState().usage.settings === null) void store.getState().usageActions.load();
  }, [store]);

  const rows = stats?.rows ?? [];
  const estimated = rows.some((r) => r.estimated);
  return (
    <section
      className="usage-section compare-stats"
      aria-labelledby="compare-stats-title"
      aria-busy={loading}
      data-testid="compare-stats"
    >
      <div className="compare-stats-head">
        <div>
          <h2 id="compare-stats-title">{t('compare.title')}</h2>
          <p className="muted">{t('compare.intro')}</p>
        </div>
        <div className="compare-stats-last">
          <span id={labelId} className="compare-stats-last-label">
            {t('compare.last')}
          </span>
          <Select
            labelledBy={labelId}
            value={String(last)}
            onChange={(v) => setLast(Number(v))}
            options={COMPARE_LAST_OPTIONS.map((n) => ({
              value: String(n),
              label: t('compare.lastOption', { count: n }),
            }))}
          />
        </div>
      </div>
      {error ? (
        <p role="alert" className="error">
          {t('compare.loadError')} <span className="muted">{report(error)}</span>
        </p>
      ) : null}
      {loading && !stats ? <p role="status">{t('compare.loading')}</p> : null}
      {stats && rows.length === 0 ? (
        <EmptyState
          icon={<Columns3 size={28} />}
          title={t('compare.emptyTitle')}
          hint={t('compare.emptyHint')}
        >
          <Button
            variant="secondary"
            icon={<MessageSquare size={15} aria-hidden="true" />}
            onClick={() => store.getState().ui.setView('chat')}
          >
            {t('compare.openChat')}
          </Button>
        </EmptyState>
      ) : null}
      {rows.length > 0 ? (
        <>
          <div className="usage-table-scroll compare-stats-scroll">
            <table
              className="usage-table compare-stats-table"
              data-testid="compare-stats-table"
              aria-label={t('compare.tableLabel')}
            >
              <thead>
                <tr>
                  <th scope="col">{t('compare.columns.model')}</th>
                  <th scope="col">{t('compare.columns.profile')}</th>
                  <th scope="col">{t('compare.columns.answers')}</th>
                  <th scope="col">{t('compare.columns.kept')}</th>
                  <th scope="col">{t('compare.columns.ttftMedian')}</th>
                  <th scope="col">{t('compare.columns.ttftP90')}</th>
                  <th scope="col">{t('compare.columns.speed')}</th>
                  <th scope="col">{t('compare.columns.costPerAnswer')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={`${r.profileId ?? ''}|${r.model}`}
                    data-testid="compare-stats-row"
                    data-model={r.model}
                  >
                    <th scope="row">{r.model}</th>
                    <td className="compare-stats-profile" data-label={t('compare.columns.profile')}>
                      {r.profileName ?? t('compare.deletedProfile')}
                    </td>
                    <td data-label={t('compare.columns.answers')}>
                      {f.int(r.answers)}
                      {r.failed > 0 ? (
                        <span className="compare-stats-failed">
                          {' '}
                          {t('compare.failed', { count: f.int(r.failed) })}
                        </span>
                      ) : null}
                    </td>
                    <td data-label={t('compare.columns.kept')}>
                      {f.int(r.kept)}
                      {r.answers > 0 ? (
                        <span className="muted"> ({f.percent(r.kept / r.answers)})</span>
                      ) : null}
                    </td>
                    <td data-label={t('compare.columns.ttftMedian')}>{f.ms(r.ttftMsMedian)}</td>
                    <td data-label={t('compare.columns.ttftP90')}>{f.ms(r.ttftMsP90)}</td>
                    <td data-label={t('compare.columns.speed')}>
                      {f.speed(r.tokensPerSecondMedian)}
                      {r.estimated && r.tokensPerSecondMedian !== null ? (
                        <abbr title={t('estimatedMark')}> ≈</abbr>
                      ) : null}
                    </td>
                    <td data-label={t('compare.columns.costPerAnswer')}>
                      {r.costMean === null ? '—' : f.money(r.costMean)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted compare-stats-note">
            {t('compare.covered', { count: stats?.comparisons ?? 0 })}
            {estimated ? ` ${t('compare.estimated')}` : ''}
          </p>
        </>
      ) : null}
    </section>
  );
}
