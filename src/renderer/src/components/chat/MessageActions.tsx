import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { Tooltip } from '../../ui/Tooltip';
import { markdownToPlainText } from './plainText';
import { formatMessageTime } from './messageTime';

const ICON = 15;

export interface MessageActionsProps {
  id: string;
  role: MessageRole;
  createdAt: number;
  canContinue: boolean;
  canRegenerate: boolean;
  onEdit: () => void;
}

/**
 * The time and the icon actions under a finished message, shown on hover or keyboard focus.
 * Its props are plain values that do not change while the answer streams (the actions are not
 * drawn then), so a token never re-renders this row; the text is read when a copy asks for it.
 */
export const MessageActions = memo(function MessageActions(props: MessageActionsProps) {
  const { id, role } = props;
  const { t, i18n } = useTranslation('chat');
  const store = useStoreApi();
  const [copied, setCopied] = useState(false);
  // The row stays in view while its menu is open (focus is in the menu, not the message).
  const [menuOpen, setMenuOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const actions = store.getState().chatActions;

  const copy = (as: 'markdown' | 'text'): void => {
    const content = store.getState().chat.messages[id]?.content ?? '';
    const text = as === 'text' && role === 'assistant' ? markdownToPlainText(content) : content;
    void navigator.clipboard.writeText(text).then(
      () => {
        setCopied(true);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => setCopied(false), 1500);
      },
      () => undefined,
    );
  };

  const time = formatMessageTime(props.createdAt, i18n.language);
  const stamp = (
    <Tooltip label={time.full}>
      <time className="message-time" dateTime={new Date(props.createdAt).toISOString()}>
        {time.short}
      </time>
    </Tooltip>
  );

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
          label={t('action.continue')}
          icon={<Play size={ICON} aria-hidden="true" />}
          onClick={() => void actions.continueMessage(id)}
        />
      ) : null}
      <IconButton
        size="sm"
        label={copied ? t('action.copied') : t('action.copy')}
        icon={
          copied ? (
            <Check size={ICON} aria-hidden="true" />
          ) : (
            <Copy size={ICON} aria-hidden="true" />
          )
        }
        onClick={() => copy('markdown')}
      />
      <IconButton
        size="sm"
        label={t('action.edit')}
        icon={<Pencil size={ICON} aria-hidden="true" />}
        onClick={props.onEdit}
      />
      {props.canRegenerate ? (
        <IconButton
          size="sm"
          label={t('action.regenerate')}
          icon={<RefreshCw size={ICON} aria-hidden="true" />}
          onClick={() => void actions.regenerate(id)}
        />
      ) : null}
      <IconButton
        size="sm"
        label={t('action.delete')}
        icon={<Trash2 size={ICON} aria-hidden="true" />}
        onClick={() => void actions.deleteMessage(id)}
      />
      <Menu
        open={menuOpen}
        onOpenChange={setMenuOpen}
        align={role === 'user' ? 'end' : 'start'}
        trigger={
          <IconButton
            size="sm"
            label={t('action.more')}
            icon={<MoreHorizontal size={ICON} aria-hidden="true" />}
          />
        }
      >
        <MenuItem icon={<Hash size={ICON} />} onSelect={() => copy('markdown')}>
          {t('action.copyMarkdown')}
        </MenuItem>
        <MenuItem icon={<FileText size={ICON} />} onSelect={() => copy('text')}>
          {t('action.copyText')}
        </MenuItem>
      </Menu>
      {role === 'user' ? stamp : null}
    </div>
  );
});
