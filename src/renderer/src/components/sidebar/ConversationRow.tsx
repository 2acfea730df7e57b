import { memo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Download, MoreHorizontal, Pencil, Pin, PinOff, Trash2 } from 'lucide-react';
import type { Conversation } from '../../../../shared/types/history';
import { useAppStore, useClient, useStoreApi } from '../../store/StoreContext';
import { saveTextFile } from '../../download';
import { selectStreamingId } from '../chat/Composer';
import { shortcutKeys } from '../../shortcuts';
import { IconButton } from '../../ui/IconButton';
import { Menu, MenuItem, MenuSeparator } from '../../ui/Menu';

/**
 * One conversation in the sidebar. Rename (F2), pin (P) and delete (Delete) work from the
 * keyboard and from the menu button / right-click. Memoised: opening a conversation changes
 * two rows (the one left and the one opened), not the hundred listed.
 */
export const ConversationRow = memo(function ConversationRow({
  conversation,
  active,
  light = false,
}: {
  conversation: Conversation;
  active: boolean;
  /**
   * The start-up frame's rows: the menu button without its menu and tooltip, which mount in the
   * render right after that frame (usePaintFirst). A click before then opens the menu all the same.
   * The button shows only on the open row or under the pointer, so the others leave out its icon
   * for that one frame too.
   */
  light?: boolean;
}) {
  const { t } = useTranslation();
  const store = useStoreApi();
  const client = useClient();
  const actions = store.getState().conversationActions;
  // A boolean: the row re-renders when its stream starts or ends, not on every delta.
  const streaming = useAppStore((s) => selectStreamingId(s, conversation.id) !== null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(conversation.title);
  // Rename from the menu: the menu must not take focus back from the title field.
  const renameFromMenu = useRef(false);

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

  // The messages load while the pointer or focus is on the row: the click finds them ready.
  const prefetch = (): void => void store.getState().chatActions.prefetch(conversation.id);

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

  if (renaming) {
    return (
      <li className="conversation-row renaming">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setRenaming(false);
            if (title.trim() && title.trim() !== conversation.title)
              void actions.rename(conversation.id, title.trim());
          }}
        >
          <input
            className="input conversation-rename"
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

  const icon = (C: typeof Pin) => <C size={15} aria-hidden="true" />;
  const moreLabel = t('sidebar.moreActions', { title: conversation.title });
  const moreIcon = <MoreHorizontal size={16} aria-hidden="true" />;
  return (
    <li
      className={`conversation-row${active ? ' active' : ''}${menuOpen ? ' menu-open' : ''}`}
      data-testid="conversation"
      data-streaming={streaming || undefined}
    >
      <button
        type="button"
        className="conversation-open"
        aria-current={active ? 'page' : undefined}
        onClick={() => void actions.select(conversation.id)}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        onKeyDown={onKeyDown}
        onContextMenu={(e) => {
          e.preventDefault();
          setMenuOpen(true);
        }}
      >
        {conversation.title || t('sidebar.untitled')}
      </button>
      {streaming ? (
        // The open conversation's answer shows its own progress: its dot stands still.
        <span
          className={active ? 'streaming-dot streaming-dot-still' : 'streaming-dot'}
          data-testid="conversation-streaming"
        >
          <span className="visually-hidden">{t('sidebar.streaming')}</span>
        </span>
      ) : conversation.pinned ? (
        <span className="conversation-pin" aria-hidden="true">
          {icon(Pin)}
        </span>
      ) : null}
      {light && !menuOpen ? (
        <button
          type="button"
          className="icon-btn btn-ghost icon-btn-sm conversation-menu-button"
          aria-label={moreLabel}
          aria-haspopup="menu"
          aria-expanded={false}
          onClick={() => setMenuOpen(true)}
        >
          {active ? moreIcon : null}
        </button>
      ) : (
        <Menu
          open={menuOpen}
          onOpenChange={setMenuOpen}
          onCloseAutoFocus={(e) => {
            if (renameFromMenu.current) e.preventDefault();
            renameFromMenu.current = false;
          }}
          trigger={
            <IconButton
              size="sm"
              className="conversation-menu-button"
              label={moreLabel}
              shortcut={shortcutKeys('rowMenu')}
              tooltipSide="right"
              icon={moreIcon}
            />
          }
        >
          <MenuItem
            icon={icon(Pencil)}
            shortcut={shortcutKeys('rename')}
            onSelect={() => {
              renameFromMenu.current = true;
              startRename();
            }}
          >
            {t('sidebar.rename')}
          </MenuItem>
          <MenuItem
            icon={conversation.pinned ? icon(PinOff) : icon(Pin)}
            shortcut={shortcutKeys('pin')}
            onSelect={() => void actions.setPinned(conversation.id, !conversation.pinned)}
          >
            {conversation.pinned ? t('sidebar.unpin') : t('sidebar.pin')}
          </MenuItem>
          <MenuItem icon={icon(Download)} onSelect={exportMarkdown}>
            {t('sidebar.exportMarkdown')}
          </MenuItem>
          <MenuSeparator />
          <MenuItem
            icon={icon(Trash2)}
            shortcut={shortcutKeys('delete')}
            danger
            onSelect={() => void actions.remove(conversation.id)}
          >
            {t('sidebar.delete')}
          </MenuItem>
        </Menu>
      )}
    </li>
  );
});
