import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pencil } from 'lucide-react';
import { normaliseTitle } from '../../../../shared/rules/limits';
import { useStoreApi } from '../../store/StoreContext';
import { IconButton } from '../../ui/IconButton';

/**
 * The header's title, renamed in place: a click on it, F2 anywhere in the chat (the chat view
 * sets `editing`), or the pencil opens a field; Enter (or leaving the field) saves through the
 * rename action, Escape cancels. A new chat has no conversation yet, so its title is plain text.
 * The chat view keys this by conversation, so an edit never carries over to another one.
 */
export function ConversationTitle(props: {
  conversationId: string | null;
  title: string;
  editing: boolean;
  onEditingChange: (editing: boolean) => void;
}) {
  const { t } = useTranslation('chat');
  const store = useStoreApi();
  const pencil = useRef<HTMLButtonElement>(null);
  const { conversationId, title, editing, onEditingChange } = props;

  if (editing && conversationId)
    return (
      <TitleInput
        initial={title}
        label={t('view.titleLabel')}
        onDone={(text) => {
          onEditingChange(false);
          const next = text === null ? null : normaliseTitle(text);
          if (next !== null && next !== title)
            void store.getState().conversationActions.rename(conversationId, next);
          requestAnimationFrame(() => pencil.current?.focus());
        }}
      />
    );

  return (
    <div className="chat-title-wrap">
      <h1
        className={`chat-title${conversationId ? ' chat-title-editable' : ''}`}
        title={title}
        onClick={() => conversationId && onEditingChange(true)}
      >
        {title}
      </h1>
      {conversationId ? (
        <IconButton
          ref={pencil}
          className="chat-title-rename"
          size="sm"
          label={t('view.rename')}
          shortcut="F2"
          icon={<Pencil size={14} aria-hidden="true" />}
          onClick={() => onEditingChange(true)}
        />
      ) : null}
    </div>
  );
}

/** The field itself: `onDone(text)` to save, `onDone(null)` to cancel; reports once. */
function TitleInput(props: {
  initial: string;
  label: string;
  onDone: (text: string | null) => void;
}) {
  const [text, setText] = useState(props.initial);
  const input = useRef<HTMLInputElement>(null);
  // Escape, then the field's removal, may both report: only the first one counts.
  const done = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = (value: string | null): void => {
    if (done.current) return;
    done.current = true;
    props.onDone(value);
  };
  return (
    <input
      ref={input}
      className="chat-title-input"
      aria-label={props.label}
      value={text}
      spellCheck={false}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => finish(text)}
      onKeyDown={(e) => {
        if (e.key === 'F2') e.preventDefault();
        if (e.nativeEvent.isComposing || e.keyCode === 229) return;
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(text);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          finish(null);
        }
      }}
    />
  );
}
