import { useTranslation } from 'react-i18next';
import { BookText, X } from 'lucide-react';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { IconButton } from '../../ui/IconButton';

/** The saved prompt a new chat will start with, until its first message (or removal). */
export function NewChatPromptChip() {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const prompt = useAppStore((s) => s.newChatPrompt);
  if (!prompt) return null;
  return (
    <div className="prompt-chip" data-testid="new-chat-prompt" role="status">
      <BookText size={14} aria-hidden="true" />
      <span className="prompt-chip-label">{t('prompts.using', { name: prompt.name })}</span>
      <IconButton
        size="sm"
        label={t('prompts.removeFromChat')}
        icon={<X size={14} aria-hidden="true" />}
        onClick={() => store.getState().promptActions.clearNewChatPrompt()}
      />
    </div>
  );
}
