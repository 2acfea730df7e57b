import { cloneElement, type ReactElement, type ReactNode } from 'react';
import { SharedTooltip, tooltipProps, type TooltipSide } from './SharedTooltip';

/**
 * Wrap the app once: it holds the window's one tooltip (SharedTooltip), which every Tooltip and
 * IconButton inside shows its label in.
 */
export function TooltipProvider({ children }: { children: ReactNode }) {
  return (
    <>
      {children}
      <SharedTooltip />
    </>
  );
}

/**
 * A short label shown on hover and keyboard focus, with the shortcut when there is one. The child
 * (one element, e.g. a button) only gets the label as data attributes: nothing is mounted for it.
 */
export function Tooltip(props: {
  label: string;
  shortcut?: string | undefined;
  side?: TooltipSide;
  children: ReactElement<Record<string, unknown>>;
}) {
  return cloneElement(props.children, tooltipProps(props.label, props.side, props.shortcut));
}
