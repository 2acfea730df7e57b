// The Radix primitives behind the layers the window's first paint never shows open: menus,
// popovers, dialogs and toasts. Loaded through ./radix, after that paint or on first use.
export { Dialog, DropdownMenu, Popover, Toast } from 'radix-ui';
