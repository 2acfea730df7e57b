import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useStartupMark } from '../../startupMarks';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { NEW_CHAT_DRAFT } from '../../store/slices/uiSlice';
import type { AppState } from '../../store';
import { MESSAGE_TEXT_MAX } from '../../../../shared/rules/limits';

const MB = 1024 * 1024;

/** Said before sending: main would refuse the message anyway, with a less helpful error. */
export function overLimit(text: string): { sizeMb: string; limitMb: string } | null {
  if (text.length <= MESSAGE_TEXT_MAX) return null;
  return { sizeMb: (text.length / MB).toFixed(1), limitMb: String(MESSAGE_TEXT_MAX / MB) };
}

/** The id of the message streaming in this conversation, if any (stable between deltas). */
export function selectStreamingId(s: AppState, conversationId: string | null): string | null {
  if (!conversationId) return null;
  const ids = s.chat.threads[conversationId]?.ids;
  const last = ids?.[ids.length - 1];
  return last && s.chat.messages[last]?.status === 'streaming' ? last : null;
}

/** True while an input method (Vietnamese Telex/VNI, Chinese pinyin…) is composing text. */
export function isComposing(e: KeyboardEvent<HTMLTextAreaElement>): boolean {
  // keyCode 229 is what Chromium reports for keys consumed by an IME on some platforms.
  return e.nativeEvent.isComposing || e.keyCode === 229;
}

export function Composer() {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const conversationId = useAppStore((s) => s.activeConversationId);
  const draftKey = conversationId ?? NEW_CHAT_DRAFT;
  const draft = useAppStore((s) => s.drafts[draftKey] ?? '');
  const streamingId = useAppStore((s) => selectStreamingId(s, conversationId));
  const hasProfile = useAppStore((s) => s.activeProfileId !== null);
  // While the relay is unreachable sending is unavailable; the banner says why.
  const offline = useAppStore((s) => s.offline !== null);
  const focusTick = useAppStore((s) => s.composerFocusTick);
  useStartupMark('fleece:composer-usable', hasProfile);
  const ref = useRef<HTMLTextAreaElement>(null);
  const tooLong = overLimit(draft);
  const sending = useRef(false);

  useEffect(() => {
    ref.current?.focus();
  }, [focusTick, conversationId]);

  const send = async (): Promise<void> => {
    const text = store.getState().drafts[draftKey] ?? '';
    if (text.trim() === '' || streamingId || sending.current || !hasProfile || offline) return;
    if (overLimit(text)) return;
    sending.current = true;
    try {
      await store.getState().chatActions.send(text);
    } finally {
      sending.current = false;
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && !e.shiftKey && !isComposing(e)) {
      e.preventDefault();
      void send();
    } else if (e.key === 'Escape' && streamingId) {
      e.preventDefault();
      void store.getState().chatActions.stop(streamingId);
    } else if (e.key === 'ArrowUp' && draft === '' && conversationId && !isComposing(e)) {
      const s = store.getState();
      const ids = s.chat.threads[conversationId]?.ids ?? [];
      const lastUser = [...ids].reverse().find((id) => s.chat.messages[id]?.role === 'user');
      if (lastUser) {
        e.preventDefault();
        s.ui.requestEdit(lastUser);
      }
    }
  };

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <textarea
        ref={ref}
        aria-label={t('composer.label')}
        placeholder={t('composer.placeholder')}
        value={draft}
        rows={3}
        onChange={(e) => store.getState().ui.setDraft(draftKey, e.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={tooLong !== null}
      />
      {tooLong ? (
        <p role="alert" className="composer-limit" data-testid="composer-limit">
          {t('composer.tooLong', { size: tooLong.sizeMb, limit: tooLong.limitMb })}
        </p>
      ) : null}
      {streamingId ? (
        <button type="button" onClick={() => void store.getState().chatActions.stop(streamingId)}>
          {t('action.stop')}
        </button>
      ) : (
        <button
          type="submit"
          disabled={draft.trim() === '' || !hasProfile || offline || tooLong !== null}
        >
          {t('composer.send')}
        </button>
      )}
    </form>
  );
}
