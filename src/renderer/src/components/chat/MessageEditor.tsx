import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';

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
        className="input"
        aria-label={t('editor.label')}
        value={text}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onCancel();
        }}
      />
      <div className="message-editor-actions">
        <Button size="sm" variant="ghost" onClick={props.onCancel}>
          {t('editor.cancel')}
        </Button>
        <Button type="submit" size="sm" variant="primary" disabled={text.trim() === ''}>
          {t('editor.resend')}
        </Button>
      </div>
    </form>
  );
}
