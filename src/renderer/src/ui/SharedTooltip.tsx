import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

// The same timing as TooltipProvider: a first tooltip waits, the next one within the skip
// window opens at once.
const OPEN_DELAY_MS = 400;
const SKIP_DELAY_MS = 200;
const OFFSET_PX = 6;
const MARGIN_PX = 4;

/** Marks an element as showing `label` in the shared tooltip (see SharedTooltip). */
export function tooltipProps(label: string, side?: 'top' | 'bottom') {
  return side ? { 'data-tooltip': label, 'data-tooltip-side': side } : { 'data-tooltip': label };
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
  id: string;
}

/**
 * One tooltip for every element with `data-tooltip` in the window, shown on hover and on
 * keyboard focus like the Tooltip primitive. Rows drawn by the hundred (a message's actions) use
 * it instead of a Tooltip each: nothing is mounted per element, so showing a conversation does
 * not build a tooltip machine for every button under every message.
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
      setShown({ target, label, id });
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
    document.addEventListener('pointerover', onOver);
    document.addEventListener('pointerout', onOut);
    document.addEventListener('pointerdown', close, true);
    document.addEventListener('focusin', onFocus);
    document.addEventListener('focusout', onBlur);
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('scroll', close, true);
    return () => {
      close();
      document.removeEventListener('pointerover', onOver);
      document.removeEventListener('pointerout', onOut);
      document.removeEventListener('pointerdown', close, true);
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('focusout', onBlur);
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('scroll', close, true);
    };
  }, []);

  // Placed once its size is known, before it is painted: below its element (or above when asked,
  // or when there is no room below), centred and kept inside the window.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!shown || !el) return;
    const anchor = shown.target.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const below = anchor.bottom + OFFSET_PX;
    const above = anchor.top - OFFSET_PX - box.height;
    const wantsTop = shown.target.dataset.tooltipSide === 'top';
    const fitsBelow = below + box.height <= window.innerHeight - MARGIN_PX;
    const top = (wantsTop && above >= MARGIN_PX) || !fitsBelow ? Math.max(MARGIN_PX, above) : below;
    const centred = anchor.left + anchor.width / 2 - box.width / 2;
    const left = Math.min(Math.max(MARGIN_PX, centred), window.innerWidth - box.width - MARGIN_PX);
    el.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
    el.style.visibility = 'visible';
  }, [shown]);

  if (!shown) return null;
  return createPortal(
    <div ref={ref} id={shown.id} role="tooltip" className="tooltip tooltip-shared">
      {shown.label}
    </div>,
    document.body,
  );
}
