import { memo, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import {
  Check,
  Copy,
  FileText,
  Hash,
  MoreHorizontal,
  Pencil,
  Play,
  RefreshCw,
  Trash2,
} from 'lucide-react';
import type { MessageRole } from '../../../../shared/types/history';
import { useStoreApi } from '../../store/StoreContext';
import { IconButton } from '../../ui/IconButton';
import { Menu, MenuItem } from '../../ui/Menu';
import { tooltipProps } from '../../ui/SharedTooltip';
import { markdownToPlainText } from './plainText';
import { useCopy } from './useCopy';
import { formatMessageTime } from './messageTime';
import { useChatLabels } from '../../i18n/useLabels';
import { useDecorationsReady } from '../../markdown/afterPaint';

const ICON = 15;
// The same icons under every message: made once.
const PLAY = <Play size={ICON} aria-hidden="true" />;
const CHECK = <Check size={ICON} aria-hidden="true" />;
const COPY = <Copy size={ICON} aria-hidden="true" />;
const PENCIL = <Pencil size={ICON} aria-hidden="true" />;
const REFRESH = <RefreshCw size={ICON} aria-hidden="true" />;
const TRASH = <Trash2 size={ICON} aria-hidden="true" />;
const MORE = <MoreHorizontal size={ICON} aria-hidden="true" />;

// Screens without hover (touch) show every message's actions (see chat.css).
const ACTIONS_ALWAYS_SHOWN =
  typeof matchMedia === 'function' && matchMedia('(hover: none)').matches;

// The action names, translated once per language: this row is drawn under every message.
const actionLabels = (t: TFunction<'chat'>) => ({
  more: t('action.more'),
  continue: t('action.continue'),
  copy: t('action.copy'),
  copied: t('action.copied'),
  edit: t('action.edit'),
  regenerate: t('action.regenerate'),
  delete: t('action.delete'),
  copyMarkdown: t('action.copyMarkdown'),
  copyText: t('action.copyText'),
});

export interface MessageActionsProps {
  id: string;
  role: MessageRole;
  createdAt: number;
  canContinue: boolean;
  canRegenerate: boolean;
  onEdit: () => void;
  /** The row is drawn visible without hover or focus (the last message's). */
  inView?: boolean;
}

/**
 * The time and the icon actions under a finished message, shown on hover or keyboard focus.
 * Its props are plain values that do not change while the answer streams (the actions are not
 * drawn then), so a token never re-renders this row; the text is read when a copy asks for it.
 * A conversation draws this row under every message, so it stays light: plain buttons whose
 * names show in the window's shared tooltip, and the More menu's machinery built on first use.
 * As a conversation opens, a row still transparent (any message's but the last) gets its icons
 * right after the frame that shows the conversation is painted: the buttons, their names and
 * places are there at once, and that first frame has a quarter fewer elements to build.
 */
export const MessageActions = memo(function MessageActions(props: MessageActionsProps) {
  const { id, role } = props;
  const { labels, i18n } = useChatLabels(actionLabels);
  const store = useStoreApi();
  const { copied, copy: copyText } = useCopy();
  // The row stays in view while its menu is open (focus is in the menu, not the message).
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuUsed, setMenuUsed] = useState(false);
  const actions = store.getState().chatActions;
  const iconsReady = useDecorationsReady() || props.inView === true || ACTIONS_ALWAYS_SHOWN;
  const icon = (node: ReactNode): ReactNode => (iconsReady ? node : null);

  const copy = (as: 'markdown' | 'text'): void => {
    const content = store.getState().chat.messages[id]?.content ?? '';
    const text = as === 'text' && role === 'assistant' ? markdownToPlainText(content) : content;
    copyText(text);
  };

  const time = formatMessageTime(props.createdAt, i18n.language);
  const stamp = (
    <time
      className="message-time"
      dateTime={new Date(props.createdAt).toISOString()}
      {...tooltipProps(time.full)}
    >
      {time.short}
    </time>
  );
  const moreLabel = labels.more;

  return (
    <div
      className={`message-actions${menuOpen ? ' message-actions-open' : ''}`}
      data-testid="message-actions"
    >
      {role === 'assistant' ? stamp : null}
      {props.canContinue ? (
        <IconButton
          size="sm"
          className="message-action-continue"
          sharedTooltip
          label={labels.continue}
          icon={icon(PLAY)}
          onClick={() => void actions.continueMessage(id)}
        />
      ) : null}
      <IconButton
        size="sm"
        sharedTooltip
        label={copied ? labels.copied : labels.copy}
        icon={icon(copied ? CHECK : COPY)}
        onClick={() => copy('markdown')}
      />
      <IconButton
        size="sm"
        sharedTooltip
        label={labels.edit}
        icon={icon(PENCIL)}
        onClick={props.onEdit}
      />
      {props.canRegenerate ? (
        <IconButton
          size="sm"
          sharedTooltip
          label={labels.regenerate}
          icon={icon(REFRESH)}
          onClick={() => void actions.regenerate(id)}
        />
      ) : null}
      <IconButton
        size="sm"
        sharedTooltip
        label={labels.delete}
        icon={icon(TRASH)}
        onClick={() => void actions.deleteMessage(id)}
      />
      {menuUsed ? (
        <Menu
          open={menuOpen}
          onOpenChange={setMenuOpen}
          align={role === 'user' ? 'end' : 'start'}
          trigger={<IconButton size="sm" sharedTooltip label={moreLabel} icon={MORE} />}
        >
          <MenuItem icon={<Hash size={ICON} />} onSelect={() => copy('markdown')}>
            {labels.copyMarkdown}
          </MenuItem>
          <MenuItem icon={<FileText size={ICON} />} onSelect={() => copy('text')}>
            {labels.copyText}
          </MenuItem>
        </Menu>
      ) : (
        // Until first used, a plain button that opens the menu (mounted open, focus inside it).
        <IconButton
          size="sm"
          sharedTooltip
          label={moreLabel}
          icon={icon(MORE)}
          aria-haspopup="menu"
          aria-expanded={false}
          onClick={() => {
            setMenuUsed(true);
            setMenuOpen(true);
          }}
        />
      )}
      {role === 'user' ? stamp : null}
    </div>
  );
});
