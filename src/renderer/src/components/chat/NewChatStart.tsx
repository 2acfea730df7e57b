import { useTranslation } from 'react-i18next';
import { Code2, Lightbulb, Mail, ScrollText } from 'lucide-react';
import { useStoreApi } from '../../store/StoreContext';
import { NEW_CHAT_DRAFT } from '../../store/slices/uiSlice';
import { AppMark } from '../../ui/AppMark';

const SUGGESTIONS = [
  { icon: Lightbulb, title: 'view.suggestExplain', prompt: 'view.suggestExplainPrompt' },
  { icon: Mail, title: 'view.suggestEmail', prompt: 'view.suggestEmailPrompt' },
  { icon: ScrollText, title: 'view.suggestSummary', prompt: 'view.suggestSummaryPrompt' },
  { icon: Code2, title: 'view.suggestCode', prompt: 'view.suggestCodePrompt' },
] as const;

/**
 * A new chat before its first message: the mark, one line, and a few ideas that fill the
 * composer (never send by themselves: the user reads and edits first).
 */
export function NewChatStart() {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const use = (prompt: string): void => {
    const ui = store.getState().ui;
    ui.setDraft(NEW_CHAT_DRAFT, prompt);
    ui.focusComposer();
  };
  return (
    <div className="new-chat-start" data-testid="new-chat-start">
      <div className="new-chat-start-inner">
        <AppMark size={44} />
        <h2 className="new-chat-start-title">{t('view.emptyTitle')}</h2>
        <p className="new-chat-start-hint">{t('view.empty')}</p>
        <ul className="suggestions" aria-label={t('view.suggestionsLabel')}>
          {SUGGESTIONS.map(({ icon: Icon, title, prompt }) => (
            <li key={title}>
              <button type="button" className="suggestion" onClick={() => use(t(prompt))}>
                <Icon size={16} aria-hidden="true" className="suggestion-icon" />
                <span>{t(title)}</span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
