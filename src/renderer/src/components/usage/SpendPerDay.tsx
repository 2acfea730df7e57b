import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAppStore } from '../../store/StoreContext';
import { selectChartData } from '../../store/slices/usageSlice';
import { formatMoney } from '../../format';
import { formatDay } from './usageRange';
import { useUsageFormat } from './useUsageFormat';

/** Spend per local day as bars, with the same figures in a table beside the chart. */
export function SpendPerDay() {
  const { t } = useTranslation('usage');
  const f = useUsageFormat();
  const summary = useAppStore((s) => s.usage.summary);
  const data = useMemo(() => selectChartData(summary, f.settings), [summary, f.settings]);
  if (!summary) return null;
  // Small daily spends need significant digits, or every tick reads "$0".
  const axisMoney = new Intl.NumberFormat(f.locale, {
    style: 'currency',
    currency: f.currency,
    notation: 'compact',
    maximumSignificantDigits: 2,
  });
  const longDay = { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' } as const;
  return (
    <section aria-labelledby="usage-days-title" className="usage-section">
      <h2 id="usage-days-title">{t('chart.title')}</h2>
      <div className="usage-chart-pair">
        <figure className="usage-chart" role="img" aria-label={t('chart.label')}>
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid vertical={false} />
              <XAxis
                dataKey="day"
                tickFormatter={(d: string) => formatDay(d, f.locale, { day: 'numeric' })}
                minTickGap={8}
              />
              <YAxis tickFormatter={(v: number) => axisMoney.format(v)} width="auto" />
              <Tooltip
                cursor={{ fillOpacity: 0.15 }}
                labelFormatter={(d) => formatDay(String(d), f.locale, longDay)}
                formatter={(v) => [
                  formatMoney(Number(v), f.currency, f.locale),
                  t('columns.spend'),
                ]}
                contentStyle={{
                  background: 'var(--bg)',
                  border: '1px solid var(--border)',
                  color: 'var(--fg)',
                }}
              />
              <Bar dataKey="amount" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <div
          className="usage-table-scroll"
          tabIndex={0}
          role="region"
          aria-labelledby="usage-days-caption"
        >
          <table className="usage-table" data-testid="usage-days-table">
            <caption id="usage-days-caption">{t('chart.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.day')}</th>
                <th scope="col">{t('columns.spend')}</th>
                <th scope="col">{t('columns.answers')}</th>
                <th scope="col">{t('columns.tokens')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.days.map((d) => (
                <tr key={d.day} data-day={d.day}>
                  <th scope="row">{formatDay(d.day, f.locale, longDay)}</th>
                  <td>{d.answers > 0 && d.pricedAnswers === 0 ? '—' : f.money(d.costUsd)}</td>
                  <td>{f.int(d.answers)}</td>
                  <td>
                    {f.int(d.promptTokens + d.completionTokens)}
                    {d.estimatedAnswers > 0 ? <abbr title={t('estimatedMark')}> ≈</abbr> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
