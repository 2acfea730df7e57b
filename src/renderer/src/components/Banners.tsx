import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertTriangle, ChevronLeft, ChevronRight, Info, WifiOff, X } from 'lucide-react';
import type { AppNotice } from '../../../shared/contract/app';
import type { CodedText } from '../../../shared/codes';
import { useAppStore, useClient, useStoreApi } from '../store/StoreContext';
import { useBudgetNotices } from './usage/BudgetAlerts';
import { IconButton } from '../ui/IconButton';
import { Button } from '../ui/Button';
import { Toast } from '../ui/Toast';
import { useCodedText } from '../i18n/codedText';
import { chunkFailure } from '../lazyModule';
import { stashUnsent } from '../store/unsentStash';

const STORAGE_KEYS = ['storage_full', 'storage_read_only', 'storage_denied', 'storage_io'] as const;
function storageKey(code: string): (typeof STORAGE_KEYS)[number] {
  return (STORAGE_KEYS as readonly string[]).includes(code)
    ? (code as (typeof STORAGE_KEYS)[number])
    : 'storage_io';
}

export interface NoticeItem {
  key: string;
  tone: 'info' | 'warning' | 'danger';
  testId: string;
  text: ReactNode;
  detail?: string | undefined;
  action?: { label: string; onClick: () => void } | undefined;
  /** Absent when the notice cannot be dismissed (offline lasts until the network is back). */
  onDismiss?: (() => void) | undefined;
  level?: number;
  icon?: ReactNode;
}

/** The words of a start-up notice: the one place that maps a notice to text. */
export function noticeText(say: (text: CodedText | undefined) => string, n: AppNotice): string {
  return n.reason ? `${say(n.text)} ${say(n.reason)}` : say(n.text);
}

const TONE_ICON = {
  info: <Info size={16} aria-hidden="true" />,
  warning: <AlertTriangle size={16} aria-hidden="true" />,
  danger: <AlertTriangle size={16} aria-hidden="true" />,
};

/**
 * One notice area above the content: offline state, budget alerts and one-time notices share
 * a single bar, most urgent first, with a pager when there are several.
 */
export function NoticeArea() {
  const { t } = useTranslation();
  const { say, report } = useCodedText();
  const store = useStoreApi();
  const client = useClient();
  const offline = useAppStore((s) => s.offline);
  const notices = useAppStore((s) => s.notices);
  const storage = useAppStore((s) => s.storage);
  const budget = useBudgetNotices();
  const chunkFailed = useSyncExternalStore(
    chunkFailure.subscribe,
    chunkFailure.failed,
    chunkFailure.failed,
  );
  const [index, setIndex] = useState(0);

  const items: NoticeItem[] = [];
  if (offline)
    items.push({
      key: 'offline',
      tone: 'danger',
      testId: 'offline-banner',
      icon: <WifiOff size={16} aria-hidden="true" />,
      text: (
        <>
          <strong>{t('offline.title')}</strong> {t('offline.body')}
        </>
      ),
      detail: report(offline.reason),
      action: {
        label: t('offline.retry'),
        onClick: () => {
          const s = store.getState();
          if (s.activeProfileId) void s.settingsActions.loadModels(s.activeProfileId, true);
          else s.ui.setOffline(null);
        },
      },
    });
  if (storage.failing)
    items.push({
      key: 'storage',
      tone: 'danger',
      testId: 'storage-banner',
      text: (
        <>
          <strong>{t(`storage.${storageKey(storage.code)}.title`)}</strong>{' '}
          {t(`storage.${storageKey(storage.code)}.fix`)}{' '}
          {storage.unsaved > 0 ? t('storage.unsaved', { count: storage.unsaved }) : null}
        </>
      ),
      detail: storage.path,
    });
  if (chunkFailed)
    items.push({
      key: 'chunk',
      tone: 'danger',
      testId: 'chunk-banner',
      text: (
        <>
          <strong>{t('chunkFailed.title')}</strong> {t('chunkFailed.body')}
        </>
      ),
      action: {
        label: t('chunkFailed.reload'),
        onClick: () => {
          const { drafts, attachmentDrafts } = store.getState();
          stashUnsent({ drafts, attachmentDrafts });
          window.location.reload();
        },
      },
      onDismiss: chunkFailure.dismiss,
    });
  items.push(...budget);
  for (const n of notices)
    items.push({
      key: n.id,
      tone: n.kind === 'info' ? 'info' : 'warning',
      testId: 'notice',
      text: noticeText(say, n),
      detail: n.detail,
      // A downloaded update installs on the next start anyway; this restarts now.
      action:
        n.kind === 'update_ready'
          ? { label: t('notices.restart'), onClick: () => void client.call('updates.restart', {}) }
          : undefined,
      onDismiss: () => store.getState().ui.dismissNotice(n.id),
    });

  if (items.length === 0) return null;
  const at = Math.min(index, items.length - 1);
  const item = items[at];
  if (!item) return null;
  return (
    <div className="notice-area" role="region" aria-label={t('notices.label')}>
      <div
        className={`notice notice-${item.tone}`}
        role="status"
        data-testid={item.testId}
        {...(item.level !== undefined ? { 'data-level': item.level } : {})}
      >
        <span className="notice-icon">{item.icon ?? TONE_ICON[item.tone]}</span>
        <p className="notice-text">
          {item.text} {item.detail ? <code className="notice-detail">{item.detail}</code> : null}
        </p>
        {item.action ? (
          <Button size="sm" onClick={item.action.onClick}>
            {item.action.label}
          </Button>
        ) : null}
        {items.length > 1 ? (
          <span className="notice-pager">
            <IconButton
              size="sm"
              label={t('notices.previous')}
              icon={<ChevronLeft size={16} aria-hidden="true" />}
              disabled={at === 0}
              onClick={() => setIndex(at - 1)}
            />
            <span className="notice-count">
              {t('notices.count', { index: at + 1, total: items.length })}
            </span>
            <IconButton
              size="sm"
              label={t('notices.next')}
              icon={<ChevronRight size={16} aria-hidden="true" />}
              disabled={at === items.length - 1}
              onClick={() => setIndex(at + 1)}
            />
          </span>
        ) : null}
        {item.onDismiss ? (
          <IconButton
            size="sm"
            label={t('dismiss')}
            icon={<X size={16} aria-hidden="true" />}
            onClick={item.onDismiss}
          />
        ) : null}
      </div>
    </div>
  );
}

/** The failed-action toast and the undo-delete toast; both time out and can be closed. */
export function AppToasts() {
  const { t } = useTranslation();
  const { say, report } = useCodedText();
  const store = useStoreApi();
  const toast = useAppStore((s) => s.toast);
  const lastDeleted = useAppStore((s) => s.lastDeleted);
  const lastDeletedMessage = useAppStore((s) => s.lastDeletedMessage);
  return (
    <>
      {toast ? (
        <Toast
          key={`error:${toast.code}:${JSON.stringify(toast.text)}`}
          tone="danger"
          testId="toast"
          title={report({ text: toast.text, detail: toast.detail })}
          description={toast.hint ? say(toast.hint) : undefined}
          closeLabel={t('dismiss')}
          onClose={() => store.getState().ui.showToast(null)}
        />
      ) : null}
      {lastDeleted ? (
        <Toast
          key={`deleted:${lastDeleted.id}`}
          testId="undo-toast"
          type="background"
          title={t('sidebar.deleted', { title: lastDeleted.title || t('sidebar.untitled') })}
          closeLabel={t('dismiss')}
          action={{
            label: t('sidebar.undo'),
            onClick: () => void store.getState().conversationActions.undoRemove(),
          }}
          onClose={() => store.getState().conversationActions.forgetDeleted()}
        />
      ) : null}
      {lastDeletedMessage ? (
        <Toast
          key={`message-deleted:${lastDeletedMessage.id}`}
          testId="message-undo-toast"
          type="background"
          title={t('message.deleted', { ns: 'chat' })}
          closeLabel={t('dismiss')}
          action={{
            label: t('sidebar.undo'),
            onClick: () => void store.getState().chatActions.undoDeleteMessage(),
          }}
          onClose={() => store.getState().chatActions.forgetDeletedMessage()}
        />
      ) : null}
    </>
  );
}
