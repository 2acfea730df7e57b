import { memo, useCallback, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { canContinue, regenerateRefusal } from '../../../../shared/rules/answerActions';
import { decodeCodedText } from '../../../../shared/failureText';
import { useAppStore, useClient, useStoreApi } from '../../store/StoreContext';
import { LazyMarkdown as Markdown } from '../../markdown/LazyMarkdown';
import { MessageFooter } from './MessageFooter';
import { ErrorCard, type ErrorAction } from './ErrorCard';
import { RetryCountdown } from './RetryCountdown';
import { ReasoningSection } from './ReasoningSection';
import { MessageEditor } from './MessageEditor';
import { LongMessageToggle } from './LongMessageToggle';
import { collapsedPrefix } from './longMessage';
import { markdownLabels } from './markdownLabels';
import { useChatLabels } from '../../i18n/useLabels';
import { MessageActions } from './MessageActions';
import { StreamingIndicator } from './StreamingIndicator';
import { VersionSwitcher } from './VersionSwitcher';
import { Sparkles } from 'lucide-react';
import { MessageAttachments } from '../attachments/MessageAttachments';

// One element for every answer: React skips it when the answer re-renders for a token.
const ASSISTANT_MARK = (
  <span className="message-avatar" aria-hidden="true">
    <Sparkles size={15} />
  </span>
);

// The strings every message shows, translated once per language (a conversation shows dozens).
const messageLabels = (t: TFunction<'chat'>) => ({
  markdown: markdownLabels(t),
  you: t('message.you'),
  summary: t('message.summary'),
  assistant: t('message.assistant'),
  waiting: t('message.waiting'),
  streaming: t('message.streaming'),
  edited: t('message.edited'),
});

/**
 * One message. It selects only its own record, so a streaming delta re-renders this component
 * alone. `data-renders` counts renders for the UI benchmark. In a comparison's column
 * (`inCompare`) the column shows the model, the figures and the actions: the message is its text.
 */
export const MessageItem = memo(function MessageItem(props: {
  id: string;
  isLast: boolean;
  inCompare?: boolean;
}) {
  const { id, isLast, inCompare = false } = props;
  const { labels, t } = useChatLabels(messageLabels);
  const message = useAppStore((s) => s.chat.messages[id]);
  const unsaved = useAppStore((s) => s.unsavedAnswers[id] ?? null);
  const store = useStoreApi();
  const client = useClient();
  const renders = useRef(0);
  renders.current += 1;
  const [editingLocal, setEditing] = useState(false);
  const startEdit = useCallback(() => setEditing(true), []);
  const editRequested = useAppStore((s) => s.editRequestId === id);
  const editing = editingLocal || editRequested;
  const [expanded, setExpanded] = useState(false);

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
  const collapsed = collapsedPrefix(message.content);
  const shown = expanded || collapsed === null ? message.content : collapsed;
  const longToggle =
    collapsed === null ? null : (
      <LongMessageToggle expanded={expanded} onToggle={() => setExpanded(!expanded)} />
    );

  const closeEditor = (): void => {
    setEditing(false);
    store.getState().ui.requestEdit(null);
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
      className={`message message-${message.role}${isLast ? ' message-last' : ''}${inCompare ? ' message-compared' : ''}`}
      data-testid="message"
      data-role={message.role}
      data-status={message.status}
      data-message-id={id}
      data-renders={renders.current}
      aria-label={
        message.role === 'user'
          ? labels.you
          : message.role === 'system'
            ? labels.summary
            : labels.assistant
      }
      aria-busy={streaming}
    >
      {message.role === 'assistant' && !inCompare ? ASSISTANT_MARK : null}
      <div className="message-main">
        {message.role === 'system' ? (
          <p className="message-summary-label">{labels.summary}</p>
        ) : null}
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
            onCancel={closeEditor}
            onSave={(text) => {
              closeEditor();
              if (text !== message.content) void actions.editMessage(id, text);
            }}
            onResend={
              message.role === 'user'
                ? (text) => {
                    closeEditor();
                    void actions.editAndResend(id, text);
                  }
                : undefined
            }
          />
        ) : message.role === 'assistant' ? (
          <div className="message-body">
            <Markdown
              text={shown}
              streaming={streaming}
              onOpenLink={openLink}
              onLoadImage={loadImage}
              labels={labels.markdown}
            />
            {longToggle}
            {streaming ? (
              <StreamingIndicator
                label={
                  message.content === '' && !message.reasoning ? labels.waiting : labels.streaming
                }
                progress={message.content.length}
              />
            ) : null}
            {streaming && message.content === '' && !message.reasoning ? (
              <RetryCountdown messageId={id} />
            ) : null}
          </div>
        ) : (
          <div className="message-body message-plain">
            {shown}
            {longToggle}
          </div>
        )}
        {message.attachments.length > 0 ? (
          <MessageAttachments attachments={message.attachments} />
        ) : null}
        {unsaved !== null ? (
          <p className="banner banner-error" role="status" data-testid="unsaved-note">
            {t('storage.answerUnsaved', { ns: 'common' })}
          </p>
        ) : message.status === 'error' || message.status === 'interrupted' ? (
          <ErrorCard
            message={message}
            retryAfterMs={message.retryAfterMs}
            hint={decodeCodedText(message.errorHint) ?? null}
            canContinue={canContinue(message, isLast)}
            canRetry={isLast}
            onAction={onErrorAction}
          />
        ) : null}
        {message.editedAt !== null && !editing ? (
          <span
            className="message-edited"
            data-testid="message-edited"
            title={t('message.editedAt', {
              time: new Date(message.editedAt).toLocaleString(),
            })}
          >
            {labels.edited}
          </span>
        ) : null}
        {inCompare ? null : !editing && !streaming ? (
          // The answer's figures and its actions share one line (wrapping when narrow), so a
          // hidden action row never leaves a gap of its own.
          <div className="message-meta">
            <VersionSwitcher id={id} />
            {message.role === 'assistant' ? <MessageFooter message={message} /> : null}
            <MessageActions
              id={id}
              role={message.role}
              createdAt={message.createdAt}
              canContinue={canContinue(message, isLast)}
              canRegenerate={regenerateRefusal(message) === null}
              onEdit={startEdit}
              inView={isLast}
            />
          </div>
        ) : streaming ? (
          <VersionSwitcher id={id} />
        ) : null}
      </div>
    </article>
  );
});
