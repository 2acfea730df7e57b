import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';

/**
 * Inline editor of a message. A question can be saved as it is or saved and resent (a new
 * version of the question, answered again); an answer is only saved (a typo fixed in place).
 */
export function MessageEditor(props: {
  initial: string;
  /** Saves in place; without it the editor only offers Save and resend. */
  onSave?: ((text: string) => void) | undefined;
  /** Saves as a new version and asks again; without it the editor only offers Save. */
  onResend?: ((text: string) => void) | undefined;
  onCancel: () => void;
}) {
  const { t } = useTranslation('chat');
  const [text, setText] = useState(props.initial);
  const empty = text.trim() === '';
  // Enter in the form (Ctrl+Enter) does what the main button says.
  const primary = props.onResend ?? props.onSave;
  return (
    <form
      className="message-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (!empty) primary?.(text);
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
        {props.onSave && props.onResend ? (
          <Button
            size="sm"
            variant="secondary"
            disabled={empty}
            onClick={() => props.onSave?.(text)}
          >
            {t('editor.save')}
          </Button>
        ) : null}
        <Button type="submit" size="sm" variant="primary" disabled={empty}>
          {props.onResend ? t('editor.resend') : t('editor.save')}
        </Button>
      </div>
    </form>
  );
}
