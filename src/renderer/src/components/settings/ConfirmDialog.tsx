import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { Button } from '../../ui/Button';

/** Asks before something that cannot be undone; Cancel is the easy way out. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('settings');
  return (
    <Dialog
      open={props.open}
      onOpenChange={(open) => {
        if (!open) props.onCancel();
      }}
      title={props.title}
      description={props.body}
      closeLabel={t('addDialog.close')}
    >
      <div className="dialog-actions">
        <Button variant="ghost" onClick={props.onCancel}>
          {props.cancelLabel}
        </Button>
        <Button variant="danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
