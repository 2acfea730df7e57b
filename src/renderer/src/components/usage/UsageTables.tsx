import { useTranslation } from 'react-i18next';
import type { ModelUsage, UsageTotals } from '../../../../shared/types/usage';
import { useAppStore } from '../../store/StoreContext';
import { useUsageFormat } from './useUsageFormat';

type Format = ReturnType<typeof useUsageFormat>;

/** A cost is "—" when none of the answers had a price; † / ‡ when only one side was priced. */
function Spend({
  totals,
  coverage,
  f,
}: {
  totals: UsageTotals;
  coverage?: ModelUsage['coverage'];
  f: Format;
}) {
  if (totals.pricedAnswers === 0) return <>—</>;
  const mark = coverage === 'output_only' ? ' †' : coverage === 'input_only' ? ' ‡' : '';
  return (
    <>
      {f.money(totals.costUsd)}
      {mark}
    </>
  );
}

function Tokens({ n, estimated, f }: { n: number; estimated: boolean; f: Format }) {
  const { t } = useTranslation('usage');
  return (
    <>
      {f.int(n)}
      {estimated ? <abbr title={t('estimatedMark')}> ≈</abbr> : null}
    </>
  );
}

export function ModelTable() {
  const { t } = useTranslation('usage');
  const f = useUsageFormat();
  const models = useAppStore((s) => s.usage.summary?.models);
  if (!models || models.length === 0) return null;
  return (
    <section aria-labelledby="usage-models-title" className="usage-section">
      <h2 id="usage-models-title">{t('models.title')}</h2>
      <div className="usage-table-scroll">
        <table className="usage-table" data-testid="usage-models-table">
          <thead>
            <tr>
              <th scope="col">{t('columns.model')}</th>
              <th scope="col">{t('columns.answers')}</th>
              <th scope="col">{t('columns.promptTokens')}</th>
              <th scope="col">{t('columns.completionTokens')}</th>
              <th scope="col">{t('columns.spend')}</th>
              <th scope="col">{t('columns.ttftP50')}</th>
              <th scope="col">{t('columns.ttftP95')}</th>
              <th scope="col">{t('columns.speed')}</th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={m.model ?? ''} data-testid="usage-model-row" data-model={m.model ?? ''}>
                <th scope="row">{m.model ?? t('models.none')}</th>
                <td>{f.int(m.answers)}</td>
                <td>
                  <Tokens n={m.promptTokens} estimated={m.estimatedAnswers > 0} f={f} />
                </td>
                <td>
                  <Tokens n={m.completionTokens} estimated={m.estimatedAnswers > 0} f={f} />
                </td>
                <td>
                  <Spend totals={m} coverage={m.coverage} f={f} />
                </td>
                <td>{f.ms(m.ttftP50Ms)}</td>
                <td>{f.ms(m.ttftP95Ms)}</td>
                <td>{f.speed(m.tokensPerSecond)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ProfileTable() {
  const { t } = useTranslation('usage');
  const f = useUsageFormat();
  const rows = useAppStore((s) => s.usage.summary?.profiles);
  const profiles = useAppStore((s) => s.profiles);
  if (!rows || rows.length === 0) return null;
  const name = (id: string | null): string =>
    id === null
      ? t('profiles.none')
      : (profiles.find((p) => p.id === id)?.name ?? t('profiles.deleted', { id }));
  return (
    <section aria-labelledby="usage-profiles-title" className="usage-section">
      <h2 id="usage-profiles-title">{t('profiles.title')}</h2>
      <div className="usage-table-scroll">
        <table className="usage-table" data-testid="usage-profiles-table">
          <thead>
            <tr>
              <th scope="col">{t('columns.profile')}</th>
              <th scope="col">{t('columns.answers')}</th>
              <th scope="col">{t('columns.promptTokens')}</th>
              <th scope="col">{t('columns.completionTokens')}</th>
              <th scope="col">{t('columns.spend')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.profileId ?? ''} data-testid="usage-profile-row">
                <th scope="row">{name(p.profileId)}</th>
                <td>{f.int(p.answers)}</td>
                <td>
                  <Tokens n={p.promptTokens} estimated={p.estimatedAnswers > 0} f={f} />
                </td>
                <td>
                  <Tokens n={p.completionTokens} estimated={p.estimatedAnswers > 0} f={f} />
                </td>
                <td>
                  <Spend totals={p} f={f} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
