import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportSkip } from '../../../../shared/types/history';
import { formatDateTime, formatInteger } from '../../format';
import { Button } from '../../ui/Button';

/** The reasons a file's content was left out, one line each. */
export function SkipList({ skipped }: { skipped: readonly ImportSkip[] }) {
  const { t, i18n } = useTranslation('settings');
  if (skipped.length === 0) return null;
  return (
    <ul data-testid="import-skipped">
      {skipped.map((s) => (
        <li key={s.reason}>
          {t(`data.skip.${s.reason}`, { n: formatInteger(s.count, i18n.language) })}
        </li>
      ))}
    </ul>
  );
}

/** What the chosen file holds, before anything is written: import it or cancel. */
export function ImportPreviewCard({
  preview,
  onConfirm,
  onCancel,
}: {
  preview: ImportPreview;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('settings');
  const locale = i18n.language;
  const titleId = 'import-preview-title';
  return (
    <div role="group" aria-labelledby={titleId} data-testid="import-preview">
      <h3 id={titleId}>{t('data.previewTitle', { source: t(`data.source.${preview.source}`) })}</h3>
      {preview.conversations === 0 ? (
        <p>{t('data.previewNothing')}</p>
      ) : (
        <>
          <p>
            {t('data.previewCounts', {
              conversations: formatInteger(preview.conversations, locale),
              messages: formatInteger(preview.messages, locale),
            })}
          </p>
          {preview.firstAt !== null && preview.lastAt !== null ? (
            <p>
              {t('data.previewRange', {
                from: formatDateTime(preview.firstAt, locale),
                to: formatDateTime(preview.lastAt, locale),
              })}
            </p>
          ) : null}
        </>
      )}
      {preview.skipped.length > 0 ? <p>{t('data.skippedTitle')}</p> : null}
      <SkipList skipped={preview.skipped} />
      <div className="row">
        <Button variant="primary" disabled={preview.conversations === 0} onClick={onConfirm}>
          {t('data.importConfirm')}
        </Button>
        <Button onClick={onCancel}>{t('data.importCancel')}</Button>
      </div>
    </div>
  );
}
