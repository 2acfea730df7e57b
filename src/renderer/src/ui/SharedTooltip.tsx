import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Kbd } from './Kbd';

// A first tooltip waits; the next one, within the skip window after one closed, opens at once.
const OPEN_DELAY_MS = 400;
const SKIP_DELAY_MS = 200;
const OFFSET_PX = 6;
const MARGIN_PX = 4;

export type TooltipSide = 'top' | 'right' | 'bottom' | 'left';

/**
 * Marks an element as showing `label` in the shared tooltip (see SharedTooltip), below it unless
 * another side is asked for, with its keyboard shortcut (e.g. "Ctrl+B") when it has one.
 */
export function tooltipProps(
  label: string,
  side?: TooltipSide,
  shortcut?: string,
): {
  'data-tooltip': string;
  'data-tooltip-side'?: TooltipSide;
  'data-tooltip-shortcut'?: string;
} {
  return {
    'data-tooltip': label,
    ...(side && side !== 'bottom' ? { 'data-tooltip-side': side } : {}),
    ...(shortcut ? { 'data-tooltip-shortcut': shortcut } : {}),
  };
}

// Focus from the keyboard shows the tooltip, not the focus a click leaves behind.
function focusVisible(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return true;
  }
}

interface Shown {
  target: HTMLElement;
  label: string;
  shortcut: string | undefined;
  id: string;
}

/**
 * One tooltip for every element with `data-tooltip` in the window, shown after a short delay on
 * hover and on keyboard focus. Every tooltip of the app is this one (TooltipProvider mounts it):
 * nothing is mounted per element, so drawing the window — or a conversation with actions under
 * every message — does not build a tooltip machine for each button.
 */
export function SharedTooltip() {
  const [shown, setShown] = useState<Shown | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current: HTMLElement | null = null;
    let closedAt = -Infinity;
    let count = 0;
    const targetOf = (node: EventTarget | null): HTMLElement | null =>
      node instanceof Element ? node.closest<HTMLElement>('[data-tooltip]') : null;
    const show = (target: HTMLElement) => {
      const label = target.dataset.tooltip;
      if (!label || !target.isConnected) return;
      const id = `shared-tooltip-${++count}`;
      target.setAttribute('aria-describedby', id);
      setShown({ target, label, shortcut: target.dataset.tooltipShortcut, id });
    };
    const open = (target: HTMLElement) => {
      if (current === target) return;
      close();
      current = target;
      const wait = performance.now() - closedAt < SKIP_DELAY_MS ? 0 : OPEN_DELAY_MS;
      timer = setTimeout(() => show(target), wait);
    };
    const close = () => {
      clearTimeout(timer);
      if (!current) return;
      current.removeAttribute('aria-describedby');
      current = null;
      closedAt = performance.now();
      setShown(null);
    };
    const onOver = (e: PointerEvent) => {
      if (e.pointerType === 'touch') return;
      const target = targetOf(e.target);
      if (target) open(target);
      else if (current) close();
    };
    const onOut = (e: PointerEvent) => {
      if (current && !current.contains(e.relatedTarget as Node | null)) close();
    };
    const onFocus = (e: FocusEvent) => {
      const target = targetOf(e.target);
      if (target && focusVisible(target)) open(target);
    };
    const onBlur = (e: FocusEvent) => {
      if (current && current.contains(e.target as Node | null)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && current) close();
    };
    // [event, listener, capture]
    const listeners: [string, (e: never) => void, boolean][] = [
      ['pointerover', onOver, false],
      ['pointerout', onOut, false],
      ['pointerdown', close, true],
      ['focusin', onFocus, false],
      ['focusout', onBlur, false],
      ['keydown', onKey, true],
      ['scroll', close, true],
    ];
    for (const [type, listener, capture] of listeners)
      document.addEventListener(type, listener as EventListener, capture);
    return () => {
      close();
      for (const [type, listener, capture] of listeners)
        document.removeEventListener(type, listener as EventListener, capture);
    };
  }, []);

  // Placed once its size is known, before it is painted: on its side of the element (below by
  // default; the other side when there is no room), centred on it and kept inside the window.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!shown || !el) return;
    const { left, top } = placeTooltip(
      shown.target.getBoundingClientRect(),
      el.getBoundingClientRect(),
      (shown.target.dataset.tooltipSide as TooltipSide | undefined) ?? 'bottom',
      { width: window.innerWidth, height: window.innerHeight },
    );
    el.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    el.style.visibility = 'visible';
  }, [shown]);

  if (!shown) return null;
  return createPortal(
    <div ref={ref} id={shown.id} role="tooltip" className="tooltip tooltip-shared">
      {shown.label}
      {shown.shortcut ? <Kbd keys={shown.shortcut} /> : null}
    </div>,
    document.body,
  );
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where a tooltip of `box`'s size goes beside `anchor`, in a window of `view`'s size. */
export function placeTooltip(
  anchor: Box,
  box: { width: number; height: number },
  side: TooltipSide,
  view: { width: number; height: number },
): { left: number; top: number } {
  const clamp = (v: number, size: number, room: number): number =>
    Math.min(Math.max(MARGIN_PX, v), room - size - MARGIN_PX);
  if (side === 'left' || side === 'right') {
    const after = anchor.left + anchor.width + OFFSET_PX;
    const before = anchor.left - OFFSET_PX - box.width;
    const fitsAfter = after + box.width <= view.width - MARGIN_PX;
    const fitsBefore = before >= MARGIN_PX;
    const left =
      (side === 'right' && fitsAfter) || (side === 'left' && !fitsBefore) ? after : before;
    return {
      left: clamp(left, box.width, view.width),
      top: clamp(anchor.top + anchor.height / 2 - box.height / 2, box.height, view.height),
    };
  }
  const below = anchor.top + anchor.height + OFFSET_PX;
  const above = anchor.top - OFFSET_PX - box.height;
  const fitsBelow = below + box.height <= view.height - MARGIN_PX;
  const top =
    (side === 'top' && above >= MARGIN_PX) || !fitsBelow ? Math.max(MARGIN_PX, above) : below;
  return {
    left: clamp(anchor.left + anchor.width / 2 - box.width / 2, box.width, view.width),
    top,
  };
}
