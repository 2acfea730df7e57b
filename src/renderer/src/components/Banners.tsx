import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../store/StoreContext';
import { BudgetAlerts } from './usage/BudgetAlerts';

const STORAGE_KEYS = ['storage_full', 'storage_read_only', 'storage_denied', 'storage_io'] as const;
function storageKey(code: string): (typeof STORAGE_KEYS)[number] {
  return (STORAGE_KEYS as readonly string[]).includes(code)
    ? (code as (typeof STORAGE_KEYS)[number])
    : 'storage_io';
}

function isStorageCode(code: string): code is (typeof STORAGE_KEYS)[number] {
  return (STORAGE_KEYS as readonly string[]).includes(code);
}

/** Offline state, one-time notices (a damaged file moved aside…) and the last failed action. */
export function Banners() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const offline = useAppStore((s) => s.offline);
  const notices = useAppStore((s) => s.notices);
  const toast = useAppStore((s) => s.toast);
  const storage = useAppStore((s) => s.storage);
  return (
    <div className="banners">
      {offline ? (
        <div className="banner banner-offline" role="status" data-testid="offline-banner">
          <strong>{t('offline.title')}</strong> {t('offline.body')}{' '}
          <span className="muted">{offline.reason}</span>
          <button
            type="button"
            onClick={() => {
              const s = store.getState();
              if (s.activeProfileId) void s.settingsActions.loadModels(s.activeProfileId, true);
              else s.ui.setOffline(null);
            }}
          >
            {t('offline.retry')}
          </button>
        </div>
      ) : null}
      {storage.failing ? (
        <div className="banner banner-error" role="alert" data-testid="storage-banner">
          <strong>{t(`storage.${storageKey(storage.code)}.title`)}</strong>{' '}
          {t(`storage.${storageKey(storage.code)}.fix`)}{' '}
          {storage.unsaved > 0 ? t('storage.unsaved', { count: storage.unsaved }) : null}{' '}
          <code>{storage.path}</code>
        </div>
      ) : null}
      <BudgetAlerts />
      {notices.map((n) => (
        <div key={n.id} className="banner" role="status" data-testid="notice">
          {n.kind === 'info' ? n.message : t(`notice.${n.kind}`, n.params ?? {})}{' '}
          {n.detail ? <code>{n.detail}</code> : null}
          <button type="button" onClick={() => store.getState().ui.dismissNotice(n.id)}>
            {t('dismiss')}
          </button>
        </div>
      ))}
      {toast ? (
        <div className="banner banner-error" role="alert" data-testid="toast">
          {isStorageCode(toast.code) ? t(`storage.${toast.code}.title`) : toast.message}{' '}
          {toast.hint ? <span className="muted">{toast.hint}</span> : null}
          <button type="button" onClick={() => store.getState().ui.showToast(null)}>
            {t('dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
