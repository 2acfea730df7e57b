import { useTranslation } from 'react-i18next';
import { useStoreApi } from '../../store/StoreContext';
import { AppMark } from '../../ui/AppMark';
import { Kbd } from '../../ui/Kbd';
import { promptIcon } from '../prompts/promptIcon';
import { usePromptList } from '../prompts/usePromptList';

/** How many prompts the new chat screen shows; "/" in the composer finds all of them. */
const SHOWN = 8;

/**
 * A new chat before its first message: the mark, one line, and the prompt library. Choosing a
 * prompt sets the chat's system prompt, model and temperature and fills the composer with its
 * first message (never sent by itself: the user reads and edits first).
 */
export function NewChatStart() {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const prompts = usePromptList();
  return (
    <div className="new-chat-start" data-testid="new-chat-start">
      <div className="new-chat-start-inner">
        <AppMark size={44} />
        <h2 className="new-chat-start-title">{t('view.emptyTitle')}</h2>
        <p className="new-chat-start-hint">{t('view.empty')}</p>
        {prompts.length > 0 ? (
          <ul className="suggestions" aria-label={t('prompts.startLabel')}>
            {prompts.slice(0, SHOWN).map((p) => {
              const Icon = promptIcon(p.id);
              return (
                <li key={p.id}>
                  <button
                    type="button"
                    className="suggestion"
                    onClick={() => void store.getState().promptActions.apply(p)}
                  >
                    <Icon size={16} aria-hidden="true" className="suggestion-icon" />
                    <span>{p.name}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
        <p className="new-chat-start-more">
          {t('prompts.slashBefore')} <Kbd keys="/" /> {t('prompts.slashAfter')}{' '}
          <button
            type="button"
            className="new-chat-start-link"
            onClick={() => {
              const ui = store.getState().ui;
              ui.setSettingsTab('prompts');
              ui.setView('settings');
            }}
          >
            {t('prompts.manage')}
          </button>
        </p>
      </div>
    </div>
  );
}
