import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { NEW_CHAT_DRAFT } from '../../store/slices/uiSlice';
import { useAttach } from '../attachments/useAttach';
import '../attachments/attachments.css';
import './chat.css';
import '../prompts/prompts.css';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreContext';
import { LazyMessageList } from './lazyMessageList';
import { Composer } from './Composer';
import { SetupCard, useNeedsSetup } from '../SetupCard';
import { ModelPicker } from './ModelPicker';
import { ConversationSettings } from './ConversationSettings';
import { ConversationTitle } from './ConversationTitle';
import { ContextMeter, ContextNotice } from './ContextMeter';
import { NewChatStart } from './NewChatStart';
import { ThreadSkeleton } from './ThreadSkeleton';
import { SlidersHorizontal } from 'lucide-react';
import { IconButton } from '../../ui/IconButton';
import { SaveAsPromptButton } from '../prompts/SaveAsPromptButton';

// How long the previous conversation stays in place while the next one's messages come from
// disk, before the skeleton shows: most loads take a few milliseconds.
const HOLD_MS = 150;

/**
 * The conversation whose messages the list shows: the active one once loaded. Until then, for
 * HOLD_MS, the one shown before (still in memory) stays, so opening a conversation draws the
 * window once, with its messages, rather than a skeleton first and the messages a moment later;
 * null means the skeleton.
 */
function useListedConversation(conversationId: string | null, loaded: boolean): string | null {
  const [expired, setExpired] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(conversationId);
  const waiting = conversationId !== null && !loaded;
  const shownLoaded = useAppStore((s) =>
    shown !== null ? s.chat.threads[shown] !== undefined : false,
  );
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setExpired(conversationId), HOLD_MS);
    return () => clearTimeout(timer);
  }, [waiting, conversationId]);
  if (!waiting) {
    // Derived from the previous render (React's documented pattern for it).
    if (shown !== conversationId) setShown(conversationId);
    return conversationId;
  }
  return expired !== conversationId && shownLoaded ? shown : null;
}

export function ChatView() {
  const { t } = useTranslation('chat');
  const conversationId = useAppStore((s) => s.activeConversationId);
  const conversation = useAppStore((s) =>
    s.activeConversationId
      ? s.conversations.find((c) => c.id === s.activeConversationId)
      : undefined,
  );
  // A conversation opens before its messages arrive from disk: a skeleton until then.
  const loaded = useAppStore((s) =>
    s.activeConversationId ? s.chat.threads[s.activeConversationId] !== undefined : true,
  );
  const listed = useListedConversation(conversationId, loaded);
  const [settingsFor, setSettingsFor] = useState<string | null>(null);
  const showSettings = settingsFor !== null && settingsFor === conversationId;
  // The title field is open for this conversation (another one opened closes it).
  const [titleEditFor, setTitleEditFor] = useState<string | null>(null);
  const needsSetup = useNeedsSetup();
  const { attach, pick } = useAttach(conversationId ?? NEW_CHAT_DRAFT);
  const fileInput = useRef<HTMLInputElement>(null);
  const [dropping, setDropping] = useState(false);
  const carriesFiles = (e: DragEvent<HTMLElement>): boolean =>
    Array.from(e.dataTransfer.types).includes('Files');

  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    if (e.key === 'F2' && conversationId && !e.defaultPrevented) {
      e.preventDefault();
      setTitleEditFor(conversationId);
    }
  };

  return (
    <section
      className={`chat-view${dropping ? ' chat-view-dropping' : ''}`}
      aria-label={t('view.label')}
      onKeyDown={onKeyDown}
      onDragOver={(e) => {
        if (needsSetup || !carriesFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
        setDropping(false);
      }}
      onDrop={(e) => {
        setDropping(false);
        if (needsSetup || e.dataTransfer.files.length === 0) return;
        e.preventDefault();
        void attach(Array.from(e.dataTransfer.files));
      }}
    >
      {dropping ? (
        <div className="chat-drop-hint" aria-hidden="true">
          {t('attachments.dropHere')}
        </div>
      ) : null}
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        data-testid="attach-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          void attach(files);
        }}
      />
      <header className="chat-header">
        <ConversationTitle
          conversationId={conversationId}
          title={conversation?.title ?? t('view.newChat')}
          editing={titleEditFor !== null && titleEditFor === conversationId}
          onEditingChange={(open) => setTitleEditFor(open ? conversationId : null)}
        />
        <div className="chat-header-tools">
          {conversationId && loaded ? <ContextMeter conversationId={conversationId} /> : null}
          <ModelPicker />
          {conversation ? <SaveAsPromptButton conversation={conversation} /> : null}
          {conversationId ? (
            <IconButton
              label={t('view.conversationSettings')}
              icon={<SlidersHorizontal size={18} aria-hidden="true" />}
              aria-expanded={showSettings}
              onClick={() => setSettingsFor(showSettings ? null : conversationId)}
            />
          ) : null}
        </div>
      </header>
      {showSettings && conversation ? (
        <ConversationSettings
          key={conversation.id}
          conversation={conversation}
          onClose={() => setSettingsFor(null)}
        />
      ) : null}
      {conversationId ? (
        listed ? (
          <LazyMessageList conversationId={listed} />
        ) : (
          <ThreadSkeleton />
        )
      ) : (
        <NewChatStart />
      )}
      {conversationId && loaded && !needsSetup ? (
        <ContextNotice conversationId={conversationId} />
      ) : null}
      {needsSetup ? (
        <SetupCard />
      ) : (
        <Composer
          onAttach={() => void pick(() => fileInput.current?.click())}
          {...(conversationId
            ? { onOpenParameters: () => setSettingsFor(showSettings ? null : conversationId) }
            : {})}
        />
      )}
    </section>
  );
}
