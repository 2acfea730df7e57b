import { useState, type KeyboardEvent } from 'react';
import './chat.css';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreContext';
import { MessageList } from './MessageList';
import { Composer } from './Composer';
import { SetupCard, useNeedsSetup } from '../SetupCard';
import { ModelPicker } from './ModelPicker';
import { ConversationSettings } from './ConversationSettings';
import { ConversationTitle } from './ConversationTitle';
import { NewChatStart } from './NewChatStart';
import { ThreadSkeleton } from './ThreadSkeleton';
import { SlidersHorizontal } from 'lucide-react';
import { IconButton } from '../../ui/IconButton';

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
  const [settingsFor, setSettingsFor] = useState<string | null>(null);
  const showSettings = settingsFor !== null && settingsFor === conversationId;
  // The title field is open for this conversation (another one opened closes it).
  const [titleEditFor, setTitleEditFor] = useState<string | null>(null);
  const needsSetup = useNeedsSetup();

  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    if (e.key === 'F2' && conversationId && !e.defaultPrevented) {
      e.preventDefault();
      setTitleEditFor(conversationId);
    }
  };

  return (
    <section className="chat-view" aria-label={t('view.label')} onKeyDown={onKeyDown}>
      <header className="chat-header">
        <ConversationTitle
          conversationId={conversationId}
          title={conversation?.title ?? t('view.newChat')}
          editing={titleEditFor !== null && titleEditFor === conversationId}
          onEditingChange={(open) => setTitleEditFor(open ? conversationId : null)}
        />
        <div className="chat-header-tools">
          <ModelPicker />
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
        loaded ? (
          <MessageList conversationId={conversationId} />
        ) : (
          <ThreadSkeleton />
        )
      ) : (
        <NewChatStart />
      )}
      {needsSetup ? (
        <SetupCard />
      ) : (
        <Composer
          {...(conversationId
            ? { onOpenParameters: () => setSettingsFor(showSettings ? null : conversationId) }
            : {})}
        />
      )}
    </section>
  );
}
