import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveRestore, Trash2 } from 'lucide-react';
import type { Conversation } from '../../../../shared/types/history';
import { TRASH_RETENTION_DAYS } from '../../../../shared/rules/limits';
import { formatDateTime } from '../../format';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { IconButton } from '../../ui/IconButton';
import { ConfirmDialog } from './ConfirmDialog';
import { purgeAt, relativeParts, relativeTime } from './trashTimes';
import './trash.css';

type Confirming = { kind: 'one'; conversation: Conversation } | { kind: 'all' } | null;

/** Deleted conversations: restore, delete one for good, or empty the trash (each asked first). */
export function TrashView() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const items = useAppStore((s) => s.trash.items);
  const loaded = useAppStore((s) => s.trash.loaded);
  const hasMore = useAppStore((s) => s.trash.cursor !== null);
  const failed = useAppStore((s) => s.trash.failed);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const actions = store.getState().trashActions;
  // "3 minutes ago" moves on: refresh every minute.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    void store.getState().trashActions.load();
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, [store]);

  return (
    <section className="trash-view" aria-labelledby="trash-title" aria-busy={!loaded}>
      <header className="trash-header">
        <div>
          <h1 id="trash-title">{t('trash.title')}</h1>
          <p className="muted">{t('trash.intro', { days: TRASH_RETENTION_DAYS })}</p>
        </div>
        <Button
          variant="danger"
          icon={<Trash2 size={16} aria-hidden="true" />}
          disabled={items.length === 0}
          onClick={() => setConfirming({ kind: 'all' })}
        >
          {t('trash.empty')}
        </Button>
      </header>
      {failed && !loaded ? (
        <p role="alert" className="trash-failed">
          {t('trash.loadError')}{' '}
          <Button size="sm" onClick={() => void actions.load()}>
            {t('trash.retry')}
          </Button>
        </p>
      ) : !loaded ? (
        <p role="status" className="muted">
          {t('trash.loading')}
        </p>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<Trash2 size={24} />}
          title={t('trash.emptyTitle')}
          hint={t('trash.emptyHint')}
        />
      ) : (
        <ul className="trash-list" aria-label={t('trash.listLabel')}>
          {items.map((c) => (
            <TrashRow
              key={c.id}
              conversation={c}
              now={now}
              onRestore={() => void actions.restore(c.id)}
              onDelete={() => setConfirming({ kind: 'one', conversation: c })}
            />
          ))}
        </ul>
      )}
      {hasMore ? (
        <Button
          variant="ghost"
          size="sm"
          className="load-more"
          onClick={() => void actions.loadMore()}
        >
          {t('trash.loadMore')}
        </Button>
      ) : null}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming?.kind === 'all' ? t('trash.confirmAllTitle') : t('trash.confirmOneTitle')}
        body={
          confirming?.kind === 'one'
            ? t('trash.confirmOne', {
                title: titleOf(confirming.conversation, t('sidebar.untitled')),
              })
            : t('trash.confirmAll', { count: items.length })
        }
        confirmLabel={confirming?.kind === 'all' ? t('trash.empty') : t('trash.deleteForever')}
        onClose={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming?.kind === 'all') void actions.empty();
          else if (confirming) void actions.purge(confirming.conversation.id);
        }}
      />
    </section>
  );
}

function titleOf(c: Conversation, untitled: string): string {
  return c.title || untitled;
}

function TrashRow(props: {
  conversation: Conversation;
  now: number;
  onRestore: () => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  const c = props.conversation;
  const title = titleOf(c, t('sidebar.untitled'));
  const deletedAt = c.deletedAt ?? props.now;
  const locale = i18n.language;
  return (
    <li className="trash-row" data-testid="trash-item">
      <div className="trash-row-text">
        <span className="trash-row-title">{title}</span>
        <span className="trash-row-meta">
          <time
            dateTime={new Date(deletedAt).toISOString()}
            title={formatDateTime(deletedAt, locale)}
          >
            {relativeParts(deletedAt - props.now)[0] === 0
              ? t('trash.deletedJustNow')
              : t('trash.deletedAt', { when: relativeTime(deletedAt, props.now, locale) })}
          </time>
          {' · '}
          {t('trash.expires', {
            when: relativeTime(purgeAt(deletedAt, props.now), props.now, locale),
          })}
        </span>
      </div>
      <div className="trash-row-actions">
        <Button
          size="sm"
          icon={<ArchiveRestore size={15} aria-hidden="true" />}
          aria-label={t('trash.restoreLabel', { title })}
          onClick={props.onRestore}
        >
          {t('trash.restore')}
        </Button>
        <IconButton
          size="sm"
          variant="ghost"
          className="trash-delete"
          label={t('trash.deleteForeverLabel', { title })}
          icon={<Trash2 size={15} aria-hidden="true" />}
          onClick={props.onDelete}
        />
      </div>
    </li>
  );
}
