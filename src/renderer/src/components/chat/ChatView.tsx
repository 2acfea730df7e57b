import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store/StoreContext';
import { MessageList } from './MessageList';
import { Composer } from './Composer';
import { ModelPicker } from './ModelPicker';
import { ConversationSettings } from './ConversationSettings';
import { MessageSquareText, SlidersHorizontal } from 'lucide-react';
import { EmptyState } from '../../ui/EmptyState';
import { IconButton } from '../../ui/IconButton';

export function ChatView() {
  const { t } = useTranslation('chat');
  const conversationId = useAppStore((s) => s.activeConversationId);
  const conversation = useAppStore((s) =>
    s.activeConversationId
      ? s.conversations.find((c) => c.id === s.activeConversationId)
      : undefined,
  );
  const [showSettings, setShowSettings] = useState(false);

  return (
    <section className="chat-view" aria-label={t('view.label')}>
      <header className="chat-header">
        <h1 className="chat-title">{conversation?.title ?? t('view.newChat')}</h1>
        <ModelPicker />
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
      <Composer />
    </section>
  );
}
