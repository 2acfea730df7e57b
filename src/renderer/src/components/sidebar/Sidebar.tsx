import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BarChart3,
  Keyboard,
  MessagesSquare,
  PanelLeftClose,
  PanelLeftOpen,
  Search,
  Settings,
  SquarePen,
  Trash2,
} from 'lucide-react';
import { useAppStore, useStoreApi } from '../../store/StoreContext';
import { groupConversations } from '../../store/conversationsReducers';
import { shortcutKeys } from '../../shortcuts';
import { AppMark } from '../../ui/AppMark';
import { EmptyState } from '../../ui/EmptyState';
import { useNeedsSetup } from '../SetupCard';
import { IconButton } from '../../ui/IconButton';
import { Input } from '../../ui/Input';
import { Tooltip } from '../../ui/Tooltip';
import { ConversationRow } from './ConversationRow';
import { SearchResults } from './SearchResults';
import { useStartupMark } from '../../startupMarks';
import { usePaintFirst } from './paintFirst';
import { preloadMarkdown } from '../../markdown/LazyMarkdown';
import { warmUpChatFormats } from '../chat/warmUp';
import { warmUpConversationViewWhenIdle } from '../chat/lazyMessageList';

// Typing pauses this long before a search runs, so each keystroke does not query the store.
const SEARCH_DEBOUNCE_MS = 150;

export function Sidebar() {
  const { t } = useTranslation();
  const store = useStoreApi();
  const collapsed = useAppStore((s) => s.sidebarCollapsed);
  const view = useAppStore((s) => s.view);
  const ui = store.getState().ui;

  return (
    <nav
      className={`sidebar${collapsed ? ' sidebar-collapsed' : ''}`}
      aria-label={t('sidebar.label')}
      data-testid="sidebar"
      data-collapsed={collapsed}
    >
      <div className="sidebar-header">
        <AppMark size={26} />
        {collapsed ? null : <span className="sidebar-brand">Fleece</span>}
        <IconButton
          className="sidebar-toggle"
          label={collapsed ? t('sidebar.expand') : t('sidebar.collapse')}
          shortcut={shortcutKeys('toggleSidebar')}
          tooltipSide="right"
          aria-expanded={!collapsed}
          icon={
            collapsed ? (
              <PanelLeftOpen size={18} aria-hidden="true" />
            ) : (
              <PanelLeftClose size={18} aria-hidden="true" />
            )
          }
          onClick={() => ui.toggleSidebar()}
        />
      </div>
      {collapsed ? (
        <div className="sidebar-rail">
          <IconButton
            label={t('sidebar.newChat')}
            shortcut={shortcutKeys('newChat')}
            tooltipSide="right"
            icon={<SquarePen size={18} aria-hidden="true" />}
            onClick={() => store.getState().conversationActions.newChat()}
          />
          <IconButton
            label={t('sidebar.search')}
            shortcut={shortcutKeys('search')}
            tooltipSide="right"
            icon={<Search size={18} aria-hidden="true" />}
            onClick={() => {
              ui.toggleSidebar();
              ui.focusSearch();
            }}
          />
        </div>
      ) : (
        <SidebarBody />
      )}
      <footer className="sidebar-footer">
        <NavButton
          collapsed={collapsed}
          label={t('sidebar.trash')}
          icon={<Trash2 size={18} aria-hidden="true" />}
          pressed={view === 'trash'}
          onClick={() => ui.setView('trash')}
        />
        <NavButton
          collapsed={collapsed}
          label={t('sidebar.usage')}
          icon={<BarChart3 size={18} aria-hidden="true" />}
          pressed={view === 'usage'}
          onClick={() => ui.setView('usage')}
        />
        <NavButton
          collapsed={collapsed}
          label={t('sidebar.settings')}
          shortcut={shortcutKeys('settings')}
          icon={<Settings size={18} aria-hidden="true" />}
          pressed={view === 'settings'}
          onClick={() => ui.setView('settings')}
        />
        <NavButton
          collapsed={collapsed}
          label={t('shortcuts.title')}
          shortcut={shortcutKeys('shortcuts')}
          icon={<Keyboard size={18} aria-hidden="true" />}
          onClick={() => ui.setShortcutsOpen(true)}
        />
      </footer>
    </nav>
  );
}

/** A footer entry: icon and label when the sidebar is open, icon and tooltip when collapsed. */
function NavButton(props: {
  collapsed: boolean;
  label: string;
  icon: React.ReactNode;
  shortcut?: string;
  pressed?: boolean;
  onClick: () => void;
}) {
  const pressed = props.pressed === undefined ? {} : { 'aria-pressed': props.pressed };
  if (props.collapsed)
    return (
      <IconButton
        label={props.label}
        shortcut={props.shortcut}
        tooltipSide="right"
        icon={props.icon}
        onClick={props.onClick}
        {...pressed}
      />
    );
  const button = (
    <button type="button" className="nav-button" onClick={props.onClick} {...pressed}>
      {props.icon}
      <span>{props.label}</span>
    </button>
  );
  return props.shortcut ? (
    <Tooltip label={props.label} shortcut={props.shortcut} side="top">
      {button}
    </Tooltip>
  ) : (
    button
  );
}

/** New chat, search and the conversation list (the open sidebar only). */
function SidebarBody() {
  const { t, i18n } = useTranslation();
  const store = useStoreApi();
  const conversations = useAppStore((s) => s.conversations);
  // The open conversation is the current page only while it is on screen: with Settings, Usage
  // or Trash open, that page is the one marked (it stays the one a return to the chat shows).
  const activeId = useAppStore((s) => (s.view === 'chat' ? s.activeConversationId : null));
  const hasMore = useAppStore((s) => s.conversationsCursor !== null);
  const needsSetup = useNeedsSetup();
  const searchFocusTick = useAppStore((s) => s.searchFocusTick);
  const listed = useAppStore((s) => s.conversationsLoaded);
  useStartupMark('fleece:sidebar-populated', listed);
  // Answers need the Markdown chunk and the formatters of times and figures: made ready once the
  // start-up work is on screen, while the app is idle, so the first conversation opened is quick.
  const locale = i18n.language;
  useEffect(() => {
    if (!listed) return;
    preloadMarkdown();
    warmUpConversationViewWhenIdle(i18n);
    if (typeof requestIdleCallback !== 'function') return;
    const idle = requestIdleCallback(() => warmUpChatFormats(locale), { timeout: 2_000 });
    return () => cancelIdleCallback(idle);
  }, [listed, locale, i18n]);
  const [query, setQuery] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  // "Today" moves at midnight: re-group every minute.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const { groups, complete } = usePaintFirst(
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
    <>
      <div className="sidebar-actions">
        <Tooltip label={t('sidebar.newChat')} shortcut={shortcutKeys('newChat')} side="right">
          <button
            type="button"
            className="btn btn-secondary btn-md new-chat"
            onClick={() => store.getState().conversationActions.newChat()}
          >
            <SquarePen size={16} aria-hidden="true" />
            <span>{t('sidebar.newChat')}</span>
          </button>
        </Tooltip>
        <Input
          ref={searchRef}
          type="search"
          className="search-box"
          icon={<Search size={15} />}
          aria-label={t('sidebar.search')}
          placeholder={t('sidebar.searchPlaceholder', { keys: shortcutKeys('search') })}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Esc clears the search (listed in the shortcuts sheet).
            if (e.key === 'Escape') setQuery('');
          }}
        />
      </div>
      <div className="sidebar-list">
        {query.trim() !== '' ? (
          <SearchResults />
        ) : conversations.length === 0 ? (
          <EmptyState
            compact
            icon={<MessagesSquare size={22} />}
            title={t('sidebar.emptyTitle')}
            hint={
              // Before any relay is set up, New chat leads back to the setup beside this list.
              needsSetup
                ? t('sidebar.emptySetupHint')
                : t('sidebar.emptyHint', { keys: shortcutKeys('newChat') })
            }
          />
        ) : (
          <>
            {groups.map((g) => (
              <section key={g.group} aria-label={t(`sidebar.group.${g.group}`)}>
                <h2 className="sidebar-group">{t(`sidebar.group.${g.group}`)}</h2>
                <ul>
                  {g.items.map((c) => (
                    <ConversationRow
                      key={c.id}
                      conversation={c}
                      active={c.id === activeId}
                      light={!complete}
                    />
                  ))}
                </ul>
              </section>
            ))}
            {hasMore ? (
              <button
                type="button"
                className="btn btn-ghost btn-sm load-more"
                onClick={() => void store.getState().conversationActions.loadMore()}
              >
                {t('sidebar.loadMore')}
              </button>
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
