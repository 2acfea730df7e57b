import type { ReactNode } from 'react';
import { Tooltip as RadixTooltip } from 'radix-ui';
import { Kbd } from './Kbd';

/** Wrap the app once: tooltips share one open delay. */
export function TooltipProvider({ children }: { children: ReactNode }) {
  return (
    <RadixTooltip.Provider delayDuration={400} skipDelayDuration={200}>
      {children}
    </RadixTooltip.Provider>
  );
}

/** A short label shown on hover and keyboard focus, with the shortcut when there is one. */
export function Tooltip(props: {
  label: string;
  shortcut?: string | undefined;
  side?: 'top' | 'right' | 'bottom' | 'left';
  children: ReactNode;
}) {
  return (
    <RadixTooltip.Root>
      <RadixTooltip.Trigger asChild>{props.children}</RadixTooltip.Trigger>
      <RadixTooltip.Portal>
        <RadixTooltip.Content className="tooltip" side={props.side ?? 'bottom'} sideOffset={6}>
          {props.label}
          {props.shortcut ? <Kbd keys={props.shortcut} /> : null}
        </RadixTooltip.Content>
      </RadixTooltip.Portal>
    </RadixTooltip.Root>
  );
}
