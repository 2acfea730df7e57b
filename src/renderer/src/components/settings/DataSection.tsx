import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Download, FolderOpen, Upload, X } from 'lucide-react';
import { useAppStore, useClient, useStoreApi } from '../../store/StoreContext';
import { Button } from '../../ui/Button';
import { useCodedText } from '../../i18n/codedText';
import type { ImportPreview, ImportSkip } from '../../../../shared/types/history';
import { ImportPreviewCard, SkipList } from './ImportPreviewCard';

/** Where data lives, export of everything to JSON, and import back. */
export function DataSection() {
  const { t } = useTranslation('settings');
  const { report } = useCodedText();
  const client = useClient();
  const store = useStoreApi();
  const dataDir = useAppStore((s) => s.dataDir);
  const [status, setStatus] = useState<string | null>(null);
  const [folderError, setFolderError] = useState<string | null>(null);

  const openFolder = async (): Promise<void> => {
    setFolderError(null);
    const res = await client.call('app.openDataFolder', {});
    if (!res.ok) setFolderError(report(res.error));
  };

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

  const [importing, setImporting] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [skipped, setSkipped] = useState<readonly ImportSkip[]>([]);
  useEffect(
    () =>
      client.on('history.importProgress', (p) =>
        setStatus(
          p.phase === 'inserting'
            ? t('data.importProgress', { done: p.done, total: p.total })
            : t('data.importChecking'),
        ),
      ),
    [client, t],
  );
  useEffect(
    () =>
      client.on('history.importPreview', (p) => {
        setStatus(null);
        setPreview(p);
      }),
    [client],
  );
  // The import waits on this preview: leaving Settings meanwhile cancels it, so it cannot
  // hold the next import back.
  const waiting = useRef(false);
  useEffect(() => {
    waiting.current = preview !== null;
  }, [preview]);
  useEffect(
    () => () => {
      if (waiting.current) void client.call('history.cancelImport', {});
    },
    [client],
  );

  const importFile = async (): Promise<void> => {
    setImporting(true);
    setSkipped([]);
    const res = await client.call('history.importJson', {});
    setImporting(false);
    setPreview(null);
    if (!res.ok) return setStatus(report(res.error));
    if (res.data.path === null) return setStatus(null);
    setSkipped(res.data.skipped ?? []);
    const counts = {
      conversations: res.data.conversationsAdded,
      messages: res.data.messagesAdded,
      skipped: res.data.messagesSkipped,
    };
    setStatus(t(res.data.cancelled ? 'data.importCancelled' : 'data.imported', counts));
    await store.getState().conversationActions.refresh();
  };

  return (
    <section aria-labelledby="data-title" className="settings-section">
      <h2 id="data-title">{t('data.title')}</h2>
      {dataDir ? (
        <div className="settings-card">
          <p>{t('data.location')}</p>
          <div className="row data-folder">
            <code className="data-folder-path" data-testid="data-folder">
              {dataDir}
            </code>
            <Button
              icon={<FolderOpen size={16} aria-hidden="true" />}
              onClick={() => void openFolder()}
            >
              {t('data.openFolder')}
            </Button>
          </div>
          {folderError ? (
            <p className="error" role="alert">
              {folderError}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="settings-card">
        <div className="row">
          <Button icon={<Download size={16} aria-hidden="true" />} onClick={() => void exportAll()}>
            {t('data.export')}
          </Button>
          <Button
            icon={<Upload size={16} aria-hidden="true" />}
            disabled={importing}
            onClick={() => void importFile()}
          >
            {t('data.import')}
          </Button>
          {importing && !preview ? (
            <Button
              icon={<X size={16} aria-hidden="true" />}
              onClick={() => void client.call('history.cancelImport', {})}
            >
              {t('data.importCancel')}
            </Button>
          ) : null}
        </div>
        <p className="muted">{t('data.importSources')}</p>
        {preview ? (
          <ImportPreviewCard
            preview={preview}
            onConfirm={() => {
              setPreview(null);
              void client.call('history.confirmImport', {});
            }}
            onCancel={() => {
              setPreview(null);
              void client.call('history.cancelImport', {});
            }}
          />
        ) : null}
        {status ? <p role="status">{status}</p> : null}
        {skipped.length > 0 && !importing ? (
          <>
            <p>{t('data.importedSkipped')}</p>
            <SkipList skipped={skipped} />
          </>
        ) : null}
      </div>
    </section>
  );
}
