import { useRef } from 'react';
import { Dialog } from '../ui/Dialog';
import { Button } from '../ui/Button';
import { useMarkdownEnvironment } from './markdownContext';
import type { LinkWarning } from './linkWarning';

interface LinkConfirmProps {
  readonly url: string;
  readonly warning: LinkWarning;
  readonly onOpen: () => void;
  readonly onCancel: () => void;
}

/**
 * Asks before a doubtful link opens, showing the address it really leads to. The app's modal
 * dialog (on the document body, so a message's clipping cannot hide it); Cancel has the focus,
 * Escape and the close button cancel.
 */
export function LinkConfirm({ url, warning, onOpen, onCancel }: LinkConfirmProps) {
  const { labels } = useMarkdownEnvironment();
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open
      role="alertdialog"
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
      title={labels.linkConfirmTitle}
      description={warning === 'local' ? labels.linkLocal : labels.linkMismatch}
      closeLabel={labels.linkClose}
      initialFocus={cancelRef}
    >
      <code className="md-link-confirm-url" data-testid="link-confirm-url">
        {url}
      </code>
      <div className="dialog-actions">
        <Button variant="ghost" ref={cancelRef} onClick={onCancel}>
          {labels.linkCancel}
        </Button>
        <Button variant="primary" onClick={onOpen}>
          {labels.linkOpen}
        </Button>
      </div>
    </Dialog>
  );
}
