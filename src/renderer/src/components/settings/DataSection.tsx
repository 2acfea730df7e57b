import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useClient, useStoreApi } from '../../store/StoreContext';
import { useCodedText } from '../../i18n/codedText';

/** Where data lives, export of everything to JSON, and import back. */
export function DataSection() {
  const { t } = useTranslation('settings');
  const { report } = useCodedText();
  const client = useClient();
  const store = useStoreApi();
  const dataDir = useAppStore((s) => s.dataDir);
  const fileRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<string | null>(null);

  const exportAll = async (): Promise<void> => {
    setStatus(t('data.exporting'));
    const res = await client.call('history.exportJson', {});
    if (!res.ok) return setStatus(report(res.error));
    setStatus(
      res.data.savedTo === null
        ? null
        : t('data.exported', {
            path: res.data.savedTo,
            conversations: res.data.conversations,
            messages: res.data.messages,
          }),
    );
  };

  const importFile = async (file: File): Promise<void> => {
    const json = await file.text();
    const res = await client.call('history.importJson', { json });
    if (!res.ok) return setStatus(report(res.error));
    setStatus(
      t('data.imported', {
        conversations: res.data.conversationsAdded,
        messages: res.data.messagesAdded,
        skipped: res.data.messagesSkipped,
      }),
    );
    await store.getState().conversationActions.refresh();
  };

  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t('data.title')}</h2>
      {dataDir ? <p>{t('data.location', { dir: dataDir })}</p> : null}
      <div className="row">
        <button type="button" onClick={() => void exportAll()}>
          {t('data.export')}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t('data.import')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label={t('data.import')}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importFile(f);
            e.target.value = '';
          }}
        />
      </div>
      {status ? <p role="status">{status}</p> : null}
    </section>
  );
}
