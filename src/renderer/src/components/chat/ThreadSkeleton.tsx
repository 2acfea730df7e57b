import { useTranslation } from 'react-i18next';

/** Placeholder lines in the shape of a conversation while its messages load from disk. */
export function ThreadSkeleton() {
  const { t } = useTranslation('chat');
  return (
    <div className="thread-skeleton" role="status" aria-label={t('view.loading')} aria-busy="true">
      <div className="skeleton-user skeleton-block" />
      <div className="skeleton-answer">
        <span className="skeleton-avatar skeleton-block" />
        <div className="skeleton-lines">
          <div className="skeleton-line skeleton-block" />
          <div className="skeleton-line skeleton-block" />
          <div className="skeleton-line skeleton-line-short skeleton-block" />
        </div>
      </div>
      <div className="skeleton-user skeleton-user-short skeleton-block" />
    </div>
  );
}
