import { useEffect, useState, type ReactNode } from 'react';
import { X } from 'lucide-react';
import { whenIdle } from '../afterFirstPaint';
import { useLazyModule } from '../lazyModule';
import { radix } from './radix';

/** How long a toast stays; hovering or focusing it pauses the timer (Radix). */
export const TOAST_DURATION_MS = 6000;
/** Errors stay longer: they often carry a fix to read (a wrong key, a missing model). */
export const ERROR_TOAST_DURATION_MS = 12000;

/**
 * Asks for Radix (which the menus, popovers and dialogs share) once the window is idle after
 * start-up, and shows its toasts when it has arrived; a toast raised meanwhile waits.
 */
export function ToastProvider(props: { label: string; children: ReactNode }) {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let live = true;
    void whenIdle().then(() => live && setIdle(true));
    return () => {
      live = false;
    };
  }, []);
  const parts = useLazyModule(radix, idle);
  if (!parts) return null;
  const RadixToast = parts.Toast;
  return (
    <RadixToast.Provider duration={TOAST_DURATION_MS} label={props.label}>
      {props.children}
      {/* The region's name is read out by screen readers: in the UI language, not Radix's English. */}
      <RadixToast.Viewport className="toast-viewport" label={`${props.label} ({hotkey})`} />
    </RadixToast.Provider>
  );
}

/** One toast: leaves after its duration or when closed; `onClose` clears it from the store. */
export function Toast(props: {
  title: ReactNode;
  description?: ReactNode;
  tone?: 'neutral' | 'danger';
  closeLabel: string;
  onClose: () => void;
  action?: { label: string; onClick: () => void } | undefined;
  testId?: string;
  /** Errors are announced assertively; the rest politely. */
  type?: 'foreground' | 'background';
}) {
  // Drawn inside ToastProvider, so after Radix has arrived.
  const RadixToast = radix.current()?.Toast;
  if (!RadixToast) return null;
  return (
    <RadixToast.Root
      className={`toast toast-${props.tone ?? 'neutral'}`}
      data-testid={props.testId}
      type={props.type ?? 'foreground'}
      duration={props.tone === 'danger' ? ERROR_TOAST_DURATION_MS : TOAST_DURATION_MS}
      onOpenChange={(open) => {
        if (!open) props.onClose();
      }}
    >
      {/* An error reads as an alert, as the failed action's message did before it was a toast. */}
      <div className="toast-text" role={props.tone === 'danger' ? 'alert' : undefined}>
        <RadixToast.Title className="toast-title">{props.title}</RadixToast.Title>
        {props.description ? (
          <RadixToast.Description className="toast-description">
            {props.description}
          </RadixToast.Description>
        ) : null}
      </div>
      {props.action ? (
        <RadixToast.Action asChild altText={props.action.label}>
          <button type="button" className="btn btn-secondary btn-sm" onClick={props.action.onClick}>
            {props.action.label}
          </button>
        </RadixToast.Action>
      ) : null}
      <RadixToast.Close className="icon-btn btn-ghost icon-btn-sm" aria-label={props.closeLabel}>
        <X size={16} aria-hidden="true" />
      </RadixToast.Close>
    </RadixToast.Root>
  );
}
