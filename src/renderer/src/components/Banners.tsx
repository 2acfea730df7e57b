import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../store/StoreContext';
import { BudgetAlerts } from './usage/BudgetAlerts';
import { useCodedText } from '../i18n/codedText';

/** Offline state, one-time notices (a damaged file moved aside…) and the last failed action. */
export function Banners() {
  const { t } = useTranslation();
  const { say, report } = useCodedText();
  const store = useStoreApi();
  const offline = useAppStore((s) => s.offline);
  const notices = useAppStore((s) => s.notices);
  const toast = useAppStore((s) => s.toast);
  return (
    <div className="banners">
      {offline ? (
        <div className="banner banner-offline" role="status" data-testid="offline-banner">
          <strong>{t('offline.title')}</strong> {t('offline.body')}{' '}
          <span className="muted">{report(offline.reason)}</span>
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
      <BudgetAlerts />
      {notices.map((n) => (
        <div key={n.id} className="banner" role="status" data-testid="notice">
          {say(n.text)} {n.reason ? say(n.reason) : null}{' '}
          {n.detail ? <code>{n.detail}</code> : null}
          <button type="button" onClick={() => store.getState().ui.dismissNotice(n.id)}>
            {t('dismiss')}
          </button>
        </div>
      ))}
      {toast ? (
        <div className="banner banner-error" role="alert" data-testid="toast">
          {report({ text: toast.text, detail: toast.detail })}{' '}
          {toast.hint ? <span className="muted">{say(toast.hint)}</span> : null}
          <button type="button" onClick={() => store.getState().ui.showToast(null)}>
            {t('dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
