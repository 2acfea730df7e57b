import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { groupConversations } from '../../store/conversationsReducers';
import { ConversationRow } from './ConversationRow';
import { SearchResults } from './SearchResults';
import { useStartupMark } from '../../startupMarks';
import { usePaintFirst } from './paintFirst';
import { preloadMarkdown } from '../../markdown/LazyMarkdown';

// Typing pauses this long before a search runs, so each keystroke does not query the store.
const SEARCH_DEBOUNCE_MS = 150;

export function Sidebar() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const conversations = useAppStore((s) => s.conversations);
  const activeId = useAppStore((s) => s.activeConversationId);
  const hasMore = useAppStore((s) => s.conversationsCursor !== null);
  const lastDeleted = useAppStore((s) => s.lastDeleted);
  const searchFocusTick = useAppStore((s) => s.searchFocusTick);
  const view = useAppStore((s) => s.view);
  const listed = useAppStore((s) => s.conversationsLoaded);
  useStartupMark('fleece:sidebar-populated', listed);
  // Answers need the Markdown chunk: fetch it once the start-up work is on screen.
  useEffect(() => {
    if (listed) preloadMarkdown();
  }, [listed]);
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  // "Today" moves at midnight: re-group every minute.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const groups = usePaintFirst(
    useMemo(() => groupConversations(conversations, now), [conversations, now]),
  );

  useEffect(() => {
    if (searchFocusTick > 0) searchRef.current?.focus();
  }, [searchFocusTick]);

  useEffect(() => {
    const timer = setTimeout(
      () => void store.getState().conversationActions.setSearchQuery(query),
      SEARCH_DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
  }, [query, store]);

  return (
    <nav className="sidebar" aria-label={t('sidebar.label')}>
      <button
        type="button"
        className="new-chat"
        onClick={() => store.getState().conversationActions.newChat()}
      >
        {t('sidebar.newChat')}
      </button>
      <input
        ref={searchRef}
        type="search"
        className="search-box"
        aria-label={t('sidebar.search')}
        placeholder={t('sidebar.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setQuery('');
        }}
      />
      <div className="sidebar-list">
        {query.trim() !== '' ? (
          <SearchResults />
        ) : (
          <>
            {groups.map((g) => (
              <section key={g.group} aria-label={t(`sidebar.group.${g.group}`)}>
                <h2 className="sidebar-group">{t(`sidebar.group.${g.group}`)}</h2>
                <ul>
                  {g.items.map((c) => (
                    <ConversationRow key={c.id} conversation={c} active={c.id === activeId} />
                  ))}
                </ul>
              </section>
            ))}
            {hasMore ? (
              <button
                type="button"
                onClick={() => void store.getState().conversationActions.loadMore()}
              >
                {t('sidebar.loadMore')}
              </button>
            ) : null}
          </>
        )}
      </div>
      {lastDeleted ? (
        <div className="undo-bar" role="status">
          {t('sidebar.deleted', { title: lastDeleted.title })}
          <button
            type="button"
            onClick={() => void store.getState().conversationActions.undoRemove()}
          >
            {t('sidebar.undo')}
          </button>
        </div>
      ) : null}
      <footer className="sidebar-footer">
        <button
          type="button"
          aria-pressed={view === 'usage'}
          onClick={() => store.getState().ui.setView('usage')}
        >
          {t('sidebar.usage')}
        </button>
        <button
          type="button"
          aria-pressed={view === 'settings'}
          onClick={() => store.getState().ui.setView('settings')}
        >
          {t('sidebar.settings')}
        </button>
      </footer>
    </nav>
  );
}
