import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { MessageList } from './MessageList';
import { Composer } from './Composer';
import { SetupCard, useNeedsSetup } from '../SetupCard';
import { ModelPicker } from './ModelPicker';
import { ConversationSettings } from './ConversationSettings';
import { MessageSquareText, SlidersHorizontal } from 'lucide-react';
import { EmptyState } from '../../ui/EmptyState';
import { IconButton } from '../../ui/IconButton';

export function ChatView() {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const conversationId = useAppStore((s) => s.activeConversationId);
  const conversation = useAppStore((s) =>
    s.activeConversationId
      ? s.conversations.find((c) => c.id === s.activeConversationId)
      : undefined,
  );
  const defaultModel = useAppStore((s) => s.activeProfile()?.defaultModel ?? '');
  const [showSettings, setShowSettings] = useState(false);
  const needsSetup = useNeedsSetup();
  const newChatModel = useAppStore((s) => s.newChatModel);
  const model = conversation
    ? (conversation.model ?? defaultModel)
    : (newChatModel ?? defaultModel);

  // A model picked before the first message belongs to the new chat, not to the profile.
  const setModel = (m: string): void => {
    if (conversationId)
      void store.getState().conversationActions.update(conversationId, { model: m || null });
    else store.getState().ui.setNewChatModel(m || null);
  };

  return (
    <section className="chat-view" aria-label={t('view.label')}>
      <header className="chat-header">
        <h1 className="chat-title">{conversation?.title ?? t('view.newChat')}</h1>
        <ModelPicker value={model} onChange={setModel} />
        {conversationId ? (
          <IconButton
            label={t('view.conversationSettings')}
            icon={<SlidersHorizontal size={18} aria-hidden="true" />}
            aria-expanded={showSettings}
            onClick={() => setShowSettings((v) => !v)}
          />
        ) : null}
      </header>
      {showSettings && conversation ? <ConversationSettings conversation={conversation} /> : null}
      {conversationId ? (
        <MessageList conversationId={conversationId} />
      ) : (
        <div className="empty-chat">
          <EmptyState
            icon={<MessageSquareText size={28} />}
            title={t('view.emptyTitle')}
            hint={t('view.empty')}
          />
        </div>
      )}
      {needsSetup ? <SetupCard /> : <Composer />}
    </section>
  );
}
