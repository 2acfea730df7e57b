import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreContext';
import { RawFallback, RenderBoundary } from '../RenderBoundary';
import { MessageItem } from './MessageItem';

const NO_IDS: string[] = [];

/** One message inside its own boundary: if it cannot render, its text is shown as written. */
export function SafeMessageItem({
  id,
  isLast,
  inCompare,
}: {
  id: string;
  isLast: boolean;
  inCompare?: boolean;
}) {
  // A new status (the answer finished, was stopped…) is worth another try.
  const status = useAppStore((s) => s.chat.messages[id]?.status);
  return (
    <RenderBoundary
      where="message"
      resetKey={status}
      fallback={(_error, retry) => <RawMessage id={id} retry={retry} />}
    >
      <MessageItem id={id} isLast={isLast} {...(inCompare ? { inCompare } : {})} />
    </RenderBoundary>
  );
}

function RawMessage({ id, retry }: { id: string; retry: () => void }) {
  const { t } = useTranslation('common');
  const message = useAppStore((s) => s.chat.messages[id]);
  if (!message) return null;
  return (
    <article
      className={`message message-${message.role}`}
      data-testid="message"
      data-role={message.role}
      data-status={message.status}
      data-message-id={id}
    >
      <RawFallback
        note={t('renderError.message')}
        text={message.content}
        retry={{ label: t('renderError.retry'), onRetry: retry }}
      />
    </article>
  );
}

/** The loaded messages of a conversation as plain text, for when the list itself cannot render. */
export function RawConversation({
  conversationId,
  retry,
}: {
  conversationId: string;
  retry: () => void;
}) {
  const { t } = useTranslation('common');
  const ids = useAppStore((s) => s.chat.threads[conversationId]?.ids ?? NO_IDS);
  const messages = useAppStore((s) => s.chat.messages);
  return (
    <div className="message-list-fallback">
      <RawFallback
        note={t('renderError.list')}
        retry={{ label: t('renderError.retry'), onRetry: retry }}
      />
      {ids.map((id) => {
        const message = messages[id];
        return message ? (
          <pre key={id} className="render-fallback-text" data-role={message.role}>
            {message.content}
          </pre>
        ) : null;
      })}
    </div>
  );
}
