import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react';
import { ArrowUp, Bot, Columns3, Paperclip, SlidersHorizontal, Square } from 'lucide-react';
import { useStartupMark } from '../../startupMarks';
import { afterNextPaint } from '../../afterFirstPaint';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { NEW_CHAT_DRAFT } from '../../store/slices/uiSlice';
import type { AppState } from '../../store';
import { useEffectiveModel } from './useEffectiveModel';
import { MESSAGE_TEXT_MAX } from '../../../../shared/rules/limits';
import { IconButton } from '../../ui/IconButton';
import type { AttachmentRef } from '../../../../shared/attachment';
import { modelInfo } from '../../../../shared/rules/modelInfo';
import { ComposerAttachments } from '../attachments/AttachmentChips';
import { useAttach } from '../attachments/useAttach';
import { pastedName } from '../attachments/addFiles';
import { ConfirmDialog } from '../settings/ConfirmDialog';
import { PROMPT_POPOVER_ID, useSlashPrompts } from '../prompts/useSlashPrompts';
import { lazyModule, useLazyModule } from '../../lazyModule';
import { NewChatPromptChip } from '../prompts/NewChatPromptChip';
import { openModelPicker, useCompareTargets } from './ModelPicker';
import { CompareChips } from './compare/CompareChips';
import { selectComparisonStreaming, selectPendingComparison } from '../../store/compareSelectors';
import { COMPARE_MIN_TARGETS } from '../../../../shared/types/compare';

const NO_ATTACHMENTS: AttachmentRef[] = [];
/** The slash menu's list (cmdk): asked for when a draft first starts with "/". */
const slashMenu = lazyModule(() => import('../prompts/PromptPopover'));

/** The composer grows with its text up to this share of the window, then scrolls. */
export const COMPOSER_MAX_SHARE = 0.4;
// Past this many characters measuring the text costs more than it tells: the box is at its limit.
const MEASURE_MAX_CHARS = 20_000;

/** The textarea's height for its content: at least one line box, at most 40% of the window. */
export function composerHeight(
  contentHeight: number,
  windowHeight: number,
  minHeight: number,
): number {
  const max = Math.max(minHeight, Math.floor(windowHeight * COMPOSER_MAX_SHARE));
  return Math.min(Math.max(contentHeight, minHeight), max);
}

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

export interface ComposerProps {
  /** Opens the file chooser; without it the attach button is not drawn. */
  onAttach?: () => void;
  /** Opens this conversation's parameters (system prompt, temperature). */
  onOpenParameters?: () => void;
}

export function Composer(props: ComposerProps = {}) {
  const { onAttach, onOpenParameters } = props;
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const conversationId = useAppStore((s) => s.activeConversationId);
  const draftKey = conversationId ?? NEW_CHAT_DRAFT;
  const draft = useAppStore((s) => s.drafts[draftKey] ?? '');
  const attachments = useAppStore((s) => s.attachmentDrafts[draftKey] ?? NO_ATTACHMENTS);
  const { attach } = useAttach(draftKey);
  // Images are about to go to a model not known to see them: asked first.
  const [askVision, setAskVision] = useState(false);
  const [blindModel, setBlindModel] = useState('');
  const streamingId = useAppStore((s) => selectStreamingId(s, conversationId));
  const hasProfile = useAppStore((s) => s.activeProfileId !== null);
  // No model to send to: the model picker says "Choose a model".
  const effective = useEffectiveModel();
  const noModel = effective.missing;
  // While the relay is unreachable sending is unavailable; the banner says why.
  const offline = useAppStore((s) => s.offline !== null);
  const focusTick = useAppStore((s) => s.composerFocusTick);
  useStartupMark('fleece:composer-usable', hasProfile);
  const ref = useRef<HTMLTextAreaElement>(null);
  const tooLong = overLimit(draft);
  const sending = useRef(false);
  const slash = useSlashPrompts(draft);
  const popover = useLazyModule(slashMenu, slash.open);
  // Several models at once: the models chosen (compare mode), and a comparison waiting for the
  // user to keep one of its answers.
  const { targets } = useCompareTargets();
  const comparing = targets !== null;
  const tooFewTargets = comparing && targets.length < COMPARE_MIN_TARGETS;
  const pendingComparison = useAppStore((s) => selectPendingComparison(s, conversationId));
  const comparisonStreaming = useAppStore((s) => selectComparisonStreaming(s, pendingComparison));

  // Focused once the frame that shows the conversation (or the window) has been painted: focusing
  // makes the browser bring its style and layout up to date at once, which inside the work of
  // that frame delays it.
  useEffect(() => afterNextPaint(() => ref.current?.focus()), [focusTick, conversationId]);

  // Grow with the text (measured from the content's own height, so it also shrinks).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Empty: one line box (rows=1) and the CSS minimum give the height without measuring, so
    // the first frame does not force a layout of the whole window from inside React's commit.
    if (draft === '') {
      el.style.height = '';
      return;
    }
    const min = parseFloat(getComputedStyle(el).minHeight) || 0;
    if (draft.length > MEASURE_MAX_CHARS) {
      el.style.height = `${composerHeight(Infinity, window.innerHeight, min)}px`;
      return;
    }
    el.style.height = 'auto';
    el.style.height = `${composerHeight(el.scrollHeight, window.innerHeight, min)}px`;
  }, [draft]);

  const startComparing = (): void => {
    const ui = store.getState().ui;
    if (!comparing)
      ui.setCompareTargets(
        draftKey,
        effective.profileId && effective.model && !effective.missing
          ? [{ profileId: effective.profileId, model: effective.model }]
          : [],
      );
    openModelPicker();
  };

  const stopAll = (): void => {
    const s = store.getState();
    const c = pendingComparison ? s.chat.comparisons[pendingComparison] : undefined;
    for (const id of c?.answerIds ?? [])
      if (s.chat.messages[id]?.status === 'streaming') void s.chatActions.stop(id);
  };

  const send = async (visionChecked = false): Promise<void> => {
    const text = store.getState().drafts[draftKey] ?? '';
    const files = store.getState().attachmentDrafts[draftKey] ?? NO_ATTACHMENTS;
    if (text.trim() === '' && files.length === 0) return;
    if (streamingId || sending.current || !hasProfile || offline) return;
    if (pendingComparison || overLimit(text)) return;
    const compareTo = store.getState().compareTargets[draftKey] ?? null;
    if (compareTo ? compareTo.length < COMPARE_MIN_TARGETS : noModel) return;
    const blind = compareTo
      ? compareTo.find((r) => !modelInfo(r.model).vision)?.model
      : effective.model && !modelInfo(effective.model).vision
        ? effective.model
        : undefined;
    if (!visionChecked && blind && files.some((f) => f.kind === 'image')) {
      setBlindModel(blind);
      setAskVision(true);
      return;
    }
    sending.current = true;
    try {
      if (compareTo) await store.getState().chatActions.compare(text, compareTo, files);
      else await store.getState().chatActions.send(text, files);
    } finally {
      sending.current = false;
    }
  };

  // A screenshot or copied files: attached; plain text pastes as usual.
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>): void => {
    const files = Array.from(e.clipboardData.files);
    if (files.length === 0) return;
    e.preventDefault();
    const now = new Date();
    void attach(
      files.map((f) =>
        f.type.startsWith('image/') ? new File([f], pastedName(f, now), { type: f.type }) : f,
      ),
    );
  };

  const removeAttachment = (hash: string): void => {
    const list = store.getState().attachmentDrafts[draftKey] ?? NO_ATTACHMENTS;
    store.getState().ui.setAttachments(
      draftKey,
      list.filter((a) => a.hash !== hash),
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (slash.onKeyDown(e, isComposing(e))) return;
    if (e.key === 'Enter' && !e.shiftKey && !isComposing(e)) {
      e.preventDefault();
      void send();
    } else if (e.key === 'Escape' && comparisonStreaming) {
      e.preventDefault();
      stopAll();
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

  const sendDisabled =
    (draft.trim() === '' && attachments.length === 0) ||
    !hasProfile ||
    offline ||
    (comparing ? tooFewTargets : noModel) ||
    pendingComparison !== null ||
    tooLong !== null;
  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      {slash.open && popover ? (
        <popover.PromptPopover
          prompts={slash.matches}
          selectedId={slash.selectedId}
          onSelectedChange={slash.setSelectedId}
          onPick={slash.pick}
        />
      ) : null}
      {conversationId ? null : <NewChatPromptChip />}
      <ComposerAttachments attachments={attachments} onRemove={removeAttachment} />
      <div className="composer-box">
        <textarea
          ref={ref}
          aria-label={t('composer.label')}
          placeholder={t('composer.placeholder')}
          value={draft}
          rows={1}
          onChange={(e) => store.getState().ui.setDraft(draftKey, e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          aria-invalid={tooLong !== null}
          aria-controls={slash.open && popover ? PROMPT_POPOVER_ID : undefined}
        />
        <div className="composer-toolbar" role="group" aria-label={t('composer.toolbar')}>
          {onAttach ? (
            <IconButton
              size="sm"
              label={t('composer.attach')}
              tooltipSide="top"
              icon={<Paperclip size={16} aria-hidden="true" />}
              onClick={onAttach}
            />
          ) : null}
          <IconButton
            size="sm"
            label={t('composer.model')}
            tooltipSide="top"
            icon={<Bot size={16} aria-hidden="true" />}
            onClick={openModelPicker}
          />
          {comparing ? null : (
            <IconButton
              size="sm"
              label={t('compare.toggle')}
              tooltipSide="top"
              icon={<Columns3 size={16} aria-hidden="true" />}
              onClick={startComparing}
            />
          )}
          {onOpenParameters ? (
            <IconButton
              size="sm"
              label={t('composer.parameters')}
              tooltipSide="top"
              icon={<SlidersHorizontal size={16} aria-hidden="true" />}
              onClick={onOpenParameters}
            />
          ) : null}
          {comparing ? <CompareChips draftKey={draftKey} targets={targets} /> : null}
          <span className="composer-toolbar-gap" />
          {comparisonStreaming ? (
            <IconButton
              className="composer-send"
              variant="secondary"
              label={t('compare.stopAll')}
              shortcut="Esc"
              tooltipSide="top"
              icon={<Square size={14} fill="currentColor" aria-hidden="true" />}
              onClick={stopAll}
            />
          ) : streamingId ? (
            <IconButton
              className="composer-send"
              variant="secondary"
              label={t('action.stop')}
              shortcut="Esc"
              tooltipSide="top"
              icon={<Square size={14} fill="currentColor" aria-hidden="true" />}
              onClick={() => void store.getState().chatActions.stop(streamingId)}
            />
          ) : (
            <IconButton
              type="submit"
              className="composer-send"
              variant="primary"
              label={t('composer.send')}
              shortcut="Enter"
              tooltipSide="top"
              disabled={sendDisabled}
              icon={<ArrowUp size={18} aria-hidden="true" />}
            />
          )}
        </div>
      </div>
      <ConfirmDialog
        open={askVision}
        title={t('attachments.visionTitle')}
        body={t('attachments.visionBody', { model: blindModel || effective.model })}
        confirmLabel={t('attachments.visionSend')}
        cancelLabel={t('attachments.visionCancel')}
        onCancel={() => setAskVision(false)}
        onConfirm={() => {
          setAskVision(false);
          void send(true);
        }}
      />
      {pendingComparison && !comparisonStreaming ? (
        <p className="compare-note" role="status" data-testid="compare-pending-note">
          {t('compare.pendingNote')}
        </p>
      ) : comparing && tooFewTargets ? (
        <p className="compare-note" role="status" data-testid="compare-too-few">
          {t('compare.needTwo', { min: COMPARE_MIN_TARGETS })}
        </p>
      ) : null}
      {tooLong ? (
        <p role="alert" className="composer-limit" data-testid="composer-limit">
          {t('composer.tooLong', { size: tooLong.sizeMb, limit: tooLong.limitMb })}
        </p>
      ) : null}
    </form>
  );
}
