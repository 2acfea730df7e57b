import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../../shared/types/history';
import { useClient, useStoreApi } from '../../store/StoreContext';
import { saveTextFile } from '../../download';

/**
 * One conversation in the sidebar. Rename (F2), pin (P) and delete (Delete) work from the
 * keyboard and from the menu button / right-click.
 */
export function ConversationRow({
  conversation,
  active,
}: {
  conversation: Conversation;
  active: boolean;
}) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const client = useClient();
  const actions = store.getState().conversationActions;
  const [menuOpen, setMenuOpen] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(conversation.title);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    if (renaming) return;
    if (e.key === 'F2') {
      e.preventDefault();
      startRename();
    } else if (e.key === 'Delete') {
      e.preventDefault();
      void actions.remove(conversation.id);
    } else if (e.key.toLowerCase() === 'p' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      void actions.setPinned(conversation.id, !conversation.pinned);
    } else if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      e.preventDefault();
      setMenuOpen(true);
    }
  };

  const startRename = (): void => {
    setTitle(conversation.title);
    setRenaming(true);
  };
  const exportMarkdown = (): void => {
    void client.call('history.exportMarkdown', { conversationId: conversation.id }).then((res) => {
      if (res.ok) saveTextFile(res.data.fileName, res.data.markdown, 'text/markdown');
      else store.getState().ui.showToast(res.error);
    });
  };
  // Each menu entry closes the menu, then acts.
  const select = (act: () => void) => (): void => {
    setMenuOpen(false);
    act();
  };

  if (renaming) {
    return (
      <li className="conversation-row">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setRenaming(false);
            if (title.trim() && title.trim() !== conversation.title)
              void actions.rename(conversation.id, title.trim());
          }}
        >
          <input
            aria-label={t('sidebar.renameLabel')}
            value={title}
            autoFocus
            maxLength={300}
            onChange={(e) => setTitle(e.target.value)}
            onBlur={() => setRenaming(false)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setRenaming(false);
            }}
          />
        </form>
      </li>
    );
  }

  return (
    <li className={`conversation-row${active ? ' active' : ''}`} data-testid="conversation">
      <button
        type="button"
        className="conversation-open"
        aria-current={active ? 'page' : undefined}
        onClick={() => void actions.select(conversation.id)}
        onKeyDown={onKeyDown}
        onContextMenu={(e) => {
          e.preventDefault();
          setMenuOpen(true);
        }}
      >
        {conversation.title || t('sidebar.untitled')}
      </button>
      <button
        type="button"
        className="conversation-menu-button"
        aria-label={t('sidebar.moreActions', { title: conversation.title })}
        aria-haspopup="menu"
        aria-expanded={menuOpen}
        onClick={() => setMenuOpen((v) => !v)}
      >
        ⋯
      </button>
      {menuOpen ? (
        <ul
          className="conversation-menu"
          role="menu"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setMenuOpen(false);
          }}
        >
          <MenuItem autoFocus onSelect={select(startRename)}>
            {t('sidebar.rename')}
          </MenuItem>
          <MenuItem
            onSelect={select(() => void actions.setPinned(conversation.id, !conversation.pinned))}
          >
            {conversation.pinned ? t('sidebar.unpin') : t('sidebar.pin')}
          </MenuItem>
          <MenuItem onSelect={select(exportMarkdown)}>{t('sidebar.exportMarkdown')}</MenuItem>
          <MenuItem onSelect={select(() => void actions.remove(conversation.id))}>
            {t('sidebar.delete')}
          </MenuItem>
        </ul>
      ) : null}
    </li>
  );
}

function MenuItem(props: { onSelect: () => void; autoFocus?: boolean; children: ReactNode }) {
  return (
    <li role="none">
      <button type="button" role="menuitem" autoFocus={props.autoFocus} onClick={props.onSelect}>
        {props.children}
      </button>
    </li>
  );
}
