import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../../shared/types/history';
import { useAppStore, useClient, useStoreApi } from '../../store/StoreContext';
import { Markdown, type MarkdownLabels } from '../../markdown';
import { MessageFooter } from './MessageFooter';
import { ErrorCard, type ErrorAction } from './ErrorCard';
import { ReasoningSection } from './ReasoningSection';
import { MessageEditor } from './MessageEditor';

const CONTINUABLE = new Set<Message['status']>(['stopped', 'interrupted']);

export function canContinue(m: Message): boolean {
  // Continue needs text to go on from; an empty answer is retried instead.
  return (
    m.role === 'assistant' &&
    (m.content !== '' || m.reasoning !== '') &&
    (CONTINUABLE.has(m.status) || (m.status === 'complete' && m.finishReason === 'length'))
  );
}

/**
 * One message. It selects only its own record, so a streaming delta re-renders this component
 * alone. `data-renders` counts renders for the UI benchmark.
 */
export const MessageItem = memo(function MessageItem(props: { id: string; isLast: boolean }) {
  const { id, isLast } = props;
  const { t } = useTranslation('chat');
  const markdownLabels = useMemo<MarkdownLabels>(
    () => ({
      copy: t('markdown.copy'),
      copied: t('markdown.copied'),
      copyFailed: t('markdown.copyFailed'),
      plainText: t('markdown.plainText'),
      loadImage: t('markdown.loadImage'),
      loadingImage: t('markdown.loadingImage'),
      imageFailed: t('markdown.imageFailed'),
      taskDone: t('markdown.taskDone'),
      taskOpen: t('markdown.taskOpen'),
    }),
    [t],
  );
  const message = useAppStore((s) => s.chat.messages[id]);
  const failure = useAppStore((s) => s.failures[id]);
  const store = useStoreApi();
  const client = useClient();
  const renders = useRef(0);
  renders.current += 1;
  const [editingLocal, setEditing] = useState(false);
  const editRequested = useAppStore((s) => s.editRequestId === id);
  const editing = editingLocal || editRequested;
  const [copied, setCopied] = useState(false);

  const openLink = useCallback(
    (url: string) => {
      void client.call('app.openExternal', { url }).then((res) => {
        if (!res.ok) store.getState().ui.showToast(res.error);
      });
    },
    [client, store],
  );
  const loadImage = useCallback(
    async (url: string) => {
      const res = await client.call('app.fetchImage', { url });
      // The Markdown view shows its own translated label for a failed image; the code is for the log.
      if (!res.ok) throw new Error(res.error.code);
      return res.data.dataUrl;
    },
    [client],
  );

  if (!message) return null;
  const actions = store.getState().chatActions;
  const streaming = message.status === 'streaming';

  const copy = (): void => {
    void navigator.clipboard.writeText(message.content).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  };

  const onErrorAction = (action: ErrorAction): void => {
    const s = store.getState();
    if (action === 'openKey') s.ui.setView('settings');
    else if (action === 'pickModel') document.getElementById('model-picker')?.focus();
    else if (action === 'continue') void actions.continueMessage(id);
    else void actions.regenerate(id);
  };

  return (
    <article
      className={`message message-${message.role}`}
      data-testid="message"
      data-role={message.role}
      data-status={message.status}
      data-message-id={id}
      data-renders={renders.current}
      aria-label={message.role === 'user' ? t('message.you') : t('message.assistant')}
    >
      {message.role === 'assistant' && message.reasoning ? (
        <ReasoningSection
          text={message.reasoning}
          streaming={streaming && message.content === ''}
          durationMs={message.reasoningMs}
        />
      ) : null}
      {editing ? (
        <MessageEditor
          initial={message.content}
          onCancel={() => {
            setEditing(false);
            store.getState().ui.requestEdit(null);
          }}
          onSubmit={(text) => {
            setEditing(false);
            store.getState().ui.requestEdit(null);
            void actions.editAndResend(id, text);
          }}
        />
      ) : message.role === 'assistant' ? (
        <div className="message-body">
          <Markdown
            text={message.content}
            streaming={streaming}
            onOpenLink={openLink}
            onLoadImage={loadImage}
            labels={markdownLabels}
          />
          {streaming && message.content === '' && !message.reasoning ? (
            <span className="typing" aria-label={t('message.waiting')} />
          ) : null}
        </div>
      ) : (
        <div className="message-body message-plain">{message.content}</div>
      )}
      {message.status === 'error' || message.status === 'interrupted' ? (
        <ErrorCard
          message={message}
          retryAfterMs={failure?.retryAfterMs ?? null}
          hint={failure?.hint ?? null}
          canContinue={canContinue(message)}
          canRetry={isLast}
          onAction={onErrorAction}
        />
      ) : null}
      {message.role === 'assistant' && !streaming ? <MessageFooter message={message} /> : null}
      {!editing ? (
        <div className="message-actions">
          {streaming ? (
            <button type="button" onClick={() => void actions.stop(id)}>
              {t('action.stop')}
            </button>
          ) : null}
          {canContinue(message) ? (
            <button type="button" onClick={() => void actions.continueMessage(id)}>
              {t('action.continue')}
            </button>
          ) : null}
          {!streaming ? (
            <button type="button" onClick={copy}>
              {copied ? t('action.copied') : t('action.copy')}
            </button>
          ) : null}
          {message.role === 'assistant' && !streaming && isLast ? (
            <button type="button" onClick={() => void actions.regenerate(id)}>
              {t('action.regenerate')}
            </button>
          ) : null}
          {message.role === 'user' ? (
            <button type="button" onClick={() => setEditing(true)}>
              {t('action.edit')}
            </button>
          ) : null}
          {!streaming ? (
            <button type="button" onClick={() => void actions.deleteMessage(id)}>
              {t('action.delete')}
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
});
