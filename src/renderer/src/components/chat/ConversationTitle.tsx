import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pencil } from 'lucide-react';
import { normaliseTitle } from '../../../../shared/rules/limits';
import { useStoreApi } from '../../store/StoreContext';
import { IconButton } from '../../ui/IconButton';

/**
 * The header's title, renamed in place: a click on it, F2 anywhere in the chat, or the pencil
 * opens a field; Enter (or leaving the field) saves through the rename action, Escape cancels.
 * A new chat has no conversation yet, so its title is plain text.
 */
export function ConversationTitle(props: {
  conversationId: string | null;
  title: string;
  /** Bumped by the chat view's F2 to open the field. */
  editTick: number;
}) {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(props.title);
  const input = useRef<HTMLInputElement>(null);
  const pencil = useRef<HTMLButtonElement>(null);
  // Escape then the field's removal may both report: only the first one counts.
  const closing = useRef(false);
  const { conversationId, editTick } = props;

  const open = (): void => {
    if (!conversationId) return;
    setText(props.title);
    setEditing(true);
  };

  useEffect(() => {
    if (editTick > 0 && conversationId && !editing) {
      setText(props.title);
      setEditing(true);
    }
    // Only a new F2 press opens the field, not a title that changes under it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editTick]);

  // Another conversation opened: an edit in progress belonged to the old one.
  useEffect(() => setEditing(false), [conversationId]);

  useEffect(() => {
    if (!editing) return;
    closing.current = false;
    input.current?.focus();
    input.current?.select();
  }, [editing]);

  const close = (save: boolean): void => {
    if (closing.current) return;
    closing.current = true;
    setEditing(false);
    const title = normaliseTitle(text);
    if (save && conversationId && title !== null && title !== props.title)
      void store.getState().conversationActions.rename(conversationId, title);
    requestAnimationFrame(() => pencil.current?.focus());
  };

  if (editing)
    return (
      <input
        ref={input}
        className="chat-title-input"
        aria-label={t('view.titleLabel')}
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => close(true)}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing || e.keyCode === 229) return;
          if (e.key === 'Enter') {
            e.preventDefault();
            close(true);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            close(false);
          }
        }}
      />
    );

  return (
    <div className="chat-title-wrap">
      <h1
        className={`chat-title${conversationId ? ' chat-title-editable' : ''}`}
        title={props.title}
        onClick={open}
      >
        {props.title}
      </h1>
      {conversationId ? (
        <IconButton
          ref={pencil}
          className="chat-title-rename"
          size="sm"
          label={t('view.rename')}
          shortcut="F2"
          icon={<Pencil size={14} aria-hidden="true" />}
          onClick={open}
        />
      ) : null}
    </div>
  );
}
