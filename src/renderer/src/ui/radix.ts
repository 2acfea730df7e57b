import { cloneElement, isValidElement, useState, type ReactNode, type MouseEvent } from 'react';
import { lazyModule, useLazyModule } from '../lazyModule';

/**
 * The Radix layers (menus, popovers, dialogs, toasts) and their positioning code: some 100 kB
 * the start-up script does without. The toasts' region asks for them once the window is idle
 * after start-up; a layer opened before they arrive opens as soon as they do.
 */
export const radix = lazyModule(() => import('./radixParts'));

export type RadixParts = NonNullable<ReturnType<typeof radix.current>>;

/**
 * A menu's or popover's Radix parts once they have arrived, with the props that open its root;
 * until then `placeholder`, its trigger, which asks for the layer to open (through its owner
 * when the layer is controlled) and so for Radix.
 */
export function useLayer(props: {
  trigger: ReactNode;
  open?: boolean | undefined;
  onOpenChange?: ((open: boolean) => void) | undefined;
}): {
  parts: RadixParts | undefined;
  openProps: { open: boolean } | { defaultOpen: boolean };
  placeholder: ReactNode;
} {
  const [asked, setAsked] = useState(false);
  const parts = useLazyModule(radix, props.open ?? asked);
  const { onOpenChange } = props;
  return {
    parts,
    openProps: props.open !== undefined ? { open: props.open } : { defaultOpen: asked },
    placeholder: parts
      ? null
      : pendingTrigger(props.trigger, () => (onOpenChange ? onOpenChange(true) : setAsked(true))),
  };
}

/** The same trigger, which calls `open` when pressed (after its own click handler). */
export function pendingTrigger(trigger: ReactNode, open: () => void): ReactNode {
  if (!isValidElement<{ onClick?: (e: MouseEvent) => void }>(trigger)) return trigger;
  const own = trigger.props.onClick;
  return cloneElement(trigger, {
    onClick: (e: MouseEvent) => {
      own?.(e);
      if (!e.defaultPrevented) open();
    },
  });
}
