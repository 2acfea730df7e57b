import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useMarkdownEnvironment } from './markdownContext';
import type { LinkWarning } from './linkWarning';

interface LinkConfirmProps {
  readonly url: string;
  readonly warning: LinkWarning;
  readonly onOpen: () => void;
  readonly onCancel: () => void;
}

/**
 * Asks before a doubtful link opens, showing the address it really leads to. Rendered on the
 * document body so a message's clipping cannot hide it; Cancel has the focus, Escape cancels.
 */
export function LinkConfirm({ url, warning, onOpen, onCancel }: LinkConfirmProps) {
  const { labels } = useMarkdownEnvironment();
  const titleId = useId();
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement;
    cancelRef.current?.focus();
    return () => {
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);

  return createPortal(
    <div className="md-link-confirm-backdrop">
      <div
        className="md-link-confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onCancel();
          }
        }}
      >
        <h2 id={titleId} className="md-link-confirm-title">
          {labels.linkConfirmTitle}
        </h2>
        <p id={bodyId}>{warning === 'local' ? labels.linkLocal : labels.linkMismatch}</p>
        <code className="md-link-confirm-url" data-testid="link-confirm-url">
          {url}
        </code>
        <div className="md-link-confirm-actions">
          <button type="button" ref={cancelRef} onClick={onCancel}>
            {labels.linkCancel}
          </button>
          <button type="button" onClick={onOpen}>
            {labels.linkOpen}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
