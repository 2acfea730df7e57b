import type { ReactNode } from 'react';
import { useLayer } from './radix';

/** Floating content anchored to its trigger; focus moves in and returns on close. */
export function Popover(props: {
  trigger: ReactNode;
  children: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  side?: 'top' | 'right' | 'bottom' | 'left';
  align?: 'start' | 'center' | 'end';
  label?: string;
  className?: string;
}) {
  // Before Radix has arrived, the trigger alone; it opens the popover once Radix is in.
  const layer = useLayer(props);
  if (!layer.parts) return layer.placeholder;
  const RadixPopover = layer.parts.Popover;
  return (
    <RadixPopover.Root
      {...layer.openProps}
      {...(props.onOpenChange ? { onOpenChange: props.onOpenChange } : {})}
    >
      <RadixPopover.Trigger asChild>{props.trigger}</RadixPopover.Trigger>
      <RadixPopover.Portal>
        <RadixPopover.Content
          className={props.className ? `popover ${props.className}` : 'popover'}
          side={props.side ?? 'bottom'}
          align={props.align ?? 'start'}
          sideOffset={6}
          aria-label={props.label}
          // Escape closes this layer only: it never reaches the window, where it would stop a stream.
          onEscapeKeyDown={(e) => e.stopPropagation()}
        >
          {props.children}
        </RadixPopover.Content>
      </RadixPopover.Portal>
    </RadixPopover.Root>
  );
}
