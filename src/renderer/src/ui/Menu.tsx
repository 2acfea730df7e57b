import type { ReactNode } from 'react';
import { Kbd } from './Kbd';
import { radix, useLayer } from './radix';

/**
 * A dropdown menu: arrow keys, typeahead and Escape come from Radix. Non-modal, because the
 * modal variant locks page scroll by injecting a <style> element, which the CSP refuses (the
 * shell never scrolls as a page anyway).
 */
export function Menu(props: {
  trigger: ReactNode;
  children: ReactNode;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  align?: 'start' | 'center' | 'end';
  /** Called as the menu closes; preventDefault() keeps focus where an action moved it. */
  onCloseAutoFocus?: (e: Event) => void;
}) {
  // Before Radix has arrived, the trigger alone; it opens the menu once Radix is in.
  const layer = useLayer(props);
  if (!layer.parts) return layer.placeholder;
  const { DropdownMenu } = layer.parts;
  return (
    <DropdownMenu.Root
      modal={false}
      {...layer.openProps}
      {...(props.onOpenChange ? { onOpenChange: props.onOpenChange } : {})}
    >
      <DropdownMenu.Trigger asChild>{props.trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="menu"
          align={props.align ?? 'end'}
          sideOffset={4}
          // Escape closes this layer only: it never reaches the window, where it would stop a stream.
          onEscapeKeyDown={(e) => e.stopPropagation()}
          {...(props.onCloseAutoFocus ? { onCloseAutoFocus: props.onCloseAutoFocus } : {})}
        >
          {props.children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

export function MenuItem(props: {
  onSelect: () => void;
  icon?: ReactNode;
  shortcut?: string;
  danger?: boolean;
  children: ReactNode;
}) {
  // Items are drawn inside an open menu, so after Radix has arrived.
  const DropdownMenu = radix.current()?.DropdownMenu;
  if (!DropdownMenu) return null;
  return (
    <DropdownMenu.Item
      className={`menu-item${props.danger ? ' menu-item-danger' : ''}`}
      onSelect={props.onSelect}
    >
      {props.icon ? (
        <span className="menu-item-icon" aria-hidden="true">
          {props.icon}
        </span>
      ) : null}
      <span className="menu-item-label">{props.children}</span>
      {props.shortcut ? <Kbd keys={props.shortcut} /> : null}
    </DropdownMenu.Item>
  );
}

export function MenuSeparator() {
  const DropdownMenu = radix.current()?.DropdownMenu;
  return DropdownMenu ? <DropdownMenu.Separator className="menu-separator" /> : null;
}
