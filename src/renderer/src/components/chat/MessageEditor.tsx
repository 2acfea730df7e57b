import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Inline editor for "edit and resend" of a user message. */
export function MessageEditor(props: {
  initial: string;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('chat');
  const [text, setText] = useState(props.initial);
  return (
    <form
      className="message-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() !== '') props.onSubmit(text);
      }}
    >
      <textarea
        aria-label={t('editor.label')}
        value={text}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onCancel();
        }}
      />
      <div className="message-editor-actions">
        <button type="submit">{t('editor.resend')}</button>
        <button type="button" onClick={props.onCancel}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  );
}
