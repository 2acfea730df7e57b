import { useRef, type ReactNode, type RefObject } from 'react';
import { X } from 'lucide-react';
import { useLazyModule } from '../lazyModule';
import { IconButton } from './IconButton';
import { radix } from './radix';

interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  closeLabel: string;
  wide?: boolean;
  /** What takes the focus on open (default: the dialog itself), e.g. Cancel before a risky step. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** `alertdialog` for a question that interrupts the user. */
  role?: 'dialog' | 'alertdialog';
  children: ReactNode;
}

/** A modal dialog with a title, an optional description, and a close button. */
export function Dialog(props: DialogProps) {
  // Closed, a dialog is nothing on screen: it mounts when opened (the window's first render has
  // several closed ones). Closing unmounts its content as before, and focus goes back the same way.
  return props.open ? <OpenDialog {...props} /> : null;
}

function OpenDialog(props: DialogProps) {
  const contentRef = useRef<HTMLDivElement>(null);
  // Radix arrives after the first paint; a dialog opened before that shows once it has.
  const parts = useLazyModule(radix);
  if (!parts) return null;
  const RadixDialog = parts.Dialog;
  return (
    <RadixDialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <RadixDialog.Portal>
        {/* A plain backdrop: Radix's overlay locks scroll with an inline <style> the CSP refuses.
            The modal content still traps focus and blocks outside pointer events. */}
        <div className="dialog-overlay" aria-hidden="true" />
        <RadixDialog.Content
          ref={contentRef}
          className={`dialog${props.wide ? ' dialog-wide' : ''}`}
          // Focus the dialog itself, not its close button: a focused button would pop its tooltip.
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            (props.initialFocus?.current ?? contentRef.current)?.focus();
          }}
          {...(props.role ? { role: props.role } : {})}
          {...(props.description ? {} : { 'aria-describedby': undefined })}
          // Escape closes this layer only: it never reaches the window, where it would stop a stream.
          onEscapeKeyDown={(e) => e.stopPropagation()}
        >
          <header className="dialog-header">
            <RadixDialog.Title className="dialog-title">{props.title}</RadixDialog.Title>
            <RadixDialog.Close asChild>
              <IconButton label={props.closeLabel} icon={<X size={18} aria-hidden="true" />} />
            </RadixDialog.Close>
          </header>
          {props.description ? (
            <RadixDialog.Description className="dialog-description">
              {props.description}
            </RadixDialog.Description>
          ) : null}
          <div className="dialog-body">{props.children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
