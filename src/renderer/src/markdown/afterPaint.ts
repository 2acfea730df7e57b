import { useEffect, useState } from 'react';
import { afterNextPaint } from '../afterFirstPaint';

let holding = false;
const waiting = new Set<() => void>();

/**
 * Called as a conversation's messages are first rendered: until the frame that shows them has
 * been painted, what can wait without being missed waits — code highlighting and math that are
 * not ready-made (the text is there, plain) and the icons of message actions not in view (see
 * MessageActions) — so the conversation appears a frame sooner; they are drawn right after
 * that paint.
 */
export function holdDecorationsUntilPaint(): void {
  if (holding || typeof requestAnimationFrame !== 'function') return;
  holding = true;
  afterNextPaint(() => {
    holding = false;
    const wake = [...waiting];
    waiting.clear();
    for (const listener of wake) listener();
  });
}

/**
 * False while decorations are held (see holdDecorationsUntilPaint) for a component mounted
 * then; true from then on (it never goes back to false for that component).
 */
export function useDecorationsReady(): boolean {
  const [ready, setReady] = useState(() => !holding);
  useEffect(() => {
    if (ready) return;
    if (!holding) {
      // Released between this render and now.
      const frame = requestAnimationFrame(() => setReady(true));
      return () => cancelAnimationFrame(frame);
    }
    const listener = () => setReady(true);
    waiting.add(listener);
    return () => {
      waiting.delete(listener);
    };
  }, [ready]);
  return ready;
}
